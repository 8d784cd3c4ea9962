"""The cells behind what narrative prose restates, from each format's `prose`
declarations (schema.ProseCells).  The narrative checks (V9) ask here which
cells a phrase such as "不予公开3件" must equal, so that they hold no table, row
or column key of their own."""
from __future__ import annotations

from .schema import CellRef, Form, MatrixTable, ProseCells, Row


def _declaration(form: Form, measure: str) -> ProseCells | None:
    for key, cells in form.prose:
        if key == measure:
            return cells
    return None


def _row(rows: tuple[Row, ...], key: str) -> Row | None:
    for row in rows:
        if row.key == key:
            return row
        hit = _row(row.children, key)
        if hit is not None:
            return hit
    return None


def prose_cells(form: Form, measure: str) -> list[CellRef]:
    """The input or total cells whose sum the measure states; empty where the
    format does not declare it (the measure is then not looked for)."""
    decl = _declaration(form, measure)
    if decl is None:
        return []
    table = form.table(decl.table)
    rows: list[str] = []
    for key in decl.rows:
        row = _row(table.rows, key) if isinstance(table, MatrixTable) else None
        if row is None:
            rows.append(key)
        else:
            rows.extend(leaf.key for leaf in row.leaves())
    return [(decl.table, r, c) for r in rows for c in decl.columns]


def prose_group(form: Form, measure: str) -> Row | None:
    """The row group a measure sums over (（三）不予公开), to name it so in messages."""
    decl = _declaration(form, measure)
    if decl is None or len(decl.rows) != 1:
        return None
    table = form.table(decl.table)
    row = _row(table.rows, decl.rows[0]) if isinstance(table, MatrixTable) else None
    return row if row is not None and row.children else None
