"""A finding: one broken rule, with the cells involved and the numbers."""
from __future__ import annotations

from enum import Enum
from typing import Any

from ..forms.schema import CellRef, Number
from ..model.values import plain_number
from ..records import record

# Finding.section of findings about the metadata (the 基本信息 page), which is
# not a section of the form.
METADATA = "meta"


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "错误" if self is Severity.ERROR else "警告"


@record
class Finding:
    rule: str
    severity: Severity
    message: str
    section: str  # key of the report section the finding belongs to
    cells: tuple[CellRef, ...] = ()
    expected: Number | None = None
    actual: Number | None = None
    evidence: str = ""  # the quoted sentence a narrative finding comes from
    explanation: str | None = None  # the user's 已核实 note, while it still applies

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def is_open(self) -> bool:
        """Counts against the report: every error, and warnings not explained."""
        return self.is_error or self.explanation is None

    @property
    def key(self) -> str:
        """Stable identity of the finding, under which an explanation is stored."""
        cells = ";".join("/".join(c) for c in self.cells)
        return f"{self.rule}:{self.section}:{cells}:{self.evidence}"

    def to_json(self) -> dict[str, Any]:
        out = {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "cells": [{"table": t, "row": r, "column": c} for t, r, c in self.cells],
            "expected": _json_number(self.expected),
            "actual": _json_number(self.actual),
            "key": self.key,  # what a 已核实 explanation is stored under
            "sentence": self.evidence or None,  # the quoted sentence of a narrative finding
        }
        if self.explanation is not None:
            out["explanation"] = self.explanation
        return out


def _json_number(v: Number | None) -> int | float | None:
    return None if v is None else plain_number(v)


def findings_to_json(findings: list[Finding]) -> dict[str, Any]:
    return {"findings": [f.to_json() for f in findings]}
