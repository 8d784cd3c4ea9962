"""Which edit broke a balance: for each column of a printed equality (R-3.1),
the inputs as they were the last time the column balanced.  When exactly one of
them differs now, the finding says so ("最近修改的是 …：8 → 13"), because that
one cell is then the likely slip.

The history belongs to an editing session (the window), not to the report:
a report opened unbalanced has no earlier balanced state, and gets no note.
"""
from __future__ import annotations

from ..forms import MatrixTable
from ..forms.schema import CellRef, Form, Number
from ..model.report import Report
from ..model.values import format_value
from ..records import replace
from .findings import Finding

ColumnKey = tuple[str, str, str]  # (rule, table, column)


def _inputs_of(form: Form, ref: CellRef) -> set[CellRef]:
    """The input cells a value depends on (itself, for an input)."""
    spec = form.cells[ref]
    if not spec.computed:
        return {ref}
    out: set[CellRef] = set()
    for r, c in spec.terms:
        out |= _inputs_of(form, (spec.table, r, c))
    return out


def _columns(form: Form) -> dict[ColumnKey, tuple[CellRef, ...]]:
    """Every column of every printed equality, with the inputs it depends on."""
    out: dict[ColumnKey, tuple[CellRef, ...]] = {}
    for table in form.tables:
        if not isinstance(table, MatrixTable):
            continue
        for bal in table.balances:
            for col in table.leaf_columns():
                refs: set[CellRef] = set()
                for row in bal.lhs + bal.rhs:
                    refs |= _inputs_of(form, (table.key, row, col.key))
                out[(bal.rule, table.key, col.key)] = tuple(sorted(refs))
    return out


_COLUMNS: dict[str, dict[ColumnKey, tuple[CellRef, ...]]] = {}  # by form key: forms never change


class BalanceHistory:
    def __init__(self) -> None:
        self._balanced: dict[ColumnKey, dict[CellRef, Number | None]] = {}

    def forget(self) -> None:
        """A different report: nothing known about its earlier states."""
        self._balanced.clear()

    def annotate(self, report: Report, findings: list[Finding]) -> list[Finding]:
        """Record the columns that balance now; add the most recent edit to the
        findings of those that do not, when it is a single cell."""
        form = report.form
        columns = _COLUMNS.get(form.key)
        if columns is None:
            columns = _COLUMNS[form.key] = _columns(form)
        broken = {(f.rule, f.cells[0][0], f.cells[0][2]): i for i, f in enumerate(findings) if f.cells}
        out = list(findings)
        inputs = report.inputs  # the refs are all inputs
        for key, refs in columns.items():
            now = {r: inputs.get(r) for r in refs}
            i = broken.get(key)
            if i is None:
                self._balanced[key] = now
                continue
            before = self._balanced.get(key)
            if before is None or set(before) != set(now):
                continue
            changed = [r for r in refs if now[r] != before[r]]
            if len(changed) == 1:
                ref = changed[0]
                spec = form.cells[ref]
                old, new = format_value(before[ref]) or "空", format_value(now[ref]) or "空"
                note = f"最近修改的是 {spec.label}：{old} → {new}。"
                out[i] = replace(out[i], message=f"{out[i].message}{note}")
        return out
