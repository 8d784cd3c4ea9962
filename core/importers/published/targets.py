"""What the locator looks for, derived from the form declarations.

No label is typed here: every row label, column count and heading comes from
core/forms, so a future format only needs its declaration.
"""
from __future__ import annotations

from functools import cache

from ...forms import FORMS, BlockTable, Form, MatrixTable
from ...forms.layout import Role, layout
from ...forms.schema import CellRef, Column, Row
from ...records import record
from .text import item_number, key


@record
class Target:
    """A printed table row whose value cells the locator places."""

    table: str
    label: str
    key: str
    number: str  # its item number ("1.", "(三)") or ""
    refs: tuple[CellRef, ...]  # value cells, left to right
    parent: str  # key of the parent row label ("" for top-level rows and section 二)
    leaf: bool  # False for a parent row such as （六）其他处理 in 2021, which has no cells of its own
    order: int  # position in the printed table


def _leaf_columns(columns: tuple[Column, ...]) -> list[Column]:
    return [leaf for c in columns for leaf in c.leaves()]


def _matrix_targets(table: MatrixTable, start: int) -> list[Target]:
    cols = _leaf_columns(table.columns)
    out: list[Target] = []

    def visit(rows: tuple[Row, ...], parent: str) -> None:
        for row in rows:
            k = key(row.label)
            refs = tuple((table.key, leaf.key, c.key) for leaf in row.leaves() for c in cols)
            if row.children:
                last = row.leaves()[-1]
                out.append(Target(table.key, row.label, k, item_number(k), tuple(
                    (table.key, last.key, c.key) for c in cols), parent, False, start + len(out)))
                visit(row.children, k)
            else:
                out.append(Target(table.key, row.label, k, item_number(k), refs, parent, True, start + len(out)))

    if table.show_row_labels:
        visit(table.rows, "")
    return out


@cache
def targets(form_key: str) -> tuple[Target, ...]:
    form = FORMS[form_key]
    out: list[Target] = []
    for table in form.tables:
        if isinstance(table, BlockTable):
            for block in table.blocks:
                for row in block.rows:
                    k = key(row.label)
                    refs = tuple((table.key, row.key, c.key) for c in block.columns)
                    out.append(Target(table.key, row.label, k, "", refs, "", True, len(out)))
        elif isinstance(table, MatrixTable):
            out.extend(_matrix_targets(table, len(out)))
    return tuple(out)


def unlabelled_tables(form: Form) -> list[MatrixTable]:
    """Tables printed without row labels (section 四: one row of values under its header)."""
    return [t for t in form.tables if isinstance(t, MatrixTable) and not t.show_row_labels]


def header_keys(table: MatrixTable) -> tuple[str, ...]:
    """Keys of the top-level column labels, which announce an unlabelled table."""
    return tuple(key(c.label) for c in table.columns)


def value_refs(table: MatrixTable) -> tuple[CellRef, ...]:
    cols = _leaf_columns(table.columns)
    return tuple((table.key, row.key, c.key) for row in table.rows for leaf in [row] for c in cols)


@cache
def signature_keys(form_key: str) -> frozenset[str]:
    """Label keys printed in this format's tables and in no other format's:
    the evidence for which format a published report follows."""
    def keys(f: Form) -> set[str]:
        return {key(c.text) for t in f.tables for c in layout(t).cells if c.role is not Role.VALUE and c.text}

    mine = keys(FORMS[form_key])
    others: set[str] = set()
    for k, f in FORMS.items():
        if k != form_key:
            others |= keys(f)
    return frozenset(mine - others)
