"""Derive the flat list of value cells (inputs and computed totals) of a form."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .schema import BlockTable, CellRef, CellSpec, Column, MatrixTable, Row, Table


def _with_parents(nodes: tuple[Any, ...], parent: Any = None) -> Iterator[tuple[Any, Any, tuple[Any, ...]]]:
    """Yield (leaf, parent, siblings) for every leaf of a row or column tree."""
    for node in nodes:
        if node.children:
            yield from _with_parents(node.children, node)
        else:
            yield node, parent, nodes


def _sibling_leaves(node: Any, siblings: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(leaf for sib in siblings if sib is not node for leaf in sib.leaves())


def _qualified_labels(nodes: tuple[Any, ...]) -> dict[str, str]:
    """Leaf key -> label with its parent's label in front, so that repeated
    labels such as 结果维持 or 3.其他 are unambiguous in messages."""
    out: dict[str, str] = {}
    for leaf, parent, _ in _with_parents(nodes):
        out[leaf.key] = f"{parent.label} {leaf.label}" if parent is not None else leaf.label
    return out


def table_cells(table: Table) -> list[CellSpec]:
    if isinstance(table, BlockTable):
        return [
            CellSpec(table.key, row.key, col.key, col.domain, f"{block.caption} {row.label}", col.label)
            for block in table.blocks
            for row in block.rows
            for col in block.columns
        ]
    return _matrix_cells(table)


def _matrix_cells(table: MatrixTable) -> list[CellSpec]:
    row_labels = _qualified_labels(table.rows)
    col_labels = _qualified_labels(table.columns)
    rows = list(_with_parents(table.rows))
    cols = list(_with_parents(table.columns))
    cells: list[CellSpec] = []
    for row, _, row_sibs in rows:
        for col, _, col_sibs in cols:
            col_node: Column = col
            row_node: Row = row
            terms: tuple[tuple[str, str], ...] = ()
            total = None
            if col_node.total is not None:
                terms = tuple((row_node.key, c.key) for c in _sibling_leaves(col_node, col_sibs))
                total = col_node.total
            elif row_node.total is not None:
                terms = tuple((r.key, col_node.key) for r in _sibling_leaves(row_node, row_sibs))
                total = row_node.total
            cells.append(
                CellSpec(
                    table.key,
                    row_node.key,
                    col_node.key,
                    col_node.domain,
                    row_labels[row_node.key] if table.show_row_labels else "",
                    col_labels[col_node.key],
                    terms,
                    total.rule if total else None,
                    total.rule_name if total else None,
                )
            )
    return cells


def evaluation_order(cells: dict[CellRef, CellSpec]) -> list[CellSpec]:
    """Computed cells ordered so that every term is evaluated before its sum."""
    order: list[CellSpec] = []
    done: set[CellRef] = set()

    def visit(spec: CellSpec) -> None:
        if spec.ref in done:
            return
        for r, c in spec.terms:
            term = cells[(spec.table, r, c)]
            if term.computed:
                visit(term)
        done.add(spec.ref)
        order.append(spec)

    for spec in cells.values():
        if spec.computed:
            visit(spec)
    return order


def total_rules(table: Table, row_key: str, col_key: str) -> list[tuple[str, str, tuple[tuple[str, str], ...]]]:
    """Every sum a computed cell stands for, as (rule, rule name, terms).

    A corner cell such as （七）总计 / 总计 is both the total of its row and the
    total of its column; a stated value that breaks one of them must be
    reported under that rule, with that rule's own terms."""
    if not isinstance(table, MatrixTable):
        return []
    out: list[tuple[str, str, tuple[tuple[str, str], ...]]] = []
    rows: dict[str, tuple[Any, tuple[Any, ...]]] = {
        leaf.key: (leaf, sibs) for leaf, _, sibs in _with_parents(table.rows)}
    cols: dict[str, tuple[Any, tuple[Any, ...]]] = {
        leaf.key: (leaf, sibs) for leaf, _, sibs in _with_parents(table.columns)}
    if row_key not in rows or col_key not in cols:
        return out
    row_node, row_sibs = rows[row_key]
    col_node, col_sibs = cols[col_key]
    if col_node.total is not None:
        terms = tuple((row_key, c.key) for c in _sibling_leaves(col_node, col_sibs))
        out.append((col_node.total.rule, col_node.total.rule_name, terms))
    if row_node.total is not None:
        terms = tuple((r.key, col_key) for r in _sibling_leaves(row_node, row_sibs))
        out.append((row_node.total.rule, row_node.total.rule_name, terms))
    return out
