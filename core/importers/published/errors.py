"""The error raised when a published report cannot be read at all."""
from __future__ import annotations

from ..errors import XlsxImportError


class PublishedImportError(XlsxImportError):
    """A file that cannot be read as a published report; the message is Chinese.

    A subclass of the Excel importer's error so that callers handling import
    failures (the CLI, the window) catch both with one clause."""
