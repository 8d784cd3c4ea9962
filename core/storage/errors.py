"""Typed errors of draft files.  `str(error)` is a Chinese message for the user."""
from __future__ import annotations

from pathlib import Path


class DraftError(Exception):
    """Base class: the draft could not be read or written."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None

    def __str__(self) -> str:
        return self.message


class DraftNotFound(DraftError):
    pass


class DraftUnreadable(DraftError):
    """Not JSON, truncated, binary junk, or not readable from disk."""


class DraftSchemaError(DraftError):
    """Valid JSON, but not the structure of a draft (wrong types, missing keys)."""


class DraftTooNew(DraftError):
    """Written by a newer version of the application."""


class DraftWriteError(DraftError):
    """The file could not be written (permissions, disk full, locked)."""
