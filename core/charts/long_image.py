"""The long image (长图) agencies publish beside the report: a title band, the
key figures in large type, every chart, then the agency and the date."""
from __future__ import annotations

from collections.abc import Sequence

from ..export.content import chinese_date
from ..forms.common import RESULTS_LABEL
from ..forms.schema import Number
from ..forms.short_labels import short_label
from . import draw, figures
from .catalog import Chart, all_charts
from .history import YearData
from .svg import (
    ACCENT,
    INK,
    MUTED,
    RULE,
    WIDTH,
    document,
    line,
    number_text,
    rect,
    text,
)

TITLE_SUFFIX = "图解"


def _key_figures(data: YearData, before: YearData | None) -> list[tuple[Number, str, str]]:
    """(value, caption, key) of the six figures in large type."""
    new = figures.new_requests(data)
    caption = new.label
    if before is not None and before.year == data.year - 1:
        caption += "\n" + draw.change_note([(before.year, figures.new_requests(before)), (data.year, new)]).rstrip("。")
    results = figures.results(data)
    form_results = data.number((figures.A, "results_total", "total"))
    total_label = short_label(RESULTS_LABEL) + "总计"
    _, doc_rows = figures.documents(data)
    normative_row, normative_bars = doc_rows[-1]
    issued = normative_bars[0]
    blocks = figures.review(data)
    recon = [b for b in blocks if not b.group]
    litig = [b for b in blocks if b.group]
    litig_total = sum((b.total.value for b in litig), start=0)
    return [
        (new.value, caption, new.key),
        (form_results, total_label, f"{figures.A}/results_total/total"),
        (results[-1].value, results[-1].label, results[-1].key),
        (issued.value, f"{issued.label}（{normative_row}）", issued.key),
        (sum((b.total.value for b in recon), start=0), "、".join(b.label for b in recon), "+".join(b.total.key for b in recon)),
        (litig_total, litig[0].group if litig else "", "+".join(b.total.key for b in litig)),
    ]


def _header(agency: str, title: str) -> tuple[str, float]:
    rest = title[len(agency):] if agency and title.startswith(agency) else title
    lines = draw.wrap(agency, 40, WIDTH - 2 * draw.MARGIN) if agency else []
    y = 40.0
    out: list[str] = []
    for ln in lines:
        y += 56
        out.append(text(WIDTH / 2, y, ln, 40, anchor="middle", color="#ffffff"))
    for ln in draw.wrap(rest, 50, WIDTH - 2 * draw.MARGIN):
        y += 72
        out.append(text(WIDTH / 2, y, ln, 50, anchor="middle", weight="bold", color="#ffffff"))
    y += 40
    chip_w = 180.0
    out.append(rect(WIDTH / 2 - chip_w / 2, y, chip_w, 60, "#ffffff", rx=30))
    out.append(text(WIDTH / 2, y + 43, TITLE_SUFFIX, 36, anchor="middle", weight="bold", color=ACCENT))
    height = y + 100
    return rect(0, 0, WIDTH, height, ACCENT) + "".join(out), height


def _figures_grid(items: list[tuple[Number, str, str]], top: float) -> tuple[str, float]:
    cols = 3
    cell_w = (WIDTH - 2 * draw.MARGIN) / cols
    head, y0 = draw.heading("主要数据")
    out = [f'<g transform="translate(0,{top:.1f})">{head}</g>']
    y = y0 + top
    caption_w = cell_w - 44
    caption_size = 19
    for start in range(0, len(items), cols):
        row = items[start:start + cols]
        lines = max(sum(len(draw.wrap(part, caption_size, caption_w)) for part in caption.split("\n"))
                    for _, caption, _ in row)
        row_h = 130.0 + lines * (caption_size + 8)
        for c, (value, caption, key) in enumerate(row):
            x = draw.MARGIN + c * cell_w
            out.append(rect(x + 4, y, cell_w - 8, row_h - 16, "#faf3f2", stroke="#e6c9c5", rx=8))
            out.append(draw.big_figure(x + 24, y + 82, number_text(value), draw.UNIT, caption, key=f"big:{key}",
                                       size=60, width=caption_w, caption_size=caption_size))
        y += row_h
    return "".join(out), y + 10


def long_image_svg(years: Sequence[YearData], agency: str, title: str, date: str = "",
                   charts: Sequence[Chart] | None = None) -> str:
    """The whole 长图 as one SVG document, 1080 px wide."""
    if not years:
        raise ValueError("没有可以绘制图解的报告数据。")
    data = years[-1]
    before = years[-2] if len(years) > 1 else None
    charts = list(charts) if charts is not None else all_charts(years)
    head, y = _header(agency, title)
    grid, y = _figures_grid(_key_figures(data, before), y + 40)
    parts = [head, grid]
    for chart in charts:
        parts.append(line(draw.MARGIN, y + 10, WIDTH - draw.MARGIN, y + 10, RULE))
        y += 40
        parts.append(f'<g transform="translate(0,{y:.1f})">{chart.body}</g>')
        y += chart.height
    y += 20
    parts.append(rect(0, y, WIDTH, 4, ACCENT))
    y += 60
    if agency:
        parts.append(text(WIDTH - draw.MARGIN, y, agency, 28, anchor="end", color=INK))
        y += 44
    if date.strip():
        parts.append(text(WIDTH - draw.MARGIN, y, chinese_date(date), 28, anchor="end", color=INK))
        y += 44
    for ln in draw.wrap(f"数据来源：《{title}》", draw.SMALL, WIDTH - 2 * draw.MARGIN):
        parts.append(text(draw.MARGIN, y + 10, ln, draw.SMALL, color=MUTED))
        y += draw.SMALL + 10
    y += 30
    return document(WIDTH, int(y), "".join(parts), f"{title}{TITLE_SUFFIX}")
