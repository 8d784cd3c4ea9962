"""The report as a page for the window's 预览 tab, laid out like the Word export.

Qt's rich-text engine understands a subset of HTML: it ignores <colgroup>
widths and class-based text-indent, which is why the web-page export looked
squeezed in the preview.  This page says everything inline, in pixels derived
from the page the Word export prints on (GB/T 9704: a 156 mm wide type area,
28 characters of 三号 to a line):
- the type area is `text_px` wide and the body font is text_px / 28, so lines
  break where they break on paper;
- body paragraphs are indented two characters, headings as in word.py;
- table columns get the widths the Word export measures for them
  (table_widths.print_layout, as word_tables.table_layout calls it), as
  percentages on every cell (a merged cell gets the sum of its columns), and
  labels break into the lines the Word export gives them.
"""
from __future__ import annotations

from html import escape

from ..forms import TableSection
from ..forms.layout import Grid, Role, layout
from ..model.report import Report
from ..narrative import paragraphs
from .content import cell_text, chinese_date, title_lines
from .settings import ExportSettings
from .table_widths import PrintLayout, print_layout

# As in word_tables.py (which loads python-docx, too slow to import for a preview):
# cell side margins of 28 twips, a little slack per column, the type area in points.
CELL_SIDE_MARGIN_TWIPS, TWIPS_PER_PT, SLACK = 28, 20, 0.2
TEXT_WIDTH_PT = 156 * (72 / 25.4)  # TEXT_WIDTH_MM * PT_PER_MM, in the same order (the label breaks are exact)

CHARS_PER_LINE = 28  # GB/T 9704-2012: 28 characters × 22 lines on a page
BODY_PT, TITLE_PT = 16.0, 22.0  # 三号 body, 二号 title (word.py)


def _font(family: str) -> str:
    # the chosen export font first; a free serif CJK font where the 公文 fonts are missing
    return f"font-family:'{family}', 'Noto Serif CJK SC', 'Source Han Serif SC', serif"


def _texts(report: Report, grid: Grid) -> dict[tuple[int, int], str]:
    return {(c.row, c.col): (cell_text(report, c.ref) if c.role is Role.VALUE and c.ref else c.text)
            for c in grid.cells}


def _table_font_pt(grid: Grid, s: ExportSettings) -> float:
    return s.review_table_font_pt if grid.n_cols > 10 else s.table_font_pt


def _print_layout(report: Report, grid: Grid, font_pt: float) -> PrintLayout:
    pad = 2 * CELL_SIDE_MARGIN_TWIPS / TWIPS_PER_PT / font_pt
    return print_layout(grid, _texts(report, grid), TEXT_WIDTH_PT / font_pt, pad + SLACK)


def column_shares(report: Report, settings: ExportSettings | None = None) -> list[list[float]]:
    """Per table of the page, in order, each grid column's share of the width in
    percent.  Qt's rich text spreads a merged cell's width evenly over the
    columns it spans, so the window sets these on the laid-out tables too."""
    s = settings or ExportSettings()
    out = []
    for section in report.form.sections:
        if isinstance(section, TableSection):
            grid = layout(section.table)
            widths = _print_layout(report, grid, _table_font_pt(grid, s)).widths
            out.append([w / sum(widths) * 100 for w in widths])
    return out


def _table(report: Report, grid: Grid, font_px: float, font_pt: float, latin_font: str) -> str:
    texts = _texts(report, grid)
    number_font = f"font-family:'{latin_font}', serif"
    pl = _print_layout(report, grid, font_pt)
    total = sum(pl.widths)
    out = [f'<table width="100%" border="1" cellspacing="0" cellpadding="2" '
           f'style="border-collapse:collapse; border-color:#000; font-size:{font_px:.1f}px">']
    for r in range(grid.n_rows):
        out.append("<tr>")
        for c in range(grid.n_cols):
            cell = grid.at(r, c)
            if cell is None:
                continue
            share = sum(pl.widths[c : c + cell.colspan]) / total * 100
            attrs = f' width="{share:.1f}%"'
            if cell.rowspan > 1:
                attrs += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                attrs += f' colspan="{cell.colspan}"'
            if cell.role is Role.VALUE and cell.ref is not None:
                # numbers never wrap, in the Latin font Word gives them (narrower digits)
                out.append(f'<td align="center" valign="middle"{attrs} style="white-space:nowrap; {number_font}">'
                           f'{escape(texts[(r, c)])}</td>')
            else:
                align = "left" if cell.role is Role.LABEL else "center"
                lines = pl.lines.get((r, c), (cell.text,))
                out.append(f'<td align="{align}" valign="middle"{attrs}>{"<br>".join(escape(t) for t in lines)}</td>')
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def preview_html(report: Report, text_px: int, settings: ExportSettings | None = None) -> str:
    """The whole report for a type area `text_px` pixels wide."""
    s = settings or ExportSettings()
    body_px = text_px / CHARS_PER_LINE
    title_px = body_px * TITLE_PT / BODY_PT
    line = f"line-height:{s.line_spacing_pt / BODY_PT * 100:.0f}%"  # fixed 29 pt lines under 16 pt type
    indent = f"text-indent:{2 * body_px:.1f}px"
    body = f"{_font(s.body_font)}; font-size:{body_px:.1f}px"
    out = [f'<html><body style="{body}">']
    title = "<br>".join(escape(t) for t in title_lines(report, max_units=CHARS_PER_LINE * BODY_PT / TITLE_PT - 1))
    out.append(f'<p align="center" style="{_font(s.title_font)}; font-size:{title_px:.1f}px; {line}">{title}</p>')
    if report.meta.date.strip():
        out.append(f'<p align="center" style="{line}">（{escape(chinese_date(report.meta.date))}）</p>')
    out.append(f'<p style="{line}">&nbsp;</p>')
    for section in report.form.sections:
        out.append(f'<p style="{_font(s.heading1_font)}; {indent}; {line}">{escape(section.heading)}</p>')
        if isinstance(section, TableSection):
            grid = layout(section.table)
            pt = _table_font_pt(grid, s)
            out.append(_table(report, grid, body_px * pt / BODY_PT, pt, s.western_font))
            out.append(f'<p style="{line}">&nbsp;</p>')
            continue
        for p in paragraphs(report.texts.get(section.key, "")):
            if p.level and p.heading:
                family = s.heading2_font if p.level == 2 else s.body_font
                head = f'<span style="{_font(family)}">{escape(p.heading)}</span>'
                out.append(f'<p align="justify" style="{indent}; {line}">{head}{escape(p.body)}</p>')
            else:
                out.append(f'<p align="justify" style="{indent}; {line}">{escape(p.text)}</p>')
    if report.meta.compiler.strip():
        sign = f'style="{line}; margin-right:{4 * body_px:.0f}px"'
        out.append(f'<p style="{line}">&nbsp;</p><p align="right" {sign}>{escape(report.meta.compiler.strip())}</p>')
        if report.meta.date.strip():
            out.append(f'<p align="right" {sign}>{escape(chinese_date(report.meta.date))}</p>')
    out.append("</body></html>")
    return "\n".join(out)
