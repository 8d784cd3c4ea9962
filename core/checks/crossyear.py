"""Checks against last year's draft (warnings only: legitimate differences exist)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..forms import FORMS, MatrixTable
from ..forms.crossyear import carried_pairs, shared_relations, stock_rows
from ..forms.schema import CrossYear, FromLastYear, RunningStock
from ..model.report import Report
from ..model.values import format_value
from ..narrative import paragraphs
from .findings import Finding, Severity

if TYPE_CHECKING:
    from collections import Counter

SIMILAR = 0.9  # 内容雷同 threshold


def _relations(report: Report) -> tuple[CrossYear, ...]:
    prev = report.previous
    return shared_relations(report.form, FORMS.get(prev.form_key)) if prev is not None else ()


def check_carry_over(report: Report) -> list[Finding]:
    """V7: a row that continues last year's (二、上年结转 = last year's
    四、结转下年度继续办理), per column; declared in core/forms (FromLastYear)."""
    prev = report.previous
    out: list[Finding] = []
    if prev is None:
        return out
    for relation in _relations(report):
        if not isinstance(relation, FromLastYear):
            continue
        table = report.form.table(relation.table)
        section = report.form.section_of_table(table.key).key
        assert isinstance(table, MatrixTable)
        column_names = {c.key: c.label for c in table.leaf_columns()}
        for here_ref, there_ref in carried_pairs(relation, report.form):
            here, there = report.number(here_ref), prev.number(there_ref)
            if here != there:
                this_row = report.form.cells[here_ref].row_label
                last_row = report.form.cells[there_ref].row_label
                column = column_names[here_ref[2]]
                out.append(Finding(
                    relation.rule, Severity.WARNING,
                    f"{table.name}“{column}”列：本年“{this_row}”为{format_value(here)}，"
                    f"而{prev.year}年度报告“{last_row}”为{format_value(there)}。两者通常应相等；"
                    "如因机构调整等原因确有不同，请标记为已核实并说明。",
                    section, (here_ref,), there, here))
    return out


def check_stock_plausibility(report: Report) -> list[Finding]:
    """V8: a stock column that follows from last year's figures (现行有效件数 in
    2021, 上一年项目数量 in 2019); declared in core/forms (RunningStock)."""
    prev = report.previous
    out: list[Finding] = []
    if prev is None:
        return out
    form = report.form
    for relation in _relations(report):
        if not isinstance(relation, RunningStock):
            continue
        t = relation.table
        section = form.section_of_table(t).key
        for row in stock_rows(relation, form):
            ref = (t, row, relation.column)
            here, last = report.number(ref), prev.number((t, row, relation.last_column))
            expected = (last + sum((prev.number((t, row, c)) for c in relation.last_plus), start=0)
                        + sum((report.number((t, row, c)) for c in relation.plus), start=0)
                        - sum((report.number((t, row, c)) for c in relation.minus), start=0))
            if here == expected:
                continue
            spec = form.cells[ref]

            def labels(columns: tuple[str, ...], at: tuple[str, str] = (t, row)) -> str:
                return "、".join(form.cells[(*at, c)].column_label for c in columns)

            last_label = form.cells[(t, row, relation.last_column)].column_label
            if relation.from_last_year_only:
                basis = f"按上年报告的{last_label}加{labels(relation.last_plus)}"
            else:
                steps = ([f"加{labels(relation.plus)}"] if relation.plus else []) + (
                    [f"减{labels(relation.minus)}"] if relation.minus else [])
                basis = f"按上年{last_label}{format_value(last)}" + "、".join(steps)
            why = f"这是合理性提示：{relation.why}，" if relation.why else ""
            out.append(Finding(
                relation.rule, Severity.WARNING,
                f"{form.table(t).number}“{spec.row_label}”{spec.column_label}为{format_value(here)}，{basis}"
                f"推算应为{format_value(expected)}。{why}核实无误可标记为已核实。",
                section, (ref,), expected, here))
    return out


_EXACT_MAX = 20_000  # characters: difflib's exact ratio is quadratic in the worst case


@lru_cache(maxsize=8)
def _sentence_counts(text: str) -> Counter[str]:
    from collections import Counter

    return Counter(s for s in re.split(r"(?<=[。！？；;])", text) if s)


def _sentence_ratio(a: str, b: str) -> float:
    """Share of text in sentences found in both (by character weight): linear,
    for texts too long for difflib on every keystroke.  Last year's side is cached."""
    sa, sb = _sentence_counts(a), _sentence_counts(b)
    common = sum(len(s) * min(n, sb[s]) for s, n in sa.items() if s in sb)
    return 2 * common / (len(a) + len(b))


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two texts, white space ignored."""
    return _compare(a, b)[0]


@lru_cache(maxsize=64)
def _compare(a: str, b: str) -> tuple[float, bool]:
    """(similarity, identical but for white space).  Cached: the checks run
    after every cell edit, and the narrative rarely changed in between."""
    a, b = _squeezed(a), _squeezed(b)
    return _ratio(a, b), a == b


# Longer texts are compared on their beginning: a near copy shows there, and
# the comparison stays within a keystroke's time whatever the length.
COMPARE_MAX = 100_000


@lru_cache(maxsize=8)
def _squeezed(text: str) -> str:
    return "".join(text[:COMPARE_MAX].split())


def _ratio(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if len(a) + len(b) > _EXACT_MAX:
        return _sentence_ratio(a, b)
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
        ratio, identical = _compare(here, there)
        if ratio >= SIMILAR:
            what = "与上年报告完全相同" if identical else f"与上年报告相似度达{ratio:.0%}"
            out.append(Finding(
                "V11", Severity.WARNING,
                f"“{section.heading}”{what}。年度报告格式要求不得“内容雷同”，请按本年度实际情况改写。",
                section.key, (), None, None, evidence=f"{ratio:.2f}"))
    return out


MAX_OLD_YEAR_FINDINGS = 50  # a pasted old report would otherwise list every paragraph


def check_old_year(report: Report) -> list[Finding]:
    """V15: last year's year left in sentences that describe the report year
    (a paragraph opening "2023年，…" in a 2024 report, or the title/period)."""
    old = report.meta.year - 1
    patterns = [
        re.compile(rf"^{old}年[，,]"),
        re.compile(rf"{old}年度?政府信息公开工作年度报告"),
        re.compile(rf"统计期限为{old}年"),
    ]
    out: list[Finding] = []
    for section in report.form.narratives:
        text = report.texts.get(section.key, "")
        if f"{old}年" not in text:  # the common case, decided at C speed on any length
            continue
        for i, p in enumerate(paragraphs(text), start=1):
            if len(out) >= MAX_OLD_YEAR_FINDINGS:
                return out
            if any(pt.search(p.text) for pt in patterns):
                quote = p.text[:40] + ("……" if len(p.text) > 40 else "")
                out.append(Finding(
                    "V15", Severity.WARNING,
                    f"“{section.heading}”第{i}段写的是“{quote}”，本报告是{report.meta.year}年度报告，"
                    f"这里的{old}年是否应为{report.meta.year}年？",
                    section.key, (), None, None, evidence=p.text[:60]))
    return out
