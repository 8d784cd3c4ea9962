"""The report as one self-contained HTML page for the government portal CMS:
inline CSS, and tables with the national rowspan/colspan layout.

Accessibility (the portals' 适老化/无障碍 review): lang="zh-CN", heading cells
are <th> with scope (col/colgroup for column headings, row/rowgroup for row
labels), and each table sits in a focusable region that scrolls sideways on
a narrow screen instead of squeezing the table below its readable width."""
from __future__ import annotations

from html import escape
from pathlib import Path

from ..forms import TableSection
from ..forms.layout import Grid, GridCell, Role, layout
from ..model.report import Report
from ..narrative import paragraphs
from .content import (
    cell_texts,
    chinese_date,
    closing_sentence,
    exportable,
    signature_indents,
)
from .files import write_output
from .settings import ExportSettings
from .table_widths import print_layout

TABLE_EM = 60.0  # a table's width in em of its 10.5 pt text: the 900 px page less its padding

CSS = """
body { font-family: "仿宋_GB2312", "仿宋", FangSong, "Noto Serif CJK SC", serif; font-size: 16pt;
       line-height: 1.8; max-width: 900px; margin: 2em auto; padding: 0 1em; color: #000; }
h1 { font-family: "方正小标宋简体", "华文中宋", "宋体", SimSun, serif; font-size: 22pt; font-weight: normal;
     text-align: center; line-height: 1.5; margin: 0 0 .3em; }
p.date { text-align: center; margin: 0 0 1.5em; text-indent: 0; }
h2 { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal;
     text-indent: 2em; margin: .6em 0 .3em; }
p { text-indent: 2em; margin: 0; text-align: justify; }
.h2 { font-family: "楷体_GB2312", "楷体", KaiTi, serif; }
p.signature { text-align: right; text-indent: 0; }
div.table-scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: .5em 0 1em; }
table.ogi { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.4; table-layout: fixed; }
table.ogi td, table.ogi th { border: 1px solid #000; padding: 3px 4px; text-align: center; vertical-align: middle;
            font-weight: normal; }
table.ogi th.label { text-align: left; }
table.ogi th.caption { font-weight: bold; }
table.ogi td.value { font-family: "Times New Roman", serif; }
"""


def _scope(cell: GridCell, grid: Grid) -> str:
    if cell.role is Role.LABEL:
        return "rowgroup" if cell.rowspan > 1 else "row"
    return "colgroup" if cell.colspan > 1 else "col"


def _table_html(report: Report, grid: Grid, name: str) -> str:
    texts = cell_texts(report, grid)
    # the Word export's measured widths and label lines; below that width the
    # region scrolls sideways rather than squeezing labels one character a line
    plan = print_layout(grid, texts, TABLE_EM, 1.0)  # 8 px padding + border = 0.64 em, and slack
    total = sum(plan.widths)
    out = [f'<div class="table-scroll" role="region" aria-label="{escape(name)}" tabindex="0">',
           f'<table class="ogi" style="min-width:{TABLE_EM:g}em">', "<colgroup>"]
    out += [f'<col style="width:{w / total * 100:.2f}%">' for w in plan.widths]
    out.append("</colgroup>")
    for r in range(grid.n_rows):
        out.append("<tr>")
        for c in range(grid.n_cols):
            cell = grid.at(r, c)
            if cell is None:
                continue
            attrs = ""
            if cell.rowspan > 1:
                attrs += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                attrs += f' colspan="{cell.colspan}"'
            if cell.role is Role.VALUE and cell.ref:
                out.append(f'<td class="value"{attrs}>{escape(texts[(r, c)])}</td>')
            elif cell.role is Role.NOTE or not cell.text:
                out.append(f'<td class="{cell.role.value}"{attrs}>{escape(cell.text)}</td>')
            else:
                lines = plan.lines.get((r, c), (cell.text,))
                body = "<br>".join(escape(line) for line in lines)
                out.append(f'<th scope="{_scope(cell, grid)}" class="{cell.role.value}"{attrs}>{body}</th>')
        out.append("</tr>")
    out.append("</table>")
    out.append("</div>")
    return "\n".join(out)


def _narrative_html(text: str) -> str:
    out = []
    for p in paragraphs(text):
        if p.level == 2 and p.heading:
            out.append(f'<p><span class="h2">{escape(p.heading)}</span>{escape(p.body)}</p>')
        else:
            out.append(f"<p>{escape(p.text)}</p>")
    return "\n".join(out)


def html_text(report: Report, *, charts: bool = False, draft_path: Path | str | None = None,
              settings: ExportSettings | None = None) -> str:
    """The page; with `charts`, the 图解 follow the report as inline SVG (the
    earlier years come from the `previous` chain of `draft_path`)."""
    report = exportable(report)
    title = escape(report.title)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{CSS}{_charts_css() if charts else ''}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
    ]
    if report.meta.date.strip():
        parts.append(f'<p class="date">（{escape(chinese_date(report.meta.date))}）</p>')
    for section in report.form.sections:
        parts.append(f"<h2>{escape(section.heading)}</h2>")
        if isinstance(section, TableSection):
            parts.append(_table_html(report, layout(section.table), section.heading))
        else:
            parts.append(_narrative_html(report.texts.get(section.key, "")))
    settings = settings or ExportSettings()
    closing = closing_sentence(report) if settings.contact_sentence else ""
    if closing:
        parts.append(f"<p>{escape(closing)}</p>")
    name = report.meta.compiler.strip()
    if name:
        # GB/T 9704 7.3.5, as in the Word export; a blank line above
        date = chinese_date(report.meta.date) if report.meta.date.strip() else ""
        name_ri, date_ri = signature_indents(name, date, settings.sealed_signature)
        parts.append(f'<p class="signature" style="margin-top:1.8em;padding-right:{name_ri:g}em">{escape(name)}</p>')
        if date:
            parts.append(f'<p class="signature" style="padding-right:{date_ri:g}em">{escape(date)}</p>')
    if charts:
        from ..charts.html import charts_html

        parts.append(charts_html(report, draft_path))
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _charts_css() -> str:
    from ..charts.html import CSS as CHARTS_CSS

    return CHARTS_CSS


def export_html(report: Report, path: Path | str, *, charts: bool = False,
                draft_path: Path | str | None = None, settings: ExportSettings | None = None) -> None:
    write_output(Path(path), html_text(report, charts=charts, draft_path=draft_path, settings=settings).encode("utf-8"))
