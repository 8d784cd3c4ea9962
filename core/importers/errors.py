"""Import errors, kept apart from the importers so that callers need not load openpyxl."""
from __future__ import annotations

MAX_PROBLEMS_SHOWN = 12


class XlsxImportError(Exception):
    """The workbook cannot be imported; the message (Chinese) names sheet and cell."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = f"\n……另有{len(problems) - len(shown)}处问题。" if len(problems) > len(shown) else ""
        super().__init__("\n".join(shown) + more)
