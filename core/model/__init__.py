"""The report document and its values."""
from .report import META_FIELDS, META_LABELS, META_TEXT_FIELDS, Change, ChangeKind, Explanation, Metadata, PreviousYear, ReadOnlyCell, Report, default_report_year
from .links import LinkedPassage, Span
from .values import InvalidValue, format_value, parse_number

__all__ = [
    "Change", "ChangeKind", "Explanation", "LinkedPassage", "Span", "InvalidValue", "PreviousYear", "META_FIELDS", "META_LABELS", "META_TEXT_FIELDS", "Metadata", "ReadOnlyCell", "Report",
    "default_report_year", "format_value", "parse_number",
]
