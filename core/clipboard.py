"""Copy and paste of table blocks as tab-separated text (Excel/WPS clipboard).

The window only moves text between the clipboard and these functions; which
cells a block lands in, what is skipped and what is refused is decided here.
"""
from __future__ import annotations

from .forms.layout import Role, layout
from .forms.schema import CellRef, Number
from .model.report import Report
from .model.values import InvalidValue, format_value, parse_number
from .records import field, record


@record(frozen=False)
class PastePlan:
    values: dict[CellRef, Number | None] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)  # "表三 申请情况 第5行第4列“abc”：…"
    skipped: int = 0  # pasted fields that fell on labels or totals

    @property
    def ok(self) -> bool:
        return not self.refused and bool(self.values)


def parse_tsv(text: str) -> list[list[str]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return [line.split("\t") for line in text.split("\n")]


def plan_paste(report: Report, table_key: str, row: int, col: int, text: str) -> PastePlan:
    """Map a TSV block with its top-left field at grid (row, col) onto input cells."""
    table = report.form.table(table_key)
    grid = layout(table)
    plan = PastePlan()
    for i, fields in enumerate(parse_tsv(text)):
        for j, raw in enumerate(fields):
            r, c = row + i, col + j
            cell = grid.covering(r, c)
            if cell is None:
                if raw.strip():
                    plan.skipped += 1
                continue
            editable = cell.role is Role.VALUE and cell.ref is not None and report.is_input(cell.ref)
            if not editable or (cell.row, cell.col) != (r, c):
                if raw.strip():
                    plan.skipped += 1
                continue
            assert cell.ref is not None
            spec = report.form.cells[cell.ref]
            try:
                plan.values[cell.ref] = parse_number(raw, spec.domain)
            except InvalidValue as exc:
                plan.refused.append(f"第{r + 1}行第{c + 1}列（{spec.label}）：{exc}")
    return plan


def copy_block(report: Report, table_key: str, top: int, left: int, bottom: int, right: int) -> str:
    """The grid rectangle as TSV: values as shown (blank stays blank), labels as text."""
    grid = layout(report.form.table(table_key))
    lines = []
    for r in range(top, bottom + 1):
        fields = []
        for c in range(left, right + 1):
            cell = grid.at(r, c)
            if cell is None:
                fields.append("")
            elif cell.role is Role.VALUE and cell.ref is not None:
                fields.append(format_value(report.value(cell.ref)))
            else:
                fields.append(cell.text)
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"
