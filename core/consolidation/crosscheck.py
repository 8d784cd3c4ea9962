"""Checks across the units of a 汇总, beyond each report's own checks:
paragraphs copied between units (≥ 90 % similar, through core/audit's rare
shingles), units that report zero everywhere, units whose numbers equal last
year's exactly, and 上年结转 against the unit's last 结转下年度 (the FromLastYear
relations declared in core/forms) when last year's reports are known."""
from __future__ import annotations

from collections.abc import Mapping

from ..audit.copies import SIMILAR, Paragraph, copied_paragraphs
from ..forms.crossyear import carried_pairs, shared_relations
from ..forms.schema import CellRef, FromLastYear
from ..model.report import Report
from ..narrative import paragraphs
from ..records import record

EXCERPT = 30


@record
class CrossFinding:
    rule: str  # X-COPY, X-ZERO, X-SAME, X-CARRY
    units: tuple[str, ...]
    message: str
    severity: str = "警告"


def _heading(report: Report, key: str) -> str:
    try:
        return report.form.section(key).heading
    except KeyError:
        return key


def copied_text(reports: Mapping[str, Report], threshold: float = SIMILAR) -> list[CrossFinding]:
    names = list(reports)
    paras: list[Paragraph] = []
    for n, name in enumerate(names):
        for section, text in reports[name].texts.items():
            paras.extend(Paragraph(n, name, section, p.text) for p in paragraphs(text))
    out = []
    for pair in copied_paragraphs(paras, threshold):
        a, b = names[pair.a.owner], names[pair.b.owner]
        text = pair.a.text.strip()
        excerpt = text[:EXCERPT] + ("……" if len(text) > EXCERPT else "")
        out.append(CrossFinding("X-COPY", (a, b), f"“{a}”与“{b}”的“{_heading(reports[a], pair.a.section)}”有段落"
                                f"相似度达{pair.ratio:.0%}（内容雷同）：“{excerpt}”"))
    return out


def all_zero(reports: Mapping[str, Report]) -> list[CrossFinding]:
    return [CrossFinding("X-ZERO", (name,), f"“{name}”的各表格数字全部为0或空白，请核实是否漏填。")
            for name, r in reports.items() if not any(v != 0 for v in r.inputs.values())]


def _last_inputs(report: Report, last: Report | None) -> Mapping[CellRef, object] | None:
    if last is not None and last.form.key == report.form.key:
        return last.inputs
    prev = report.previous
    if prev is not None and prev.form_key == report.form.key and prev.year == report.meta.year - 1:
        return prev.inputs
    return None


def same_as_last_year(reports: Mapping[str, Report], last: Mapping[str, Report]) -> list[CrossFinding]:
    """Numbers equal to last year's report exactly (a copy of last year's file sent again)."""
    out = []
    for name, r in reports.items():
        before = _last_inputs(r, last.get(name))
        now = {ref: v for ref, v in r.inputs.items() if v != 0}
        if before is None or not now:
            continue
        if now == {ref: v for ref, v in before.items() if v != 0}:
            out.append(CrossFinding("X-SAME", (name,), f"“{name}”各表格的数字与上一年度的报告完全相同，"
                                    "请核实是否误报了上年的数据。"))
    return out


def carry_over(reports: Mapping[str, Report], last: Mapping[str, Report]) -> list[CrossFinding]:
    """上年结转 of this year against 结转下年度 of the unit's report of last year."""
    out = []
    for name, r in reports.items():
        before = last.get(name)
        if before is None:
            continue
        for relation in shared_relations(r.form, before.form):
            if not isinstance(relation, FromLastYear):
                continue
            diffs = []
            for now_ref, last_ref in carried_pairs(relation, r.form):
                a, b = r.number(now_ref), before.number(last_ref)
                if a != b:
                    diffs.append(f"{r.form.cells[now_ref].column_label}本年{a}、上年{b}")
            if diffs:
                label = r.form.cells[carried_pairs(relation, r.form)[0][0]].row_label.split(" /")[0]
                out.append(CrossFinding("X-CARRY", (name,), f"“{name}”的“{label}”与其上一年度报告的结转数不一致："
                                        + "；".join(diffs[:6]) + ("等" if len(diffs) > 6 else "") + "。"))
    return out


def cross_checks(reports: Mapping[str, Report], last: Mapping[str, Report] | None = None) -> list[CrossFinding]:
    """Every cross-unit check over the included units (name -> report)."""
    last = last or {}
    return copied_text(reports) + all_zero(reports) + same_as_last_year(reports, last) + carry_over(reports, last)
