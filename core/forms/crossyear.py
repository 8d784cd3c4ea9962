"""The cells a cross-year relation (schema.FromLastYear, schema.RunningStock)
ties together, derived from its declaration: carry-over (core/carry.py) and
the V7/V8 checks (core/checks/crossyear.py) both walk these."""
from __future__ import annotations

from .schema import CellRef, CrossYear, Form, FromLastYear, MatrixTable, RunningStock


def shared_relations(form: Form, last_form: Form | None) -> tuple[CrossYear, ...]:
    """The relations this year's format declares that last year's declares too:
    a relation links two years only where both formats mean the same by it
    (a 2021 report does not continue a 2019 report's 上一年项目数量)."""
    if last_form is None:
        return ()
    return tuple(r for r in form.cross_year if r in last_form.cross_year)


def carried_pairs(relation: FromLastYear, form: Form) -> list[tuple[CellRef, CellRef]]:
    """(this year's cell, last year's cell) for each input column of the row."""
    table = form.table(relation.table)
    assert isinstance(table, MatrixTable)
    return [((table.key, relation.row, c.key), (table.key, relation.last_row, c.key))
            for c in table.leaf_columns() if c.total is None]


def stock_rows(relation: RunningStock, form: Form) -> list[str]:
    """The rows that have the stock column, in form order."""
    return [row for table, row, column in form.cells if table == relation.table and column == relation.column]
