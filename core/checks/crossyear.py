"""Checks against last year's draft (warnings only: legitimate differences exist)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..forms import MatrixTable
from ..forms.schema import CellRef, Number
from ..model.report import PreviousYear, Report
from ..model.values import format_value
from ..narrative import paragraphs
from .findings import Finding, Severity

A = "applications"
SIMILAR = 0.9  # 内容雷同 threshold


def _previous_value(prev: PreviousYear, ref: CellRef, form_key: str) -> Number:
    """Last year's value of a cell, recomputing totals from last year's inputs."""
    from ..forms import get_form
    from ..model.report import Report as _Report

    spec = get_form(form_key).cells.get(ref)
    if spec is None or not spec.computed:
        return prev.number(ref)
    scratch = _Report("", prev.year, prev.form_key)
    scratch.replace_all({r: v for r, v in prev.inputs.items() if scratch.is_input(r)})
    return scratch.number(ref)


def check_carry_over(report: Report) -> list[Finding]:
    """V7: this year's 二、上年结转 equals last year's 四、结转下年度继续办理, per column."""
    prev = report.previous
    if prev is None:
        return []
    table = report.form.table(A)
    assert isinstance(table, MatrixTable)
    out = []
    for col in (c for top in table.columns for c in top.leaves()):
        if col.total is not None:
            continue
        here = report.number((A, "carried_over", col.key))
        there = prev.number((A, "carry_forward", col.key))
        if here != there:
            this_row = report.form.cells[(A, "carried_over", col.key)].row_label
            last_row = report.form.cells[(A, "carry_forward", col.key)].row_label
            out.append(Finding(
                "V7", Severity.WARNING,
                f"{table.name}“{col.label}”列：本年“{this_row}”为{format_value(here)}，"
                f"而{prev.year}年度报告“{last_row}”为{format_value(there)}。两者通常应相等；"
                "如因机构调整等原因确有不同，请标记为已核实并说明。",
                "applications", ((A, "carried_over", col.key),), there, here))
    return out


def check_stock_plausibility(report: Report) -> list[Finding]:
    """V8: 现行有效件数 (2021) and 上一年项目数量 (2019) follow from last year's figures."""
    prev = report.previous
    if prev is None or prev.form_key != report.form.key:
        return []
    out = []
    if report.form.key == "2021":
        for ref, spec in report.form.cells.items():
            if ref[0] != "active" or ref[2] != "in_force":
                continue
            row = ref[1]
            here = report.number(ref)
            last = prev.number(ref)
            issued, repealed = (report.form.cells[("active", row, c)] for c in ("issued", "repealed"))
            expected = last + report.number(issued.ref) - report.number(repealed.ref)
            if here != expected:
                out.append(Finding(
                    "V8", Severity.WARNING,
                    f"表二“{spec.row_label}”{spec.column_label}为{format_value(here)}，按上年{spec.column_label}"
                    f"{format_value(last)}加{issued.column_label}、减{repealed.column_label}推算应为{format_value(expected)}。"
                    "这是合理性提示：修订、当年制发又废止、重新清理等情况会造成差异，核实无误可标记为已核实。",
                    "active", (ref,), expected, here))
    else:
        for ref in report.form.cells:
            if ref[0] != "active" or ref[2] != "prev_count":
                continue
            here = report.number(ref)
            expected = prev.number(ref) + prev.number((ref[0], ref[1], "change"))
            if here != expected:
                spec = report.form.cells[ref]
                change = report.form.cells[(ref[0], ref[1], "change")]
                out.append(Finding(
                    "V8", Severity.WARNING,
                    f"表二“{spec.row_label}”{spec.column_label}为{format_value(here)}，按上年报告的{spec.column_label}"
                    f"加{change.column_label}推算应为{format_value(expected)}。核实无误可标记为已核实。",
                    "active", (ref,), expected, here))
    return out


@lru_cache(maxsize=64)
def similarity(a: str, b: str) -> float:
    """0..1 similarity of two texts, white space ignored.  Cached: the checks run
    after every cell edit, and the narrative rarely changed in between."""
    a, b = "".join(a.split()), "".join(b.split())
    if not a or not b:
        return 0.0
    import difflib  # only when last year's text is attached; not at start-up

    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if m.real_quick_ratio() < SIMILAR or m.quick_ratio() < SIMILAR:
        return m.quick_ratio()
    return m.ratio()


def check_copied_text(report: Report) -> list[Finding]:
    """V11: a narrative section identical or nearly identical to last year's (内容雷同)."""
    prev = report.previous
    if prev is None:
        return []
    out = []
    for section in report.form.narratives:
        here, there = report.texts.get(section.key, ""), prev.texts.get(section.key, "")
        if len(here.strip()) < 20 or not there.strip():
            continue
        ratio = similarity(here, there)
        if ratio >= SIMILAR:
            what = "与上年报告完全相同" if "".join(here.split()) == "".join(there.split()) else f"与上年报告相似度达{ratio:.0%}"
            out.append(Finding(
                "V11", Severity.WARNING,
                f"“{section.heading}”{what}。年度报告格式要求不得“内容雷同”，请按本年度实际情况改写。",
                section.key, (), None, None, evidence=f"{ratio:.2f}"))
    return out


def check_old_year(report: Report) -> list[Finding]:
    """V15: last year's year left in sentences that describe the report year
    (a paragraph opening "2023年，…" in a 2024 report, or the title/period)."""
    old = report.meta.year - 1
    patterns = [
        re.compile(rf"^{old}年[，,]"),
        re.compile(rf"{old}年度?政府信息公开工作年度报告"),
        re.compile(rf"统计期限为{old}年"),
    ]
    out = []
    for section in report.form.narratives:
        for i, p in enumerate(paragraphs(report.texts.get(section.key, "")), start=1):
            if any(pt.search(p.text) for pt in patterns):
                quote = p.text[:40] + ("……" if len(p.text) > 40 else "")
                out.append(Finding(
                    "V15", Severity.WARNING,
                    f"“{section.heading}”第{i}段写的是“{quote}”，本报告是{report.meta.year}年度报告，"
                    f"这里的{old}年是否应为{report.meta.year}年？",
                    section.key, (), None, None, evidence=p.text[:60]))
    return out
