"""Numbers the prose states about the tables must match the tables (V9), and
sums stated in the prose must add up (V16).

Tuned to prefer missing a doubtful match over a false alarm: a number counts
only when it directly follows a known phrase ("予以公开258件"), and clauses
about sub-categories (其中…), changes (较上年增加…) or last year are skipped.
Every warning quotes the sentence it comes from.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal
from functools import cache, lru_cache

from ..forms.prose import prose_cells, prose_group
from ..forms.schema import CellRef, Number
from ..model.report import Report
from ..model.values import format_value
from ..records import record
from .findings import Finding, Severity

_N = r"(\d+(?:\.\d+)?)"
_SENTENCE = re.compile(r"[^。！？；;\n]+[。！？；;]?")
_CLAUSE_SPLIT = re.compile(r"[，,：:]")
# Words before a number that make it about something else: last year, a change,
# or a sub-category ("其中属于国家秘密不予公开1件").
_SKIP_CLAUSE = ("上年", "去年", "同比", "较上年", "比上年", "增加", "减少", "增长", "下降", "同期", "其中", "属于")


@record
class Measure:
    """A quantity of the tables that prose talks about; its cells are declared
    per format in core/forms (Form.prose), under the same key as in MEASURES."""

    name: str  # Chinese, as used in the message
    unit: str = "件"
    skip_words: tuple[str, ...] = _SKIP_CLAUSE


MEASURES = {
    "new": Measure("本年新收申请"),
    "carried_over": Measure("上年结转申请", skip_words=tuple(w for w in _SKIP_CLAUSE if w != "上年")),
    "handled": Measure("办结申请"),
    "granted_partial": Measure("予以公开及部分公开"),
    "granted": Measure("予以公开"),
    "partial": Measure("部分公开"),
    "refused": Measure("不予公开"),
    "unavailable": Measure("无法提供"),
    "not_processed": Measure("不予处理"),
    "carry_forward": Measure("结转下年度"),
    "reconsideration": Measure("行政复议"),
    "litigation": Measure("行政诉讼"),
    "normative_issued": Measure("制发规范性文件"),
    "normative_in_force": Measure("现行有效规范性文件"),
    "fee": Measure("行政事业性收费", unit="万元"),
}


def _where(report: Report, name: str, cells: list[CellRef]) -> str:
    """Where the tables hold a measure, in the form's own labels."""
    table = report.form.table(cells[0][0]).name
    group = prose_group(report.form, name)
    if group is not None:
        return f"{table}“{group.label}”各项总计之和"
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


def _table_value(report: Report, name: str) -> tuple[Number, list[CellRef]]:
    cells = prose_cells(report.form, name)
    return sum((report.number(c) for c in cells), start=0), cells


def _claim_finding(report: Report, heading: str, section: str, para: int, sentence: str, name: str,
                   stated: Number, phrase: str, table: tuple[Number, list[CellRef]]) -> Finding | None:
    value, cells = table
    if Decimal(value) == Decimal(stated):
        return None
    unit = MEASURES[name].unit
    return Finding(
        "V9", Severity.WARNING,
        f"“{heading}”第{para}段写“{sentence}”，其中“{phrase}”与表格不符：{_where(report, name, cells)}为{format_value(value)}{unit}。",
        section, tuple(cells), value, stated, evidence=sentence)


# --- scanning (linear, cached per line) -------------------------------------------------------
#
# The window reruns every check after each keystroke and each cell edit, and a
# narrative may hold up to the draft's size cap.  So the text is scanned once
# per distinct line (a paragraph) and the claims it makes are cached by line;
# a cell edit reuses every line's claims and a keystroke rescans one line.
# Each phrase pattern runs once over all lines still to scan, never per
# sentence.  Quotes and the words looked at before a number are bounded, and
# a section yields at most MAX_CLAIMS claims: a real section states a few
# dozen numbers, and prose beyond that is not what V9 is for.

MAX_CLAIMS = 200
_LOOKBACK = 120  # characters of a clause before a number that can make it "about something else"
_QUOTE_MAX = 160
_CACHE_MAX = 50_000
SCAN_MAX = 20_000  # characters of one paragraph read by V9 and V16
_TERMINATOR = re.compile(r"[。！？；;]")


@record
class Claim:
    """A number a line states: (measure names, value, the phrase, the quoted sentence)."""

    measures: tuple[str, ...]
    stated: Decimal
    phrase: str
    quote: str


@cache
def _compiled() -> tuple[list[tuple[int, str, re.Pattern[str]]], re.Pattern[str]]:
    """(pattern index, measure name or "" for zero statements, regex), and the clause splitter."""
    out = [(i, name, re.compile(p)) for i, (name, p) in enumerate(PATTERNS)]
    out += [(len(PATTERNS) + j, "", re.compile(p)) for j, (_, p) in enumerate(ZERO_PATTERNS)]
    return out, re.compile(_CLAUSE_SPLIT.pattern)


