"""The charts of a 图解, each built from a list of years (see history.py).

Titles are editorial Chinese; every row, column and category name in them
comes from core/forms.  A chart whose numbers are all 0 shows a sentence
saying so instead of an empty axis.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..forms import MatrixTable, get_form
from ..forms.common import HEADING_ACTIVE, HEADING_REVIEW, RESULTS_LABEL
from ..forms.short_labels import short_label
from . import draw, figures
from .history import YearData
from .svg import MUTED, WIDTH, document, number_text, percent_text, text


@dataclass(frozen=True)
class Chart:
    key: str  # file name stem, e.g. "1-新收申请"
    title: str
    height: int
    body: str  # SVG elements in a WIDTH × height box
    has_data: bool

    def svg(self, source: str = "") -> str:
        """A standalone SVG file; `source` is printed under the chart."""
        top = 40  # a standalone image needs its own margin above the title
        height, body = self.height + top, f'<g transform="translate(0,{top})">{self.body}</g>'
        if source:
            for ln in draw.wrap(source, draw.SMALL, WIDTH - 2 * draw.MARGIN):
                body += text(draw.MARGIN, height + 8, ln, draw.SMALL, color=MUTED)
                height += draw.SMALL + 10
        return document(WIDTH, height + 30, body, self.title)


def _chart(key: str, title: str, subtitle: str, build: Callable[[float], tuple[str, float]] | None,
           empty_message: str) -> Chart:
    head, y = draw.heading(title, subtitle if build is not None else "")
    body, bottom = build(y) if build is not None else draw.empty(empty_message, y)
    return Chart(key, title, int(bottom + 10), head + body, build is not None)


def _new_row_label(data: YearData) -> str:
    return figures.new_requests(data).label  # 本年新收政府信息公开申请数量


def trend_chart(years: Sequence[YearData]) -> Chart:
    current = years[-1]
    points = [(d.year, figures.new_requests(d)) for d in years]
    label = _new_row_label(current).removeprefix("本年")
    first, last = points[0][0], points[-1][0]
    span = f"{first}—{last}年" if first != last else f"{last}年"
    title = f"{label}（{span}）"
    note = draw.change_note(points)
    has_data = any(b.value for _, b in points)

    def build(top: float) -> tuple[str, float]:
        body, y = draw.columns(points, top)
        if note:
            body += text(WIDTH / 2, y + 30, note, draw.LABEL, anchor="middle")
            y += 60
        return body, y

    msg = f"{span}均未收到政府信息公开申请。" if first != last else "本年度未收到政府信息公开申请。"
    return _chart("1-新收申请", title, "", build if has_data else None, msg)


def applicants_chart(data: YearData) -> Chart:
    table = get_form(data.form_key).table(figures.A)
    assert isinstance(table, MatrixTable)
    bars = figures.applicants(data)
    total = figures.new_requests(data)
    subtitle = f"{total.label}{number_text(total.value)}{draw.UNIT}，按申请人类型"
    title = table.columns[0].label  # 申请人情况

    def build(top: float) -> tuple[str, float]:
        return draw.hbars(bars, top, whole=total.value)

    return _chart("2-申请人情况", title, subtitle, build if total.value else None, "本年度未收到政府信息公开申请。")


def results_chart(data: YearData) -> Chart:
    bars = figures.results(data)
    whole = sum((b.value for b in bars), start=0)
    carry = bars[-1].label
    subtitle = (f"{short_label(RESULTS_LABEL)}与{carry}共{number_text(whole)}{draw.UNIT}，括号内为所占比例")

    def build(top: float) -> tuple[str, float]:
        return draw.hbars(bars, top, whole=whole)

    return _chart("3-办理结果", short_label(RESULTS_LABEL), subtitle, build if whole else None,
                  "本年度没有需要办理的政府信息公开申请。")


def documents_chart(data: YearData) -> Chart:
    columns, rows = figures.documents(data)
    bars = [figures.Bar(b.label, b.value, b.key, group=row) for row, row_bars in rows for b in row_bars]
    fills = [i for _ in rows for i in range(len(columns))]
    names = "和".join(row for row, _ in rows)
    title = f"{short_label(HEADING_ACTIVE)}：{names}"

    def build(top: float) -> tuple[str, float]:
        return draw.hbars(bars, top, fills=fills)

    has_data = any(b.value for b in bars)
    return _chart("4-规章和规范性文件", title, "", build if has_data else None,
                  f"本年度{names}各项数量均为0。")


def decisions_chart(data: YearData) -> Chart:
    column, bars = figures.decisions(data)
    names = "、".join(b.label for b in bars)
    title = f"{short_label(HEADING_ACTIVE)}：{names}"

    def build(top: float) -> tuple[str, float]:
        return draw.hbars(bars, top)

    has_data = any(b.value for b in bars)
    return _chart("5-许可处罚强制", title, column, build if has_data else None, f"本年度{names}的{column}均为0。")


def review_chart(data: YearData) -> Chart:
    blocks = figures.review(data)
    title = short_label(HEADING_REVIEW)
    groups = [(b.label, "") for b in blocks if not b.group] + sorted({(b.group, b.group) for b in blocks if b.group})
    corrected_label = next(p.label for p in blocks[0].parts if p.key.endswith("_corrected"))
    pending_label = next(p.label for p in blocks[0].parts if p.key.endswith("_pending"))
    subtitle = f"纠错率 = {corrected_label} ÷ 已审结（{blocks[0].total.label}减{pending_label}）"

    def build(top: float) -> tuple[str, float]:
        out = []
        for i, (label, group) in enumerate(groups):
            corrected, concluded = figures.review_group_rate(blocks, group)
            x = draw.MARGIN + i * (WIDTH - 2 * draw.MARGIN) / 2
            rate = percent_text(corrected, concluded)
            caption = (f"{label}纠错率（{corrected_label}{number_text(corrected)}件，"
                       f"已审结{number_text(concluded)}件）")
            out.append(draw.big_figure(x, top + 56, rate, "", caption, key=f"rate:{group or 'reconsideration'}",
                                       size=56, width=(WIDTH - 2 * draw.MARGIN) / 2 - 30))
        rows, y = draw.outcome_rows(blocks, top + 150)
        return "".join(out) + rows, y

    has_data = any(b.total.value for b in blocks)
    return _chart("6-复议诉讼", title, subtitle, build if has_data else None,
                  "本年度没有因政府信息公开被申请行政复议或提起行政诉讼的案件。")


def all_charts(years: Sequence[YearData]) -> list[Chart]:
    """Every chart for the last year of `years` (oldest first, see history.history)."""
    if not years:
        raise ValueError("没有可以绘制图解的报告数据。")
    current = years[-1]
    return [
        trend_chart(years),
        applicants_chart(current),
        results_chart(current),
        documents_chart(current),
        decisions_chart(current),
        review_chart(current),
    ]
