"""Print column widths measured from what the cells hold, and each label's lines.

Word and Excel size a table's columns from the text that has to fit in them:
value columns just wide enough for their headings and numbers, row-label
columns wide enough that every label breaks acceptably (label_lines), the
widest label column taking what is left.  In a block table (表二) the columns
of each block are made equal, so a value spanning two grid columns does not
squeeze its neighbours (本年新制作数/量).  All widths are in 字 of the table
font; `pad` is the cell's left + right margin in 字.
"""
from __future__ import annotations

from ..forms.layout import Grid, GridCell, Role
from ..records import record
from .content import text_units
from .label_lines import break_label, min_width


@record(eq=False)
class PrintLayout:
    widths: tuple[float, ...]  # per grid column, including the cell margins
    lines: dict[tuple[int, int], tuple[str, ...]]  # (row, col) of a text cell -> its lines

    def content_width(self, cell: GridCell, pad: float) -> float:
        return sum(self.widths[cell.col : cell.col + cell.colspan]) - pad


def _need(cell: GridCell, text: str) -> float:
    if cell.role is Role.VALUE:
        return text_units(text)  # numbers never wrap
    if cell.role in (Role.NOTE, Role.CAPTION):
        return 0.0  # wide merged cells; any width reads well
    return min_width(text) if text else 0.0


def _block_widths(grid: Grid, needs: dict[tuple[int, int], float], total: float, pad: float) -> list[float]:
    value_cols = grid.n_cols - 1
    col0_cells = [c for c in grid.cells if c.col == 0 and c.colspan == 1]
    least = max((needs[(c.row, c.col)] for c in col0_cells), default=0.0) + pad
    one_line = max((text_units(c.text) for c in col0_cells if c.role is Role.LABEL), default=0.0) + pad
    label = max(least, min(one_line, total * 0.4))
    rest = total - label
    # Each block's value columns equal: solve the span sums towards rest / k by
    # repeated projection (Kaczmarz); the spans of the national tables make
    # this exactly solvable (2019: X, X/2, X/2, X).
    w = [rest / value_cols] * value_cols
    spans: list[tuple[int, int, float]] = []
    for row in range(grid.n_rows):
        cells = [c for c in grid.cells if c.row == row and c.col > 0 and c.role is Role.HEADER]
        if cells:
            spans += [(c.col - 1, c.colspan, rest / len(cells)) for c in cells]
    for _ in range(200):
        for start, span, target in spans:
            delta = (target - sum(w[start : start + span])) / span
            for k in range(start, start + span):
                w[k] += delta
    scale = rest / sum(w)
    return [label] + [x * scale for x in w]


def _matrix_widths(grid: Grid, needs: dict[tuple[int, int], float], total: float, pad: float) -> list[float]:
    n_values = grid.n_cols - grid.label_cols
    if grid.label_cols == 0:
        return [total / n_values] * n_values
    # Value columns: as wide as the widest number in any of them (so digits
    # line up), wider where a heading needs it (自然人).
    numbers = max((needs[(c.row, c.col)] for c in grid.cells if c.role is Role.VALUE), default=1.0)
    widths = [0.0] * grid.label_cols + [numbers + pad] * n_values
    for c in grid.cells:
        if c.col >= grid.label_cols and c.colspan == 1:
            widths[c.col] = max(widths[c.col], needs[(c.row, c.col)] + pad)
    # Label columns but the last at their narrowest acceptable width; the last
    # (the leaf labels) takes what is left, which keeps the table short.
    for col in range(grid.label_cols - 1):
        own = [needs[(c.row, c.col)] for c in grid.cells if c.col == col and c.colspan == 1 and c.role is Role.LABEL]
        widths[col] = max(own, default=0.0) + pad
    last = grid.label_cols - 1
    widths[last] = total - sum(widths)
    return widths


def print_layout(grid: Grid, texts: dict[tuple[int, int], str], total: float, pad: float) -> PrintLayout:
    """Widths and label lines for a grid printed `total` 字 wide.

    texts: the printed text of every cell, keyed by its top-left (row, col)."""
    needs = {(c.row, c.col): _need(c, texts.get((c.row, c.col), "")) for c in grid.cells}
    if grid.label_cols == 1 and grid.header_rows == 0:
        widths = _block_widths(grid, needs, total, pad)
    else:
        widths = _matrix_widths(grid, needs, total, pad)
    result = PrintLayout(tuple(widths), {})
    for c in grid.cells:
        text = texts.get((c.row, c.col), "")
        if c.role is Role.VALUE or not text:
            continue
        lines = break_label(text, result.content_width(c, pad)) if c.role is not Role.CAPTION else None
        result.lines[(c.row, c.col)] = lines or (text,)
    return result
