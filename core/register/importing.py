"""The steps of importing an Excel register that the window and the CLI share:
start from a remembered or given mapping (else guessed headers), apply it, and
remember it for the next file of the same layout."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .mapping import is_choice, norm_value, resolve_target
from .register import ImportMapping, Register
from .request import FIELD_BY_KEY, FIELDS, Request
from .xlsx_import import RegisterImportError, Sheet

Columns = dict[int, str]
Values = dict[str, dict[str, str]]
_FIELD_BY_LABEL = {f.label: f.key for f in FIELDS}


def load_mapping_file(path: Path | str) -> ImportMapping:
    """MAP.json: {"columns": {"表头": "field key or register label" | ""}, "values": {"result": {"文字": "key or official label"}}}."""
    path = Path(path)
    try:
        data: Any = json.loads(path.read_text("utf-8-sig"))
    except FileNotFoundError:
        raise RegisterImportError(f"找不到映射文件“{path}”。") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RegisterImportError(f"映射文件“{path.name}”无法读取：{exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("columns", {}), dict) \
            or not isinstance(data.get("values", {}), dict):
        raise RegisterImportError(f"映射文件“{path.name}”应包含“columns”和“values”两个对象。")
    columns: dict[str, str] = {}
    for header, target in data.get("columns", {}).items():
        key = "" if target in ("", None) else _FIELD_BY_LABEL.get(str(target), str(target))
        if key and key not in FIELD_BY_KEY:
            raise RegisterImportError(f"映射文件中“{header}”对应的“{target}”不是台账的栏目。")
        columns[str(header)] = key
    values: dict[str, dict[str, str]] = {}
    for key, table in data.get("values", {}).items():
        if key not in FIELD_BY_KEY or not is_choice(key) or not isinstance(table, dict):
            raise RegisterImportError(f"映射文件中“values.{key}”无效（只能是channel、applicant_type、result）。")
        values[key] = {str(t): str(v) for t, v in table.items()}
    return ImportMapping(columns, values)


def initial_mapping(sheet: Sheet, register: Register, form_key: str,
                    given: ImportMapping | None = None) -> tuple[Columns, Values, list[str]]:
    """Columns and values to start from, and problems with the given mapping."""
    from .mapping import guess_columns

    saved = given or register.mappings.get(sheet.signature)
    problems: list[str] = []
    if saved is None:
        return guess_columns(sheet.headers), {}, problems
    columns: Columns = {}
    by_header = {h.strip(): i for i, h in enumerate(sheet.headers) if h.strip()}
    for header, key in saved.columns.items():
        if header.strip() not in by_header:
            problems.append(f"映射中的列“{header}”在表格中不存在")
        elif key:
            columns[by_header[header.strip()]] = key
    values: Values = {}
    for key, table in saved.values.items():
        for text, target in table.items():
            value = "" if target == "" else resolve_target(key, target, form_key)
            if value is None:
                problems.append(f"映射中“{text}”对应的“{target}”不是本报告格式的{FIELD_BY_KEY[key].label}")
            else:
                values.setdefault(key, {})[norm_value(text)] = value
    return columns, values, problems


def unmapped_headers(sheet: Sheet, columns: Columns) -> list[str]:
    return [h for i, h in enumerate(sheet.headers) if h.strip() and i not in columns]


def remember(register: Register, sheet: Sheet, columns: Columns, values: Values) -> None:
    register.mappings[sheet.signature] = ImportMapping(
        {h.strip(): columns.get(i, "") for i, h in enumerate(sheet.headers) if h.strip()},
        {k: dict(v) for k, v in values.items()})


def new_requests(register: Register, requests: list[Request]) -> tuple[list[Request], int]:
    """Requests not already in the register (same 编号 and 收到日期), and how many were skipped."""
    have = {(r.number, r.received) for r in register if r.number}
    out = [r for r in requests if not (r.number and (r.number, r.received) in have)]
    return out, len(requests) - len(out)
