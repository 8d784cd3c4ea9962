"""Metadata and narrative of a published report, from its paragraphs.

Agency and year come from the title ("某某局2024年政府信息公开工作年度报告",
or the year first), 成文日期 from the closing date line.  Narrative sections
are the paragraphs between the six headings (found by their number and
wording, tolerantly: "五、政府信息公开工作存在的主要问题及改进情况"); the
last section stops at the closing signature and date.
"""
from __future__ import annotations

import itertools
import re
from difflib import SequenceMatcher

from ...forms import Form, NarrativeSection, TableSection
from ...forms.layout import layout
from .document import Document
from .match import is_subsequence
from .result import ImportResult, Kind
from .text import chinese_small_number, chinese_year, item_number, key, squash

_YEAR = r"(\d{4}|[〇零○Ｏ一二三四五六七八九]{4})"
_TITLE = re.compile(rf"^(?:关于)?(?P<a>.*?)(?:关于)?{_YEAR}年度?(?:的)?(?P<b>.*?)政府信息公开(?:工作)?(?:的)?(?:年度)?(?:报告|年报)")
# the year after the subject: "某局政府信息公开工作2024年度报告"
_TITLE_YEAR_LAST = re.compile(rf"^(?:关于)?(?P<a>.*?)政府信息公开(?:工作)?{_YEAR}年度?(?:报告|年报)")
_DATE = re.compile(rf"^[（(]?{_YEAR}年([0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})月"
                   r"(?:([0-9]{1,2}|[一二三四五六七八九十]{1,3})日)?[）)]?$")
_PERIOD = re.compile(r"统计期限为(\d{4})年")


def _year(text: str) -> int | None:
    return int(text) if text.isdigit() else chinese_year(text)


def title_metadata(doc: Document, result: ImportResult) -> None:
    head = [p for p in doc.paragraphs()[:12] if len(squash(p)) < 90]
    # A long title wraps onto two lines in a PDF: try each line joined with the next one too.
    candidates = head + [a + b for a, b in itertools.pairwise(head)] + ([doc.title] if doc.title else [])
    for text in candidates:
        m = _TITLE.search(squash(text)) or _TITLE_YEAR_LAST.search(squash(text))
        if not m:
            continue
        year = _year(m.group(2))  # the year is the second group of both patterns
        agency = (m.group("a") or (m.group("b") if "b" in m.groupdict() else "") or "").strip("_-—|：:")
        if year is not None and 2000 < year < 2100:
            result.year = year
            if agency and not result.agency:
                result.agency = agency
            if agency:
                return
    if result.year is None:
        for p in doc.paragraphs():
            m = _PERIOD.search(squash(p))
            if m:
                result.year = int(m.group(1))
                result.note(Kind.FORMAT, f"标题中没有报告年度，按“统计期限为{m.group(1)}年……”确定为{m.group(1)}年度。")
                return


def closing_date(doc: Document, result: ImportResult) -> int | None:
    """成文日期 from the last date line; returns the index of that paragraph."""
    paras = doc.paragraphs()
    for i in range(len(paras) - 1, -1, -1):
        m = _DATE.match(squash(paras[i]))
        if not m:
            continue
        y = _year(m.group(1))
        mo = chinese_small_number(m.group(2))
        d = chinese_small_number(m.group(3)) if m.group(3) else None
        if y is None or mo is None or not 1 <= mo <= 12 or (d is not None and not 1 <= d <= 31):
            continue
        if i < len(paras) * 0.5:
            # No closing date line: the date printed under the title is the best there is.
            if i < 8:
                result.date = f"{y}-{mo:02d}" + (f"-{d:02d}" if d else "")
                result.note(Kind.FORMAT, f"正文末尾没有成文日期，按标题下的“{paras[i].strip()}”填写，请核实。")
            return None
        result.date = f"{y}-{mo:02d}" + (f"-{d:02d}" if d else "")
        return i
    return None


def _heading_match(paragraph: str, heading: str) -> str | None:
    """The heading part of a paragraph that starts with this section's heading, or None."""
    p, h = key(paragraph), key(heading)
    num = item_number(h)
    if not num or item_number(p) != num:
        return None
    body_h = h[len(num):]
    lead = p[len(num): len(num) + len(body_h) + 12]
    if body_h in lead or SequenceMatcher(None, lead[: len(body_h) + 2], body_h).ratio() >= 0.7 \
            or (len(lead) >= 4 and is_subsequence(body_h[:6], lead)):
        return paragraph
    return None


def narrative(doc: Document, result: ImportResult, form: Form, end: int | None) -> None:
    paras = doc.paragraphs()
    if end is not None:
        paras = paras[:end]
        if paras and result.agency and squash(paras[-1]) in (squash(result.agency), ) :
            paras = paras[:-1]
    starts: list[tuple[int, str, bool, str]] = []  # (index, section key, is narrative, text after the heading)
    pos = 0
    for section in form.sections:
        for i in range(pos, len(paras)):
            if _heading_match(paras[i], section.heading):
                rest = _after_heading(paras[i], section.heading)
                starts.append((i, section.key, isinstance(section, NarrativeSection), rest))
                pos = i + 1
                break
        else:
            if isinstance(section, NarrativeSection):
                result.note(Kind.TEXT, f"没有找到标题“{section.heading}”，该部分正文未导入。")
    for n, (i, skey, is_text, rest) in enumerate(starts):
        stop = starts[n + 1][0] if n + 1 < len(starts) else len(paras)
        body = ([rest] if rest else []) + [p.strip() for p in paras[i + 1: stop] if p.strip()]
        if is_text:
            result.texts[skey] = "\n".join(body)
        else:
            table = form.section(skey)
            assert isinstance(table, TableSection)
            prose = [p for p in body if len(squash(p)) >= 15 and not _is_table_text(p, form)]
            if prose:
                result.prose[skey] = "\n".join(prose)
                result.note(Kind.TEXT, f"“{table.heading}”下有{len(prose)}段说明文字（未放入表格）："
                            f"“{prose[0][:30]}……”，已保留在导入报告中。", (), prose[0])


def _after_heading(paragraph: str, heading: str) -> str:
    """Text that shares the heading's paragraph ("一、总体情况。2024年，…")."""
    s = paragraph.strip()
    body = key(heading)[len(item_number(key(heading))):]
    consumed = 0
    k = ""
    for i in range(len(s)):
        k = key(s[: i + 1])
        if k.endswith(body[-2:]) and len(k) >= len(body):
            consumed = i + 1
            break
    if not consumed:
        return ""
    rest = s[consumed:].lstrip("。.：: \u3000")
    return rest if len(rest) > 1 else ""


def _table_keys(form: Form) -> frozenset[str]:
    return frozenset(key(c.text)[:8] for t in form.tables for c in layout(t).cells if len(c.text) >= 4)


def _is_table_text(p: str, form: Form) -> bool:
    """Captions, header and note texts of the tables, and unit lines, are not prose."""
    k = key(p)
    return k.startswith("单位") or k[:8] in _table_keys(form)
