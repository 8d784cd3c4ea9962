"""The one error type of 汇总: its message is Chinese and says what and where."""
from __future__ import annotations


class ConsolidationError(Exception):
    """A roster, workspace file or set of reports that cannot be used as given."""
