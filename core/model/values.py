"""Parsing, checking and formatting of cell values.

Clerks paste numbers from Excel/WPS registers and published PDFs, so the
parser accepts what those produce: full-width digits, thousands separators,
a trailing unit (件, 万元 …) and the usual "empty" marks (—, /, -).
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from ..forms.schema import Domain, Number, ValueKind

EMPTY_MARKS = frozenset({"", "—", "——", "/", "／", "-", "－", "–", "无"})
_UNITS = ("万元", "元", "件", "条", "项", "个", "次")
MAX_NUMBER_CHARS = 40  # digits, sign and point: far beyond any cell (< 10^12, 4 decimals)
# An amount cell without a unit choice is in 万元, fixed by its printed label (core/forms/schema.Domain).
FIXED_AMOUNT_UNIT = "万元"
FIXED_AMOUNT_FACTOR = Decimal(10000)  # 元 per 万元
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


class InvalidValue(ValueError):
    """A cell value that does not fit its domain; the message is Chinese."""


def normalise_text(text: str) -> str:
    """Full-width digits and signs to ASCII, thousands separators and spaces removed."""
    s = unicodedata.normalize("NFKC", text).strip()
    s = s.replace("−", "-").replace("–", "-")
    s = re.sub(r"(?<=\d)[,，](?=\d{3}(\D|$))", "", s)
    s = re.sub(r"\s+", "", s)
    return s


def parse_number(text: str, domain: Domain) -> Number | None:
    """Parse what a user typed or pasted.  Returns None for an empty cell.

    Raises InvalidValue with a Chinese message when the text is not a value of
    the domain.
    """
    raw = text
    if text.strip() in EMPTY_MARKS:
        return None
    s = normalise_text(text)
    if s in EMPTY_MARKS:
        return None
    unit = ""
    for u in _UNITS:
        if s.endswith(u) and len(s) > len(u):
            unit, s = u, s[: -len(u)]
            break
    if len(s) > MAX_NUMBER_CHARS:
        shown = raw.strip()[:20] + "…"
        raise InvalidValue(f"“{shown}”位数过多，不是有效的数字，此处应填{domain.describe()}。")
    if not _NUMBER.match(s):
        raise InvalidValue(f"“{raw.strip()}”不是数字，此处应填{domain.describe()}。")
    if domain.kind is ValueKind.AMOUNT and unit in ("件", "条", "个", "次", "项"):
        raise InvalidValue(f"“{raw.strip()}”的单位不对，此处应填金额。")
    if domain.kind is not ValueKind.AMOUNT and unit in ("万元", "元"):
        raise InvalidValue(f"“{raw.strip()}”是金额，此处应填{domain.describe()}。")
    try:
        value = Decimal(s)
    except InvalidOperation:  # pragma: no cover - guarded by the regex
        raise InvalidValue(f"“{raw.strip()}”不是数字。") from None
    if domain.kind is ValueKind.AMOUNT and not domain.units and unit == "元":
        # A fixed-unit amount is in 万元 (本年收费金额（单位：万元）): "12000元" means 1.2, never 12000.
        value = value / FIXED_AMOUNT_FACTOR
        problem = domain_problem(value.normalize(), domain)
        if problem:
            raise InvalidValue(f"“{raw.strip()}”换算为{FIXED_AMOUNT_UNIT}后{problem}")
        return coerce(value, domain)
    problem = domain_problem(value, domain)
    if problem:
        raise InvalidValue(f"“{raw.strip()}”{problem}")
    return coerce(value, domain)


def coerce(value: Number, domain: Domain) -> Number:
    """The canonical stored form: int for counts, Decimal for amounts."""
    if domain.is_integer:
        return int(value)
    d = Decimal(value)
    # normalize() alone would turn 20 into 2E+1
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


def domain_problem(value: object, domain: Domain) -> str | None:
    """Why a value does not fit the domain, in Chinese, or None if it fits."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, float)):
        return f"不是数字，应填{domain.describe()}。"
    d = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not d.is_finite():
        return f"不是有效的数字，应填{domain.describe()}。"
    if domain.is_integer and d != d.to_integral_value():
        return f"不是整数，应填{domain.describe()}。"
    if not domain.allows_negative and d < 0:
        return f"是负数，应填{domain.describe()}。"
    if not domain.is_integer:
        exponent = d.normalize().as_tuple().exponent
        if isinstance(exponent, int) and -exponent > domain.decimals:
            return f"小数位数超过{domain.decimals}位。"
    if abs(d) >= Decimal(10) ** 12:
        return "数值过大，请检查是否多输了数字。"
    return None


def plain_number(value: Number) -> int | float:
    """An int when whole, else a float: for JSON and spreadsheets.  float() of a
    Decimal with ≤ 4 decimals round-trips exactly through repr."""
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return float(value)
    return int(value)


def format_value(value: Number | None, blank: str = "") -> str:
    """Text for display and export; amounts without trailing zeros (20.3, 2429.9828)."""
    if value is None:
        return blank
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return str(int(value))
        return format(value.normalize(), "f")
    return str(value)
