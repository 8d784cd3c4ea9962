"""The physical grid of a table: which text or value sits in which merged cell.

Every renderer (the Qt grid, .docx, .html, .xlsx) and the xlsx importer walk
this one grid, so the national merges are derived once from the declarations.
"""
from __future__ import annotations

from enum import Enum
from typing import Any
from functools import cached_property

from ..records import record
from .schema import BlockTable, CellRef, Column, MatrixTable, Row, Table


class Role(Enum):
    NOTE = "note"  # the 勾稽关系 note in the corner of table 三
    CAPTION = "caption"  # 第二十条第（一）项
    HEADER = "header"  # column headings
    LABEL = "label"  # row labels
    VALUE = "value"  # an input or computed value cell


@record
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    role: Role
    text: str = ""
    ref: CellRef | None = None  # for VALUE cells


@record(eq=False)
class Grid:
    table: str
    n_rows: int
    n_cols: int
    cells: tuple[GridCell, ...]
    header_rows: int  # leading rows that repeat on every printed page
    label_cols: int  # leading columns that hold row labels
    col_weights: tuple[float, ...]  # relative column widths for print layouts

    def at(self, row: int, col: int) -> GridCell | None:
        """The cell whose top-left corner is (row, col), if any."""
        return self._index.get((row, col))

    def covering(self, row: int, col: int) -> GridCell | None:
        """The cell that covers (row, col), including merged areas."""
        return self._cover.get((row, col))

    def position(self, ref: CellRef) -> tuple[int, int]:
        return self._positions[ref]

    @cached_property
    def value_cells(self) -> tuple[GridCell, ...]:
        return tuple(c for c in self.cells if c.role is Role.VALUE)

    @cached_property
    def _index(self) -> dict[tuple[int, int], GridCell]:
        return {(c.row, c.col): c for c in self.cells}

    @cached_property
    def _cover(self) -> dict[tuple[int, int], GridCell]:
        return {
            (r, k): c
            for c in self.cells
            for r in range(c.row, c.row + c.rowspan)
            for k in range(c.col, c.col + c.colspan)
        }

    @cached_property
    def _positions(self) -> dict[CellRef, tuple[int, int]]:
        return {c.ref: (c.row, c.col) for c in self.cells if c.ref is not None}


def _depth(nodes: tuple[Any, ...]) -> int:
    return max((1 + _depth(n.children) if n.children else 1) for n in nodes)


# Tables are module-level constants that live as long as the program, so their
# id is a stable key (hashing a whole table tree on every call would be slow).
_LAYOUTS: dict[int, tuple[Table, Grid]] = {}


def layout(table: Table) -> Grid:
    hit = _LAYOUTS.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    grid = _block_layout(table) if isinstance(table, BlockTable) else _matrix_layout(table)
    _LAYOUTS[id(table)] = (table, grid)
    return grid


def _block_layout(table: BlockTable) -> Grid:
    n_cols = 1 + table.value_width
    cells: list[GridCell] = []
    r = 0
    for block in table.blocks:
        width = sum(c.span for c in block.columns)
        if width != table.value_width:
            raise ValueError(f"block {block.key} spans {width} columns, table has {table.value_width}")
        cells.append(GridCell(r, 0, 1, n_cols, Role.CAPTION, block.caption))
        cells.append(GridCell(r + 1, 0, 1, 1, Role.HEADER, block.header_label))
        c = 1
        for col in block.columns:
            cells.append(GridCell(r + 1, c, 1, col.span, Role.HEADER, col.label))
            c += col.span
        r += 2
        for row in block.rows:
            cells.append(GridCell(r, 0, 1, 1, Role.LABEL, row.label))
            c = 1
            for col in block.columns:
                cells.append(GridCell(r, c, 1, col.span, Role.VALUE, ref=(table.key, row.key, col.key)))
                c += col.span
            r += 1
    weights = (2.2,) + (1.0,) * table.value_width
    return Grid(table.key, r, n_cols, tuple(cells), 0, 1, weights)


def _matrix_layout(table: MatrixTable) -> Grid:
    header_rows = _depth(table.columns)
    label_cols = _depth(table.rows) if table.show_row_labels else 0
    cells: list[GridCell] = []

    if table.note is not None and label_cols:
        cells.append(GridCell(0, 0, header_rows, label_cols, Role.NOTE, table.note))
    elif label_cols:
        cells.append(GridCell(0, 0, header_rows, label_cols, Role.HEADER, ""))

    leaf_cols: list[Column] = []

    def place_columns(nodes: tuple[Column, ...], depth: int, col: int) -> int:
        for node in nodes:
            if node.children:
                width = len(node.leaves())
                cells.append(GridCell(depth, col, 1, width, Role.HEADER, node.label))
                place_columns(node.children, depth + 1, col)
                col += width
            else:
                cells.append(GridCell(depth, col, header_rows - depth, 1, Role.HEADER, node.label))
                leaf_cols.append(node)
                col += 1
        return col

    n_cols = place_columns(table.columns, 0, label_cols)

    def place_rows(nodes: tuple[Row, ...], depth: int, row: int) -> int:
        for node in nodes:
            if node.children:
                height = len(node.leaves())
                if label_cols:
                    cells.append(GridCell(row, depth, height, 1, Role.LABEL, node.label))
                place_rows(node.children, depth + 1, row)
                row += height
            else:
                if label_cols:
                    cells.append(GridCell(row, depth, 1, label_cols - depth, Role.LABEL, node.label))
                for i, col in enumerate(leaf_cols):
                    cells.append(GridCell(row, label_cols + i, 1, 1, Role.VALUE, ref=(table.key, node.key, col.key)))
                row += 1
        return row

    n_rows = place_rows(table.rows, 0, header_rows)
    # The label area of table 三 takes about 40 % of the width (spec §5.4).
    label_weights = (1.0, 1.3, 3.6)[-label_cols:] if label_cols else ()
    weights = label_weights + (1.0,) * len(leaf_cols)
    return Grid(table.key, n_rows, n_cols, tuple(cells), header_rows, label_cols, weights)
