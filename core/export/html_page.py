"""The report as one self-contained HTML page for the government portal CMS:
inline CSS, and tables with the national rowspan/colspan layout."""
from __future__ import annotations

from html import escape
from pathlib import Path

from ..forms import TableSection
from ..forms.layout import Grid, Role, layout
from ..model.report import Report
from ..narrative import paragraphs
from .content import cell_text, chinese_date, exportable
from .files import write_output

CSS = """
body { font-family: "仿宋_GB2312", "仿宋", FangSong, "Noto Serif CJK SC", serif; font-size: 16pt;
       line-height: 1.8; max-width: 900px; margin: 2em auto; color: #000; }
h1 { font-family: "方正小标宋简体", "华文中宋", "宋体", SimSun, serif; font-size: 22pt; font-weight: normal;
     text-align: center; line-height: 1.5; margin: 0 0 .3em; }
p.date { text-align: center; margin: 0 0 1.5em; text-indent: 0; }
h2 { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal;
     text-indent: 2em; margin: .6em 0 .3em; }
p { text-indent: 2em; margin: 0; text-align: justify; }
.h2 { font-family: "楷体_GB2312", "楷体", KaiTi, serif; }
p.signature { text-align: right; text-indent: 0; padding-right: 4em; }
table.ogi { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 10.5pt; line-height: 1.4;
            table-layout: fixed; }
table.ogi td { border: 1px solid #000; padding: 3px 4px; text-align: center; vertical-align: middle; }
table.ogi td.label { text-align: left; }
table.ogi td.value { font-family: "Times New Roman", serif; }
"""


def _table_html(report: Report, grid: Grid) -> str:
    total = sum(grid.col_weights)
    out = ['<table class="ogi">', "<colgroup>"]
    out += [f'<col style="width:{w / total * 100:.2f}%">' for w in grid.col_weights]
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
                out.append(f'<td class="value"{attrs}>{escape(cell_text(report, cell.ref))}</td>')
            else:
                cls = "label" if cell.role is Role.LABEL else cell.role.value
                out.append(f'<td class="{cls}"{attrs}>{escape(cell.text)}</td>')
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def _narrative_html(text: str) -> str:
    out = []
    for p in paragraphs(text):
        if p.level == 2 and p.heading:
            out.append(f'<p><span class="h2">{escape(p.heading)}</span>{escape(p.body)}</p>')
        else:
            out.append(f"<p>{escape(p.text)}</p>")
    return "\n".join(out)


def html_text(report: Report, *, charts: bool = False, draft_path: Path | str | None = None) -> str:
    """The page; with `charts`, the 图解 follow the report as inline SVG (the
    earlier years come from the `previous` chain of `draft_path`)."""
    report = exportable(report)
    title = escape(report.title)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
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
            parts.append(_table_html(report, layout(section.table)))
        else:
            parts.append(_narrative_html(report.texts.get(section.key, "")))
    if report.meta.compiler.strip():
        parts.append(f'<p class="signature">{escape(report.meta.compiler.strip())}</p>')
        if report.meta.date.strip():
            parts.append(f'<p class="signature">{escape(chinese_date(report.meta.date))}</p>')
    if charts:
        from ..charts.html import charts_html

        parts.append(charts_html(report, draft_path))
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _charts_css() -> str:
    from ..charts.html import CSS as CHARTS_CSS

    return CHARTS_CSS


def export_html(report: Report, path: Path | str, *, charts: bool = False,
                draft_path: Path | str | None = None) -> None:
    write_output(Path(path), html_text(report, charts=charts, draft_path=draft_path).encode("utf-8"))
