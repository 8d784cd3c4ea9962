"""Numbers the prose states about the tables must match the tables (V9), and
sums stated in the prose must add up (V16).

Tuned to prefer missing a doubtful match over a false alarm: a number counts
only when it directly follows a known phrase ("予以公开258件"), and clauses
about sub-categories (其中…), changes (较上年增加…) or last year are skipped.
Every warning quotes the sentence it comes from.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from ..forms import MatrixTable, Row
from ..forms.schema import CellRef, Number
from ..model.report import Report
from ..model.values import format_value
from ..narrative import paragraphs
from ..records import record
from .findings import Finding, Severity

A = "applications"
_N = r"(\d+(?:\.\d+)?)"
_SENTENCE = re.compile(r"[^。！？；;\n]+[。！？；;]?")
_CLAUSE_SPLIT = re.compile(r"[，,：:]")
# Words before a number that make it about something else: last year, a change,
# or a sub-category ("其中属于国家秘密不予公开1件").
_SKIP_CLAUSE = ("上年", "去年", "同比", "较上年", "比上年", "增加", "减少", "增长", "下降", "同期", "其中", "属于")


@record
class Measure:
    """A quantity of the tables that prose talks about."""

    name: str  # Chinese, as used in the message
    group: str | None  # row group whose leaves are summed (（三）不予公开 …), for the message
    # the cells it sums in a report's format; it is not looked for in prose
    # when the format lacks one of them (现行有效 before 2021)
    cells: Callable[[Report], list[CellRef]]
    unit: str = "件"
    skip_words: tuple[str, ...] = _SKIP_CLAUSE


def _find_row(report: Report, key: str) -> Row | None:
    table = report.form.table(A)
    assert isinstance(table, MatrixTable)

    def find(rows: tuple[Row, ...]) -> Row | None:
        for r in rows:
            if r.key == key:
                return r
            hit = find(r.children)
            if hit:
                return hit
        return None

    return find(table.rows)


def _group_totals(group_key: str) -> Callable[[Report], list[CellRef]]:
    def cells(report: Report) -> list[CellRef]:
        row = _find_row(report, group_key)
        return [(A, leaf.key, "total") for leaf in row.leaves()] if row else []

    return cells


def _fixed(*refs: CellRef) -> Callable[[Report], list[CellRef]]:
    return lambda report: list(refs)


def _first_present(*refs: CellRef) -> Callable[[Report], list[CellRef]]:
    """The first of `refs` the report's format has (formats name one measure differently)."""
    return lambda report: [next((r for r in refs if r in report.form.cells), refs[0])]


MEASURES = {
    "new": Measure("本年新收申请", None, _fixed((A, "new", "total"))),
    "carried_over": Measure("上年结转申请", None, _fixed((A, "carried_over", "total")),
                            skip_words=tuple(w for w in _SKIP_CLAUSE if w != "上年")),
    "handled": Measure("办结申请", None, _fixed((A, "results_total", "total"))),
    "granted_partial": Measure("予以公开及部分公开", None, _fixed((A, "granted", "total"), (A, "partial", "total"))),
    "granted": Measure("予以公开", None, _fixed((A, "granted", "total"))),
    "partial": Measure("部分公开", None, _fixed((A, "partial", "total"))),
    "refused": Measure("不予公开", "refused", _group_totals("refused")),
    "unavailable": Measure("无法提供", "unavailable", _group_totals("unavailable")),
    "not_processed": Measure("不予处理", "not_processed", _group_totals("not_processed")),
    "carry_forward": Measure("结转下年度", None, _fixed((A, "carry_forward", "total"))),
    "reconsideration": Measure("行政复议", None, _fixed(("review", "cases", "recon_total"))),
    "litigation": Measure("行政诉讼", None, _fixed(("review", "cases", "direct_total"), ("review", "cases", "after_total"))),
    "normative_issued": Measure("制发规范性文件", None,
                                _first_present(("active", "normative", "issued"), ("active", "normative", "made"))),
    "normative_in_force": Measure("现行有效规范性文件", None, _fixed(("active", "normative", "in_force"))),
    "fee": Measure("行政事业性收费", None, _fixed(("active", "fees", "fee_amount")), unit="万元"),
}


