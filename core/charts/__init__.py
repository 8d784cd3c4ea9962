"""图解: the charts agencies publish beside the report, as SVG (Qt-free).

`graphics(report)` gives the long image and every chart as standalone SVG
documents; the window and the command line turn them into PNG through Qt's SVG
renderer (gui/chart_png.py), the HTML page embeds the charts inline.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..model.report import Report
from .catalog import Chart, all_charts
from .history import MAX_YEARS, YearData, draft_chain, from_report, history, year_data
from .long_image import TITLE_SUFFIX, long_image_svg

LONG_IMAGE_STEM = "0-长图"


@dataclass(frozen=True)
class Graphic:
    stem: str  # file name without extension
    title: str
    svg: str


def report_years(report: Report, draft_path: Path | str | None = None,
                 earlier: Iterable[YearData] = ()) -> list[YearData]:
    """This report's year and the years before it: those given first (imported
    reports, a 汇总), then the `previous` chain of drafts."""
    return history(from_report(report), [*earlier, *draft_chain(report, draft_path)])


def graphics(report: Report, draft_path: Path | str | None = None, earlier: Iterable[YearData] = (),
             date: str = "") -> list[Graphic]:
    """The long image, then each chart with its data source under it."""
    years = report_years(report, draft_path, earlier)
    charts = all_charts(years)
    source = f"数据来源：《{report.title}》"
    out = [Graphic(LONG_IMAGE_STEM, f"{report.title}{TITLE_SUFFIX}",
                   long_image_svg(years, report.meta.agency, report.title, date or report.meta.date, charts))]
    out += [Graphic(c.key, c.title, c.svg(source)) for c in charts]
    return out


__all__ = [
    "LONG_IMAGE_STEM",
    "MAX_YEARS",
    "Chart",
    "Graphic",
    "YearData",
    "all_charts",
    "draft_chain",
    "from_report",
    "graphics",
    "history",
    "long_image_svg",
    "report_years",
    "year_data",
]
