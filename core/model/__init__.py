"""The report document and its values."""
from .report import META_FIELDS, META_LABELS, Change, Metadata, ReadOnlyCell, Report
from .values import InvalidValue, format_value, parse_number

__all__ = [
    "Change", "InvalidValue", "META_FIELDS", "META_LABELS", "Metadata", "ReadOnlyCell", "Report",
    "format_value", "parse_number",
]
