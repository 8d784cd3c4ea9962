"""Dates as offices write them in Excel/WPS registers.

Accepted: date/datetime cells, Excel serial numbers (1900 date system), and text
such as 2024-01-05, 2024/1/5, 2024年1月5日, 2024.1.5, 20240105, with full-width
digits or a time after the date.  Anything else is refused with a message that
says what was found.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from .workdays import MAX_YEAR, MIN_YEAR

_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01, with Excel's phantom 1900-02-29
_SEPARATED = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}[:：]\d{2}([:：]\d{2}(\.\d+)?)?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


class DateError(ValueError):
    """The Chinese message says what the value was and what is expected."""


def _checked(y: int, m: int, d: int, raw: object) -> date:
    try:
        value = date(y, m, d)
    except ValueError:
        raise DateError(f"“{raw}”不是有效的日期") from None
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise DateError(f"“{raw}”的年份不合理")
    return value


def parse_date(value: object) -> date | None:
    """None for an empty cell; DateError for anything that is not a date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return _checked(value.year, value.month, value.day, value.date().isoformat())
    if isinstance(value, date):
        return _checked(value.year, value.month, value.day, value.isoformat())
    if isinstance(value, bool):
        raise DateError(f"“{value}”不是日期")
    if isinstance(value, (int, float)):
        serial = float(value)
        # Plausible serials only (1990-2100); a bare 2024 is a year, not a date.
        if serial != int(serial) and not 32874 <= serial < 73416:
            raise DateError(f"“{value}”不是日期")
        if not 32874 <= serial < 73416:
            raise DateError(f"“{value:g}”不是日期（如果是Excel日期序号，对应的年份不合理）")
        return _EXCEL_EPOCH + timedelta(days=int(serial))
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text or text in {"-", "—", "/", "无"}:
        return None
    m = _SEPARATED.match(text) or _COMPACT.match(text)
    if m:
        return _checked(int(m.group(1)), int(m.group(2)), int(m.group(3)), str(value).strip())
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        return parse_date(float(text))
    raise DateError(f"“{str(value).strip()}”不是可识别的日期（可写作2024-01-05、2024/1/5、2024年1月5日或2024.1.5）")


def format_date(d: date | None) -> str:
    return "" if d is None else d.isoformat()