def _quote(line: str, s_start: int, s_end: int, start: int, end: int) -> str:
    """The sentence line[s_start:s_end] around a phrase at start:end, cut to _QUOTE_MAX."""
    if s_end - s_start <= _QUOTE_MAX:
        return line[s_start:s_end]
    margin = max((_QUOTE_MAX - (end - start)) // 2, 10)
    a, b = max(s_start, start - margin), min(s_end, end + margin)
    return ("…" if a > s_start else "") + line[a:b] + ("…" if b < s_end else "")


def _sentence_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a line, stripped (a sentence never holds 。！？；; or a line break)."""
    spans = []
    for m in _SENTENCE.finditer(line):
        g = m.group(0)
        a = m.start() + (len(g) - len(g.lstrip()))
        b = m.start() + len(g.rstrip())
        if b > a:
            spans.append((a, b))
    return spans


def _line_claims(line: str, hits: list[tuple[int, int, int, str]], year: int,
                 present: frozenset[str]) -> tuple[Claim, ...]:
    """The claims of one line from its pattern hits (pattern index, start, end, number), in the
    order the rules apply them: sentence by sentence, a longer phrase first, then zero statements."""
    patterns, _ = _compiled()
    names = [name for _, name, _ in patterns]
    spans = _sentence_spans(line)
    starts = [a for a, _ in spans]
    placed = []
    for idx, a, b, number in hits:
        k = bisect_right(starts, a) - 1
        if k >= 0 and spans[k][0] <= a and b <= spans[k][1]:
            placed.append((k, idx, a, b, number))
    placed.sort()
    claimed = bytearray(len(line))
    out: list[Claim] = []
    for k, idx, a, b, number in placed:
        if idx < len(PATTERNS) and names[idx] not in present:
            continue  # a measure the format lacks claims no text
        if claimed.find(1, a, b) != -1:
            continue
        claimed[a:b] = b"\x01" * (b - a)
        s_start, s_end = spans[k]
        quote = _quote(line, s_start, s_end, a, b)
        if idx >= len(PATTERNS):
            zero = ZERO_PATTERNS[idx - len(PATTERNS)][0]
            out.append(Claim(zero, Decimal(0), line[a:b], quote))
            continue
        measure = MEASURES[names[idx]]
        # The clause before the number: from the last ，,：: of the sentence, at most _LOOKBACK back.
        window_start = max(s_start, a - _LOOKBACK)
        before = line[window_start:a]
        cut = max(before.rfind(c) for c in "，,：:")
        if cut != -1:
            before = before[cut + 1 :]
        if _about_something_else(year, before, measure):
            continue
        out.append(Claim((names[idx],), Decimal(number), line[a:b], quote))
        if len(out) >= MAX_CLAIMS:
            break
    return tuple(out)


def _about_something_else(year: int, before: str, measure: Measure) -> bool:
    if any(w in before for w in measure.skip_words):
        return True
    if f"{year - 1}年" in before:
        return True
    # "因…不予公开2件" names one reason (a sub-category); "因…等原因…" is the total.
    cause = before.find("因")
    return cause != -1 and "等" not in before[cause:]


_claims_cache: dict[tuple[str, int, frozenset[str]], tuple[Claim, ...]] = {}


def _claims(lines: list[str], year: int, present: frozenset[str]) -> list[tuple[Claim, ...]]:
    """Claims of every line, scanning only lines not seen before (all at once)."""
    cache = _claims_cache
    if len(cache) > _CACHE_MAX:
        cache.clear()
    got = [cache.get((line, year, present)) for line in lines]
    missing = [i for i, g in enumerate(got) if g is None]
    if missing:
        patterns, _ = _compiled()
        # Only the first SCAN_MAX characters of a paragraph are read: longer is pasted data, not prose.
        batch = "\n".join(lines[i][:SCAN_MAX] for i in missing)
        offsets = []
        pos = 0
        for i in missing:
            offsets.append(pos)
            pos += min(len(lines[i]), SCAN_MAX) + 1
        hits: dict[int, list[tuple[int, int, int, str]]] = {}
        for idx, _, rx in patterns:
            pos, line_no, count = 0, -1, 0
            while (m := rx.search(batch, pos)) is not None:
                n = bisect_right(offsets, m.start()) - 1
                if n != line_no:
                    line_no, count = n, 0
                count += 1
                if count > MAX_CLAIMS:  # enough of this phrase in this line: jump to the next line
                    pos = offsets[n + 1] if n + 1 < len(offsets) else len(batch)
                    continue
                base = offsets[n]
                number = m.group(1) if rx.groups else "0"
                hits.setdefault(n, []).append((idx, m.start() - base, m.end() - base, number or "0"))
                pos = max(m.end(), m.start() + 1)
        for n, i in enumerate(missing):
            line = lines[i]
            got[i] = cache[(line, year, present)] = (
                _line_claims(line[:SCAN_MAX], hits[n], year, present) if n in hits else ())
    return [g if g is not None else () for g in got]


@lru_cache(maxsize=16)
def paragraph_lines(text: str) -> tuple[str, ...]:
    """The text of each paragraph, as core.narrative.paragraphs gives it (heading + body).
    Cached: the same section text is read by several checks on every run."""
    return tuple(s for s in (line.strip() for line in text.splitlines()) if s)


@lru_cache(maxsize=16)
def _section_claims(text: str, year: int, present: frozenset[str]) -> tuple[tuple[int, Claim], ...]:
    """(paragraph number, claim) of a section, at most MAX_CLAIMS."""
    lines = list(paragraph_lines(text))
    out: list[tuple[int, Claim]] = []
    for para, claims in enumerate(_claims(lines, year, present), start=1):
        out.extend((para, c) for c in claims)
        if len(out) >= MAX_CLAIMS:
            return tuple(out[:MAX_CLAIMS])
    return tuple(out)


def check_narrative_numbers(report: Report) -> list[Finding]:
    out: list[Finding] = []
    year = report.meta.year
    # Only measures the format declares cells for (现行有效 only from 2021) are looked for in prose.
    present = frozenset(name for name in MEASURES if prose_cells(report.form, name))
    values: dict[str, tuple[Number, list[CellRef]]] = {}
    for section in report.form.narratives:
        for para, claim in _section_claims(report.texts.get(section.key, ""), year, present):
            for name in claim.measures:
                if name not in values:
                    values[name] = _table_value(report, name)
                f = _claim_finding(report, section.heading, section.key, para, claim.quote, name,
                                   claim.stated, claim.phrase, values[name])
                if f:
                    out.append(f)
    return out


_TOTAL = re.compile(r"共(?:计)?(\d+)(条|件|个|项|次|篇|期)")
_PART = r"(\d+)"
_BREAKDOWN_MAX = 300
MAX_SUM_FINDINGS = 50  # a breakdown after 其中 is a few clauses; never read further


@record
class SumProblem:
    quote: str
    total: int
    parts_sum: int
    unit: str


_sums_cache: dict[str, tuple[SumProblem, ...]] = {}


@lru_cache(maxsize=16)
def _section_sums(text: str) -> tuple[tuple[int, SumProblem], ...]:
    cache = _sums_cache
    if len(cache) > _CACHE_MAX:
        cache.clear()
    out: list[tuple[int, SumProblem]] = []
    if "其中" not in text:
        return ()
    for para_no, line in enumerate(paragraph_lines(text), start=1):
        problems = cache.get(line)
        if problems is None:
            problems = cache[line] = _line_sums(line[:SCAN_MAX]) if "其中" in line else ()
        out.extend((para_no, p) for p in problems)
        if len(out) >= MAX_SUM_FINDINGS:
            return tuple(out[:MAX_SUM_FINDINGS])
    return tuple(out)


def _line_sums(text: str) -> tuple[SumProblem, ...]:
    out: list[SumProblem] = []
    stop = -1  # position of the next 。 at or after the last breakdown's start
    for m in _TOTAL.finditer(text):
        total, unit = int(m.group(1)), m.group(2)
        start = text.find("其中", m.end(), m.end() + 6)
        if start == -1:  # the breakdown must follow the total directly
            continue
        if stop != len(text) and stop < start:
            stop = text.find("。", start)
            if stop == -1:
                stop = len(text)
        end = min(stop, start + _BREAKDOWN_MAX)
        breakdown = text[start:end]
        clauses = [c for c in re.split(r"[，,、；;]", breakdown) if c]
        parts: list[tuple[int, str]] = []
        for c in clauses:
            pm = re.search(rf"{_PART}{unit}$", c.strip())
            if pm:
                parts.append((int(pm.group(1)), c.strip()))
        if len(parts) < 2:
            continue
        complete = parts[-1][1].startswith(("其他", "其余", "其它", "另有"))
        total_parts = sum(n for n, _ in parts)
        if total_parts > total or (complete and total_parts != total):
            quote = text[m.start() : min(end + 1, len(text))]
            if len(quote) > _QUOTE_MAX:
                quote = quote[:_QUOTE_MAX] + "…"
            out.append(SumProblem(quote, total, total_parts, unit))
            if len(out) >= MAX_SUM_FINDINGS:
                break
    return tuple(out)


def check_prose_sums(report: Report) -> list[Finding]:
    """V16: "共56条。其中，…4条、…43条…其他…3条" — the parts add up to the total.

    A list is treated as complete only when its last part is 其他/其余; an
    incomplete list is flagged only if its parts exceed the total.  Linear in
    the text: the next 。 is searched once, not once per total, and results are
    cached per paragraph."""
    out: list[Finding] = []
    for section in report.form.narratives:
        for para_no, p in _section_sums(report.texts.get(section.key, "")):
            out.append(Finding(
                "V16", Severity.WARNING,
                f"“{section.heading}”第{para_no}段写“{p.quote}”，各项合计{p.parts_sum}{p.unit}，"
                f"与所写的共{p.total}{p.unit}不符。",
                section.key, (), p.total, p.parts_sum, evidence=p.quote))
    return out
