"""The charts inline in the HTML page (导出网页, when the export setting asks for them)."""
from __future__ import annotations

from html import escape
from pathlib import Path

from ..model.report import Report
from .catalog import all_charts
from .history import draft_chain, from_report, history
from .svg import WIDTH, defs, element

HEADING = "附：图解"
CSS = """
section.charts h2 { text-indent: 0; }
section.charts figure { margin: 1.5em 0; text-align: center; }
section.charts svg { max-width: 100%; height: auto; }
"""


def charts_html(report: Report, draft_path: Path | str | None = None) -> str:
    """A <section> with every chart as inline SVG; the fill patterns are defined
    once for the page, so the page holds no duplicate ids."""
    years = history(from_report(report), draft_chain(report, draft_path))
    parts = [f'<section class="charts">\n<h2>{escape(HEADING)}</h2>',
             f'<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0" style="position:absolute">{defs()}</svg>']
    for chart in all_charts(years):
        parts.append(f"<figure>{element(WIDTH, chart.height, chart.body, chart.title)}</figure>")
    parts.append("</section>")
    return "\n".join(parts)
