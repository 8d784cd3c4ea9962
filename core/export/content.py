"""What every export prints, independent of the file format."""
from __future__ import annotations

import re
import unicodedata

from ..forms.schema import CellRef
from ..model.report import Report
from ..model.values import format_value

_DATE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


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


def text_units(s: str) -> float:
    """Width in 字 (a CJK character is 1, an ASCII character 0.5)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in s)


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
    lines, current = [], ""
    for ch in title:
        if text_units(current + ch) > target + 0.5 and len(lines) < n_lines - 1 and not (ch == "年" and current[-1:].isdigit()):
            lines.append(current)
            current = ""
        current += ch
    lines.append(current)
    return lines
