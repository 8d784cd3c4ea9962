"""What every export prints, independent of the file format."""
from __future__ import annotations

import copy
import re

from ..forms.layout import Grid, Role
from ..forms.schema import CellRef
from ..model.clean import clean_text
from ..model.report import META_TEXT_FIELDS, Explanation, Report
from ..model.values import format_value
from ..text_width import text_units as text_units  # callers import it from here too

_DATE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


def exportable(report: Report) -> Report:
    """The report with text every format can hold.  The model cleans what it
    is given, but its fields are plain attributes: an exporter must never
    refuse (Word raises on control characters, Excel on some) what the model
    holds.  Returns the report itself when nothing needs cleaning."""
    m = report.meta
    texts = [m.agency, m.date, m.contact, m.compiler, *report.texts.values(),
             *(e.note for e in report.explanations.values())]
    if all(clean_text(t) == t for t in texts):
        return report
    out = copy.copy(report)
    out.meta = copy.copy(m)
    for name in META_TEXT_FIELDS:
        setattr(out.meta, name, clean_text(getattr(m, name)))
    out.texts = {k: clean_text(v) for k, v in report.texts.items()}
    out.explanations = {k: Explanation(clean_text(e.note), e.expected, e.actual) for k, e in report.explanations.items()}
    return out


def cell_text(report: Report, ref: CellRef) -> str:
    """A value as the official tables print it: blank counts print as 0, and a
    chosen unit is appended (2019 采购总金额 has no unit in its header)."""
    text = format_value(report.value(ref), blank="0")
    unit = report.unit(ref)
    return f"{text}{unit}" if unit else text


def chinese_date(date: str) -> str:
    """2020-01 -> 2020年1月; 2020-01-15 -> 2020年1月15日; anything else as typed."""
    m = _DATE.match(date.strip())
    if not m:
        return date.strip()
    y, mo, d = m.groups()
    return f"{y}年{int(mo)}月" + (f"{int(d)}日" if d else "")


def title_lines(report: Report, max_units: float) -> list[str]:
    """Break the title into balanced lines (GB/T 9704 7.3.1: 词意完整、排列对称).

    The natural break is after the agency name; otherwise split as evenly as
    possible without breaking the year from 年.
    """
    title = report.title
    if text_units(title) <= max_units:
        return [title]
    agency, rest = report.meta.agency, title[len(report.meta.agency):]
    if agency and text_units(agency) <= max_units and text_units(rest) <= max_units:
        return [agency, rest]
    n_lines = int(text_units(title) // max_units) + 1
    target = text_units(title) / n_lines
    lines: list[str] = []
    current = ""
    for ch in title:
        if text_units(current + ch) > target + 0.5 and len(lines) < n_lines - 1 and not (ch == "年" and current[-1:].isdigit()):
            lines.append(current)
            current = ""
        current += ch
    lines.append(current)
    return lines


CLOSING_MARK = "如对本报告有疑问"


def closing_sentence(report: Report) -> str:
    """The customary closing sentence naming 联系方式, or "" when there is none
    or the narrative already says it."""
    contact = report.meta.contact.strip().rstrip("。")
    if not contact:
        return ""
    if any(CLOSING_MARK in text or contact in text for text in report.texts.values()):
        return ""
    who = report.meta.compiler.strip() or report.meta.agency.strip() or "本机关"
    return f"{CLOSING_MARK}，请与{who}联系（{contact}）。"


def cell_texts(report: Report, grid: Grid) -> dict[tuple[int, int], str]:
    return {
        (c.row, c.col): (cell_text(report, c.ref) if c.role is Role.VALUE and c.ref else c.text)
        for c in grid.cells
    }


def signature_indents(name: str, date: str, sealed: bool) -> tuple[float, float]:
    """Right indents in 字 of the agency name and the date (GB/T 9704 7.3.5).

    Unsealed (7.3.5.3): the name 右空二字, the date on the next line starting two
    characters right of the name's first character; a date longer than that is
    itself 右空二字 and the name moves left to keep the two-character offset.
    Sealed (7.3.5.1): the date 右空四字, the name centred over the date."""
    n, d = text_units(name), text_units(date)
    if sealed:
        return max(0.0, 4 + (d - n) / 2), 4.0
    date_right = max(2.0, n - d)
    return date_right + d + 2 - n, date_right
