"""Column widths, row heights and header line breaks of a table grid.

Plain arithmetic over the grid and a text-measuring function, so that it can be
tested without painting.  The rules, from what clerks see on office screens:
- value columns are never narrower than their one-line heading (社会公益组织 is
  one word; broken as 社会公益组/织 it reads wrongly);
- the row-label area gets its share of the width first (up to ~40 % of it, as in
  the printed table), and the value columns share whatever width is left, so a
  wide screen is used instead of leaving a blank band right of the table;
- a heading that must wrap breaks at a sensible point: before an opening
  bracket or after a 、，： rather than anywhere.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from core.export.label_lines import break_label
from core.export.table_widths import print_layout
from core.forms.layout import Grid, Role

Measure = Callable[[str], int]  # width of a one-line text in pixels

PAD = 14  # cell padding left + right, in pixels
LABEL_SHARE = 0.40  # the label area's share of the width at most (spec §5.4)
_BREAK_BEFORE = "（(《“"
_BREAK_AFTER = "、，：；）)》”"


def header_lines(text: str, measure: Measure, width: int) -> str:
    """The heading with line breaks ("\\n") so that it fits `width`, breaking
    at sensible points; at most the text unchanged if it fits on one line."""
    if measure(text) <= width or len(text) < 2:
        return text
    best: tuple[int, int] | None = None  # (longest line, position)
    for i in range(1, len(text)):
        if text[i] in _BREAK_BEFORE or text[i - 1] in _BREAK_AFTER:
            longest = max(measure(text[:i]), measure(text[i:]))
            if best is None or longest < best[0]:
                best = (longest, i)
    if best is None or best[0] > width:
        # No punctuation to break at, or still too wide: split into balanced
        # halves rather than leave one character on a line of its own.
        half = len(text) // 2
        head, tail = text[:half], text[half:]
        if measure(tail) > width:
            return head + "\n" + header_lines(tail, measure, width)
        return head + "\n" + tail
    i = best[1]
    tail = text[i:]
    return text[:i] + "\n" + (header_lines(tail, measure, width) if measure(tail) > width else tail)


def _value_columns(grid: Grid) -> list[int]:
    return list(range(grid.label_cols, grid.n_cols))


def min_value_width(grid: Grid, measure: Measure, char: int) -> int:
    """The narrowest a value column may be: its one-line leaf heading (up to
    seven characters; longer headings wrap), and never under four characters."""
    widest = 4 * char
    for cell in grid.cells:
        if cell.role is Role.HEADER and cell.colspan == 1 and cell.col >= grid.label_cols:
            widest = max(widest, min(measure(cell.text), 7 * char))
    return widest + PAD


def column_widths(grid: Grid, measure: Measure, char: int, available: int) -> list[int]:
    """Pixel widths of the grid columns filling `available` pixels (more if the
    minimum does not fit: the view then scrolls)."""
    if grid.header_rows == 0 and grid.label_cols == 1:
        return _block_widths(grid, char, available)
    label_weights = list(grid.col_weights[: grid.label_cols])
    n_values = grid.n_cols - grid.label_cols
    vmin = min_value_width(grid, measure, char)
    # The label area: 3.6 characters per unit of weight at least, 40 % of the width at most.
    label_min = int(sum(label_weights) * 3.6 * char)
    spare = available - label_min - n_values * vmin
    label_area = label_min
    if spare > 0 and label_weights:
        # no wider than the longest label needs to stand on one line
        total_weight = sum(label_weights)
        one_line = max((int((measure(c.text) + PAD) * total_weight / sum(label_weights[c.col : c.col + c.colspan]))
                        for c in grid.cells if c.role is Role.LABEL and c.col < grid.label_cols), default=label_min)
        label_area = max(label_min, min(int(available * LABEL_SHARE), label_min + spare, one_line))
    value_width = max(vmin, (available - label_area) // n_values) if n_values else 0
    total_weight = sum(label_weights) or 1.0
    widths = [int(label_area * w / total_weight) for w in label_weights]
    widths += [value_width] * n_values
    # Hand the pixels lost to rounding to the last value column, so the table ends flush.
    if sum(widths) < available and n_values:
        widths[-1] += available - sum(widths)
    return widths


def _block_widths(grid: Grid, char: int, available: int) -> list[int]:
    """表二: the printed table's proportions (core/export/table_widths.py), whose
    blocks get equal value columns however their headings span the grid (in the
    2019 format 本年新公开数量 spans two grid columns of four)."""
    texts = {(c.row, c.col): c.text for c in grid.cells}
    printed = print_layout(grid, texts, available / char, PAD / char)
    widths = [int(w * char) for w in printed.widths]
    widths[-1] += available - sum(widths)
    return widths


def header_texts(grid: Grid, measure: Measure, widths: Sequence[int]) -> dict[tuple[int, int], str]:
    """Heading and label texts with their line breaks, by (row, col): the breaks
    the printed tables use (core/export/label_lines.py: even lines, none of one
    character, after a closing bracket: （五）/不予处理), else header_lines."""
    out: dict[tuple[int, int], str] = {}
    char = max(1, measure("国"))
    for cell in grid.cells:
        if cell.role in (Role.HEADER, Role.LABEL) and cell.text:
            width = sum(widths[cell.col : cell.col + cell.colspan]) - PAD
            lines = break_label(cell.text, width / char)
            out[(cell.row, cell.col)] = "\n".join(lines) if lines else header_lines(cell.text, measure, width)
        elif cell.text:
            out[(cell.row, cell.col)] = cell.text
    return out


def row_heights(grid: Grid, measure: Measure, line: int, widths: Sequence[int],
                texts: dict[tuple[int, int], str]) -> list[int]:
    """Pixel heights of the grid rows: compact rows (the clerk should see most of
    表三 at once), taller where a label or heading wraps."""
    base = line + 6
    heights = [base] * grid.n_rows
    for cell in grid.cells:
        if not cell.text or cell.rowspan != 1:
            continue
        width = max(1, sum(widths[cell.col : cell.col + cell.colspan]) - PAD)
        text = texts.get((cell.row, cell.col), cell.text)
        lines = sum(max(1, -(-measure(part) // width)) for part in text.split("\n"))
        heights[cell.row] = max(heights[cell.row], lines * line + 6)
    # A heading cell spanning several rows (自然人, 总计) needs their sum.
    for cell in grid.cells:
        if cell.text and cell.rowspan > 1 and cell.role is not Role.LABEL:
            width = max(1, sum(widths[cell.col : cell.col + cell.colspan]) - PAD)
            text = texts.get((cell.row, cell.col), cell.text)
            need = sum(max(1, -(-measure(part) // width)) for part in text.split("\n")) * line + 6
            rows = range(cell.row, cell.row + cell.rowspan)
            have = sum(heights[r] for r in rows)
            if need > have:
                heights[rows[-1]] += need - have
    return heights
