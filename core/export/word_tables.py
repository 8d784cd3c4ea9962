"""The national tables as raw WordprocessingML, from the shared grid layout.

Every table carries a w:tblGrid and an explicit width on every cell (WPS sizes
tables from those and ignores autofit hints).  Column widths come from the
measured labels (table_widths) and every label carries its own line breaks
(label_lines), so Word, WPS and LibreOffice all break 自然人 or 三、本年度办理结果
the same way.  Table text has an exact line height and does not snap to the
document grid, so row heights are predictable: a table that fits on one page is
kept on one page (every row kept with the next), a longer one repeats its
header rows and never splits a row.
"""
from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..forms.layout import Grid, Role
from ..model.report import Report
from .content import cell_texts
from .settings import ExportSettings
from .table_widths import PrintLayout, print_layout
from .word_fonts import set_fonts

TWIPS_PER_PT = 20
CELL_SIDE_MARGIN_TWIPS = 28  # ≈ 0.5 mm: the narrow value columns need every point
LINE_EM = 1.15  # exact line height of table text, in em
ROW_PAD_PT = 2.0  # above and below the lines of a row


def _el(tag: str, **attrs: str) -> Any:
    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    return el


def table_line_pt(font_pt: float) -> float:
    """Exact line height of table text, on a half-point."""
    return round(font_pt * LINE_EM * 2) / 2


def min_row_pt(font_pt: float) -> float:
    return table_line_pt(font_pt) + 2 * ROW_PAD_PT


def table_layout(report: Report, grid: Grid, width_pt: float, font_pt: float) -> PrintLayout:
    pad = 2 * CELL_SIDE_MARGIN_TWIPS / TWIPS_PER_PT / font_pt
    # A little slack per column so a renderer with slightly wider glyphs does not
    # re-wrap a line the export already broke.
    return print_layout(grid, cell_texts(report, grid), width_pt / font_pt, pad + 0.2)


def row_heights_pt(grid: Grid, pl: PrintLayout, font_pt: float) -> list[float]:
    """Estimated printed height of every row (labels at their own line breaks)."""
    line, least = table_line_pt(font_pt), min_row_pt(font_pt)
    heights = [least] * grid.n_rows
    for c in grid.cells:
        if c.rowspan == 1:
            n = len(pl.lines.get((c.row, c.col), ("",)))
            heights[c.row] = max(heights[c.row], n * line + 2 * ROW_PAD_PT)
    for c in grid.cells:
        if c.rowspan > 1:
            n = len(pl.lines.get((c.row, c.col), ("",)))
            have = sum(heights[c.row : c.row + c.rowspan])
            if n * line + 2 * ROW_PAD_PT > have:
                heights[c.row + c.rowspan - 1] += n * line + 2 * ROW_PAD_PT - have
    return heights


def table_xml(report: Report, grid: Grid, s: ExportSettings, font_pt: float, style_id: str, width_pt: float,
              *, keep_together: bool) -> Any:
    pl = table_layout(report, grid, width_pt, font_pt)
    scale = width_pt * TWIPS_PER_PT / sum(pl.widths)
    widths = [int(w * scale) for w in pl.widths]
    widths[-1] += round(width_pt * TWIPS_PER_PT) - sum(widths)
    tbl = _el("w:tbl")
    pr = _el("w:tblPr")
    pr.append(_el("w:tblW", w=str(sum(widths)), type="dxa"))
    pr.append(_el("w:jc", val="center"))
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", val="single", sz="4", space="0", color="000000"))
    pr.append(borders)
    pr.append(_el("w:tblLayout", type="fixed"))
    mar = _el("w:tblCellMar")
    side = str(CELL_SIDE_MARGIN_TWIPS)
    for name, margin in (("top", "0"), ("left", side), ("bottom", "0"), ("right", side)):
        mar.append(_el(f"w:{name}", w=margin, type="dxa"))
    pr.append(mar)
    pr.append(_el("w:tblLook", val="0000", firstRow="0", lastRow="0", firstColumn="0", lastColumn="0",
                  noHBand="1", noVBand="1"))
    tbl.append(pr)
    tbl_grid = _el("w:tblGrid")
    for width in widths:
        tbl_grid.append(_el("w:gridCol", w=str(width)))
    tbl.append(tbl_grid)

    texts = cell_texts(report, grid)
    row_height = round(min_row_pt(font_pt) * TWIPS_PER_PT)
    for r in range(grid.n_rows):
        tr = _el("w:tr")
        trpr = _el("w:trPr")
        trpr.append(_el("w:cantSplit"))
        trpr.append(_el("w:trHeight", val=str(row_height), hRule="atLeast"))
        if r < grid.header_rows:
            trpr.append(_el("w:tblHeader"))
        tr.append(trpr)
        keep = keep_together and r < grid.n_rows - 1
        c = 0
        while c < grid.n_cols:
            cell = grid.covering(r, c)
            assert cell is not None, (grid.table, r, c)
            tc = _el("w:tc")
            tcpr = _el("w:tcPr")
            tcpr.append(_el("w:tcW", w=str(sum(widths[cell.col : cell.col + cell.colspan])), type="dxa"))
            if cell.colspan > 1:
                tcpr.append(_el("w:gridSpan", val=str(cell.colspan)))
            if cell.rowspan > 1:
                tcpr.append(_el("w:vMerge", val="restart") if cell.row == r else _el("w:vMerge"))
            tcpr.append(_el("w:vAlign", val="center"))
            tc.append(tcpr)
            lines: tuple[str, ...] = ()
            if cell.row == r:
                text = texts[(cell.row, cell.col)]
                lines = pl.lines.get((cell.row, cell.col), (text,)) if text else ()
            tc.append(_cell_paragraph(lines, cell.role, s, font_pt, style_id, keep))
            tr.append(tc)
            c = cell.col + cell.colspan
        tbl.append(tr)
    return tbl


def _cell_paragraph(lines: tuple[str, ...], role: Role, s: ExportSettings, font_pt: float, style_id: str,
                    keep_next: bool) -> Any:
    p = _el("w:p")
    ppr = _el("w:pPr")
    ppr.append(_el("w:pStyle", val=style_id))
    if keep_next:
        ppr.append(_el("w:keepNext"))
    ppr.append(_el("w:spacing", before="0", after="0", line=str(round(table_line_pt(font_pt) * TWIPS_PER_PT)),
                   lineRule="exact"))
    ppr.append(_el("w:jc", val="left" if role is Role.LABEL else "center"))
    p.append(ppr)
    if lines:
        r = _el("w:r")
        rpr = _el("w:rPr")
        set_fonts(rpr, s.table_font, s.western_font, cjk_hint=role is not Role.VALUE)
        sz = str(round(font_pt * 2))
        rpr.append(_el("w:sz", val=sz))
        rpr.append(_el("w:szCs", val=sz))
        r.append(rpr)
        for i, line in enumerate(lines):
            if i:
                r.append(_el("w:br"))
            t = _el("w:t")
            t.text = line
            t.set(qn("xml:space"), "preserve")
            r.append(t)
        p.append(r)
    return p
