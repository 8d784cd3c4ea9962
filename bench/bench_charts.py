"""图解 budgets (issue 19): every chart of one report < 300 ms, the long image
< 1 s, for a full 2021 report with a three-year `previous` chain on disk (read on
every run, as the window and the command line do).  Charts are timed as SVG,
as drawn by Qt's SVG renderer (the 图解 tab), and to PNG bytes (the export);
the long image to PNG bytes.
Run: QT_QPA_PLATFORM=offscreen python bench/bench_charts.py"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from _util import measure, report_line

from core.charts import all_charts, graphics, long_image_svg, report_years
from core.storage import load
from tests.core.chart_fixtures import build_chain


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui.chart_png import ensure_app, png_bytes, render_image

    ensure_app()
    with tempfile.TemporaryDirectory() as tmp:
        path = build_chain(Path(tmp))[1]
        report = load(path)
        ok = True

        def charts_svg() -> None:
            all_charts(report_years(report, path))

        def charts_drawn() -> None:
            for chart in all_charts(report_years(report, path)):
                render_image(chart.svg())

        def charts_png() -> None:
            for chart in all_charts(report_years(report, path)):
                png_bytes(chart.svg())

        def long_png() -> None:
            years = report_years(report, path)
            png_bytes(long_image_svg(years, report.meta.agency, report.title, report.meta.date))

        ok &= report_line("all charts, SVG only", *measure(charts_svg, 30), 300.0)
        ok &= report_line("all charts, SVG + drawn (the 图解 tab)", *measure(charts_drawn, 10, 2), 300.0)
        ok &= report_line("all charts, SVG + PNG files' bytes", *measure(charts_png, 10, 2), 300.0)
        ok &= report_line("long image, SVG + PNG (1080 px)", *measure(long_png, 10, 2), 1000.0)
        ok &= report_line("graphics() for export (7 SVG documents)", *measure(lambda: graphics(report, path), 30), 300.0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