def _where(report: Report, measure: Measure, cells: list[CellRef]) -> str:
    """Where the tables hold a measure, in the form's own labels."""
    table = report.form.table(cells[0][0]).name
    if measure.group is not None:
        row = _find_row(report, measure.group)
        return f"{table}“{row.label if row else measure.group}”各项总计之和"
    specs = [report.form.cells[c] for c in cells]
    parts = [f"“{s.label}”" for s in specs]
    return table + ("与".join(parts) + "之和" if len(parts) > 1 else parts[0])

# (measure, pattern) in priority order: a longer phrase claims its text first.
# Kept as source and compiled on first use (start-up time; re caches them).
PATTERNS: list[tuple[str, str]] = [
    ("granted_partial", rf"予以公开(?:及|和|与|、)部分公开(?:的)?(?:申请)?(?:共)?{_N}件"),
    ("new", rf"(?:新收|收到|受理)(?:各类)?(?:政府)?信息公开申请(?:共计|共|总计)?(?:数量)?(?:为)?{_N}件"),
    ("carried_over", rf"上年结转(?:的)?(?:政府信息公开)?(?:申请)?{_N}件"),
    ("handled", rf"(?:已)?办结(?:政府信息公开)?(?:申请)?(?:共计|共)?{_N}件"),
    ("carry_forward", rf"结转(?:至)?下(?:一)?年度?(?:继续办理)?(?:的)?(?:申请)?{_N}件"),
    ("granted", rf"予以公开(?:的)?(?:申请)?{_N}件"),
    ("partial", rf"部分公开(?:的)?(?:申请)?{_N}件"),
    ("refused", rf"不予公开(?:的)?(?:申请)?{_N}件"),
    ("unavailable", rf"无法提供(?:的)?(?:申请)?{_N}件"),
    ("not_processed", rf"不予处理(?:的)?(?:申请)?{_N}件"),
    ("reconsideration", rf"行政复议(?:申请|案件)?(?:共计|共)?{_N}件"),
    ("litigation", rf"行政诉讼(?:案件)?(?:共计|共)?{_N}件"),
    ("normative_issued", rf"(?:制发|制定|印发|出台)(?:了)?(?:行政)?规范性文件(?:共计|共)?{_N}件"),
    ("normative_in_force", rf"现行有效(?:的)?(?:行政)?规范性文件(?:共计|共)?{_N}件"),
    ("fee", rf"行政事业性收费(?:金额|总额)?(?:共计|共|为|达)?{_N}万元"),
]

# Statements that a quantity is zero.
ZERO_PATTERNS: list[tuple[tuple[str, ...], str]] = [
    (("new",), r"未(?:收到|受理)(?:任何)?(?:政府)?信息公开申请"),
    (("reconsideration", "litigation"),
     r"(?:无|未发生|没有)(?:因?政府信息公开(?:工作)?|信息公开类?)?(?:被申请)?(?:的)?行政复议(?:及|和|、)(?:行政)?诉讼"),
    (("reconsideration",), r"(?:无|未发生|没有)(?:因?政府信息公开(?:工作)?|信息公开类?)?(?:被申请)?(?:的)?行政复议"),
    (("litigation",), r"(?:无|未发生|没有)(?:因?政府信息公开(?:工作)?|信息公开类?)?(?:被提起)?(?:的)?行政诉讼"),
]


def _clause_at(sentence: str, pos: int) -> str:
    start = max((m.end() for m in _CLAUSE_SPLIT.finditer(sentence, 0, pos)), default=0)
    nxt = _CLAUSE_SPLIT.search(sentence, pos)
    return sentence[start : nxt.start() if nxt else len(sentence)]


def _about_something_else(report: Report, sentence: str, m: re.Match[str], measure: Measure) -> bool:
    clause = _clause_at(sentence, m.start())
    offset = sentence.find(clause)
    before = clause[: max(0, m.start() - offset)]
    if any(w in before for w in measure.skip_words):
        return True
    if f"{report.meta.year - 1}年" in before:
        return True
    # "因…不予公开2件" names one reason (a sub-category); "因…等原因…" is the total.
    cause = before.find("因")
    return cause != -1 and "等" not in before[cause:]


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    """(paragraph number, sentence) pairs."""
    for i, p in enumerate(paragraphs(text), start=1):
        for m in _SENTENCE.finditer(p.text):
            s = m.group(0).strip()
            if s:
                yield i, s


