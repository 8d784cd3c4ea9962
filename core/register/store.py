"""The register inside a draft file (the "register" key; see docs/file-format.md).

Requests are written as objects holding only their non-empty fields; dates as
"YYYY-MM-DD"; the fee as a JSON number (yuan).  Reading checks types and
raises through the caller's `fail` so the message names the key; values that
are well-typed but wrong (a result of the other format) load and are reported
by the checks, so the user can repair them in the app.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from ..model.values import plain_number
from .register import ImportMapping, Register
from .request import STORED_FIELDS, Request
from .workdays import YearOverride

_DATE_FIELDS = frozenset({"received", "correction_sent", "correction_received", "consult_start", "consult_end",
                          "extension_date", "answered"})
_EMPTY = Request()


def _json_value(key: str, value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return plain_number(value)
    return value


def request_to_json(req: Request) -> dict[str, Any]:
    return {k: _json_value(k, v) for k in STORED_FIELDS if (v := getattr(req, k)) != getattr(_EMPTY, k)}


def register_to_json(register: Register, drives: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"drives_table": drives, "requests": [request_to_json(r) for r in register]}
    if register.calendar:
        out["calendar"] = {
            str(y): {"holidays": sorted(d.isoformat() for d in o.holidays),
                     "workdays": sorted(d.isoformat() for d in o.workdays)}
            for y, o in sorted(register.calendar.items())
        }
    if register.mappings:
        out["mappings"] = {sig: {"columns": m.columns, "values": m.values} for sig, m in register.mappings.items()}
    return out


Fail = Callable[[str], Exception]


def _date(value: Any, where: str, fail: Fail) -> date:  # for the calendar lists
    if not isinstance(value, str):
        raise fail(f"“{where}”应为日期文字（YYYY-MM-DD）")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"“{where}”的日期“{value}”无效") from None


def _text_value(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError
    return value


def _flag_value(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError
    return value


def _fee_value(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise TypeError
    return Decimal(value)


_READERS: dict[str, Callable[[Any], Any]] = {k: _text_value for k in STORED_FIELDS}
_READERS.update({k: date.fromisoformat for k in _DATE_FIELDS})
_READERS["extended"] = _flag_value
_READERS["fee"] = _fee_value
_EXPECTED = {"extended": "true 或 false", "fee": "数字", **{k: "日期文字（YYYY-MM-DD）" for k in _DATE_FIELDS}}


def request_from_json(data: Any, where: str, fail: Fail) -> Request:
    if not isinstance(data, dict):
        raise fail(f"“{where}”应为对象")
    values: dict[str, Any] = {}
    for key, value in data.items():
        reader = _READERS.get(key)
        if reader is None:
            raise fail(f"“{where}.{key}”不是台账的栏目")
        try:
            values[key] = reader(value)
        except (TypeError, ValueError):
            raise fail(f"“{where}.{key}”应为{_EXPECTED.get(key, '文字')}，而不是“{value}”") from None
    return Request(**values)


def register_from_json(data: Any, fail: Fail) -> tuple[Register, bool]:
    if not isinstance(data, dict):
        raise fail("“register”应为对象")
    drives = data.get("drives_table", False)
    if not isinstance(drives, bool):
        raise fail("“register.drives_table”应为 true 或 false")
    items = data.get("requests", [])
    if not isinstance(items, list):
        raise fail("“register.requests”应为列表")
    register = Register(request_from_json(item, f"register.requests[{i}]", fail) for i, item in enumerate(items))
    calendar = data.get("calendar", {})
    if not isinstance(calendar, dict):
        raise fail("“register.calendar”应为对象")
    for year, days in calendar.items():
        where = f"register.calendar.{year}"
        if not (isinstance(year, str) and year.isdigit()) or not isinstance(days, dict):
            raise fail(f"“{where}”无效")
        lists = []
        for name in ("holidays", "workdays"):
            raw = days.get(name, [])
            if not isinstance(raw, list):
                raise fail(f"“{where}.{name}”应为列表")
            lists.append(frozenset(_date(v, f"{where}.{name}", fail) for v in raw))
        register.calendar[int(year)] = YearOverride(lists[0], lists[1])
    mappings = data.get("mappings", {})
    if not isinstance(mappings, dict):
        raise fail("“register.mappings”应为对象")
    for sig, m in mappings.items():
        if not isinstance(m, dict) or not isinstance(m.get("columns", {}), dict) or not isinstance(m.get("values", {}), dict):
            raise fail(f"“register.mappings.{sig}”无效")
        register.mappings[sig] = ImportMapping(dict(m.get("columns", {})), {k: dict(v) for k, v in m.get("values", {}).items()})
    return register, drives
