"""Draft files: load, save, errors."""
from .draft import BACKUP_SUFFIX, DRAFT_SUFFIX, FORMAT_VERSION, backup_path, dumps, from_dict, load, loads, save, to_dict
from .errors import DraftError, DraftNotFound, DraftSchemaError, DraftTooNew, DraftUnreadable, DraftWriteError

__all__ = [
    "BACKUP_SUFFIX", "DRAFT_SUFFIX", "DraftError", "DraftNotFound", "DraftSchemaError", "DraftTooNew",
    "DraftUnreadable", "DraftWriteError", "FORMAT_VERSION", "backup_path", "dumps", "from_dict", "load", "loads",
    "save", "to_dict",
]