def _table_value(report: Report, measure: Measure) -> tuple[Number, list[CellRef]]:
    cells = measure.cells(report)
    return sum((report.number(c) for c in cells), start=0), cells


def _claim_finding(report: Report, heading: str, section: str, para: int, sentence: str, measure: Measure,
                   stated: Number, phrase: str) -> Finding | None:
    value, cells = _table_value(report, measure)
    if Decimal(value) == Decimal(stated):
        return None
    unit = measure.unit
    return Finding(
        "V9", Severity.WARNING,
        f"“{heading}”第{para}段写“{sentence}”，其中“{phrase}”与表格不符：{_where(report, measure, cells)}为{format_value(value)}{unit}。",
        section, tuple(cells), value, stated, evidence=sentence)


def check_narrative_numbers(report: Report) -> list[Finding]:
    out: list[Finding] = []
    cells = report.form.cells
    present = {name: all(ref in cells for ref in m.cells(report)) for name, m in MEASURES.items()}
    for section in report.form.narratives:
        text = report.texts.get(section.key, "")
        for para, sentence in _sentences(text):
            claimed = [False] * len(sentence)
            for name, pattern in PATTERNS:
                measure = MEASURES[name]
                if not present[name]:
                    continue
                for m in re.finditer(pattern, sentence):
                    if any(claimed[m.start() : m.end()]):
                        continue
                    for k in range(m.start(), m.end()):
                        claimed[k] = True
                    if _about_something_else(report, sentence, m, measure):
                        continue
                    f = _claim_finding(report, section.heading, section.key, para, sentence, measure,
                                       Decimal(m.group(1)), m.group(0))
                    if f:
                        out.append(f)
            for names, pattern in ZERO_PATTERNS:
                for m in re.finditer(pattern, sentence):
                    if any(claimed[m.start() : m.end()]):
                        continue
                    for k in range(m.start(), m.end()):
                        claimed[k] = True
                    for name in names:
                        f = _claim_finding(report, section.heading, section.key, para, sentence, MEASURES[name], 0,
                                           m.group(0))
                        if f:
                            out.append(f)
    return out


_TOTAL = re.compile(r"共(?:计)?(\d+)(条|件|个|项|次|篇|期)")
_PART = r"(\d+)"


def check_prose_sums(report: Report) -> list[Finding]:
    """V16: "共56条。其中，…4条、…43条…其他…3条" — the parts add up to the total.

    A list is treated as complete only when its last part is 其他/其余; an
    incomplete list is flagged only if its parts exceed the total."""
    out: list[Finding] = []
    for section in report.form.narratives:
        for para_no, p in enumerate(paragraphs(report.texts.get(section.key, "")), start=1):
            text = p.text
            for m in _TOTAL.finditer(text):
                total, unit = int(m.group(1)), m.group(2)
                rest = text[m.end() :]
                start = rest.find("其中")
                if start == -1 or start > 4:  # the breakdown must follow the total directly
                    continue
                end = rest.find("。", start)
                breakdown = rest[start : end if end != -1 else len(rest)]
                clauses = [c for c in re.split(r"[，,、；;]", breakdown) if c]
                parts: list[tuple[int, str]] = []
                for c in clauses:
                    pm = re.search(rf"{_PART}{unit}$", c.strip())
                    if pm:
                        parts.append((int(pm.group(1)), c.strip()))
                if len(parts) < 2:
                    continue
                complete = parts[-1][1].startswith(("其他", "其余", "其它", "另有"))
                s = sum(n for n, _ in parts)
                if s > total or (complete and s != total):
                    quote = text[m.start() : m.end() + (end if end != -1 else len(rest)) + 1]
                    out.append(Finding(
                        "V16", Severity.WARNING,
                        f"“{section.heading}”第{para_no}段写“{quote}”，各项合计{s}{unit}，与所写的共{total}{unit}不符。",
                        section.key, (), total, s, evidence=quote))
    return out
