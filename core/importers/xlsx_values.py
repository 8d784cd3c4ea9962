"""Cell values of an Excel attachment turned into the report's values: numbers
(typed, as text with units or full-width digits, with too many decimals), the
report year and the date of the cover.  Every refusal names the cell."""
from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ..forms.schema import CellSpec, Number, ValueKind
from ..model.values import (
    FIXED_AMOUNT_UNIT,
    InvalidValue,
    coerce,
    domain_problem,
    format_value,
    normalise_text,
    parse_number,
)


def squash(text: Any) -> str:
    """Labels compared without whitespace or line breaks a user may have added."""
    return re.sub(r"\s+", "", str(text or ""))


def year_of(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer():
        return int(value)
    m = re.fullmatch(r"(\d{4})年?(度)?", squash(value))
    return int(m.group(1)) if m else None


def _rounded(value: Decimal, spec: CellSpec, where: str, shown: str, notes: list[str]) -> Decimal:
    """More decimals than the domain allows, as a number or as text alike:
    rounded half up, with a notice naming the cell and both values."""
    places = spec.domain.decimals
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite: a number, not 'n'/'N'/'F'
    if spec.domain.is_integer or exponent >= -places:
        return value
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    notes.append(f"{where}：{shown}超过{places}位小数，已四舍五入为{format_value(rounded)}。")
    return rounded


_LONG_DECIMAL = re.compile(r"\d+\.\d+")


def number(raw: Any, spec: CellSpec, where: str, notes: list[str] | None = None) -> tuple[Number | None, str | None]:
    """(value, unit found in the text) or raise InvalidValue with a located
    message; notices of rounding go to `notes`."""
    if notes is None:
        notes = []
    if raw is None:
        return None, None
    if isinstance(raw, (bool, datetime, date)):
        raise InvalidValue(f"{where}：“{raw}”不是数字，此处应填{spec.domain.describe()}。")
    if isinstance(raw, (int, float, Decimal)):
        try:
            value = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
        except InvalidOperation:
            raise InvalidValue(f"{where}：不是有效的数字。") from None
        if not value.is_finite():
            raise InvalidValue(f"{where}：不是有效的数字（数值过大或无效），此处应填{spec.domain.describe()}。")
        if not spec.domain.is_integer:
            value = _rounded(value, spec, where, str(raw), notes)
        problem = domain_problem(value, spec.domain)
        if problem:
            raise InvalidValue(f"{where}：{raw}{problem}")
        return coerce(value, spec.domain), None
    text = str(raw)
    unit = next((u for u in spec.domain.units if squash(text).endswith(u)), None)
    if unit == "元" and squash(text).endswith("万元"):
        unit = "万元"
    if not spec.domain.is_integer:
        m = _LONG_DECIMAL.search(normalise_text(text))
        if m:
            exact = Decimal(m.group())
            rounded = _rounded(exact, spec, where, text.strip(), notes)
            if rounded != exact:
                text = normalise_text(text).replace(m.group(), str(rounded), 1)
    try:
        parsed = parse_number(text, spec.domain)
    except InvalidValue as exc:
        raise InvalidValue(f"{where}：{exc}") from None
    squashed = squash(normalise_text(text))
    if (parsed is not None and spec.domain.kind is ValueKind.AMOUNT and not spec.domain.units
            and squashed.endswith("元") and not squashed.endswith(FIXED_AMOUNT_UNIT)):
        # parse_number took 元 typed into a 万元 cell as 元: say so, the clerk may have meant 万元
        notes.append(f"{where}：“{text.strip()}”已换算为{format_value(parsed)}{FIXED_AMOUNT_UNIT}。")
    return parsed, unit


def unit_from_format(number_format: str, spec: CellSpec) -> str | None:
    if not spec.domain.units:
        return None
    if "万元" in number_format:
        return "万元"
    if "元" in number_format:
        return "元"
    return None


def date_text(value: Any) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    text = squash(value)
    m = re.fullmatch(r"(\d{4})[年\-/.](\d{1,2})(?:[月\-/.](\d{1,2})日?)?月?", text)
    if m:
        y, mo, d = m.groups()
        return f"{y}-{int(mo):02d}" + (f"-{int(d):02d}" if d else "")
    return str(value).strip()
