"""Reading an office's own Excel/WPS register (.xlsx).

The sheet may have title rows (merged) above the header, a two-row header
(补正 over 通知日期 / 收到日期), blank lines and footers.  read_sheet finds the
header; build_requests turns rows into requests with the user's column and
value mapping, listing every row it cannot read with its row number.
"""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..model.values import normalise_text
from ..records import field, record
from .dates import DateError, parse_date
from .mapping import EXTENSION_WORDS, guess_columns, is_choice, norm_value, official_value, suggest_value
from .request import FIELD_BY_KEY, FieldKind, Request

MAX_ROWS = 200_000  # a register is a few thousand rows; bounded time and memory
HEADER_SEARCH_ROWS = 30


class RegisterImportError(ValueError):
    """The workbook cannot be used at all; the message is Chinese."""


@record
class Sheet:
    name: str
    header_row: int  # 1-based row number of the (last) header row
    headers: list[str]
    rows: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)  # (row number, cells)

    @property
    def signature(self) -> str:
        """Identifies the layout, to remember its mapping."""
        return "|".join(h.strip() for h in self.headers)


@record
class Question:
    """A value of a choice column the user has to map."""

    field: str
    text: str
    count: int
    first_row: int
    suggestion: str | None


@record
class RowProblem:
    row: int
    message: str
    # A line that is not a request at all (合计, 制表人 …): listed, but no reason to stop.
    skipped: bool = False


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v == int(v):
        return str(int(v))
    return str(v).strip()


def _two_row_headers(top: tuple[Any, ...], below: tuple[Any, ...]) -> list[str]:
    """Headers of a two-row header: a merged group label over its sub-labels."""
    out, group = [], ""
    for i in range(max(len(top), len(below))):
        t = _text(top[i]) if i < len(top) else ""
        b = _text(below[i]) if i < len(below) else ""
        if t:
            group = t
        out.append(f"{group}{b}" if b else t)
    return out


def read_sheet(path: Path | str) -> Sheet:
    path = Path(path)
    if path.suffix.lower() == ".xls":
        raise RegisterImportError(f"“{path.name}”是旧版Excel格式（.xls），请在Excel或WPS中“另存为”.xlsx格式后再导入。")
    from io import BytesIO

    from ..importers.errors import XlsxImportError
    from ..importers.xlsx import read_workbook_file
    from ..importers.xlsx_guard import (
        REGISTER_MAX_CELLS,
        REGISTER_MAX_SHEET_BYTES,
        check_archive,
        refuse_container,
    )

    try:
        # The same guards as the attachment importer (regular file, size cap,
        # encrypted or old containers, unpacked sizes, DTDs), with a register's caps.
        data = read_workbook_file(path)
        refuse_container(data, path.name)
        check_archive(data, path.name, max_cells=REGISTER_MAX_CELLS, max_sheet_bytes=REGISTER_MAX_SHEET_BYTES)
    except XlsxImportError as exc:
        raise RegisterImportError(str(exc)) from None
    try:
        import openpyxl

        wb = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for non-xlsx input
        raise RegisterImportError(f"“{path.name}”不是可读取的Excel文件（.xlsx）：{type(exc).__name__}。") from None
    best: Sheet | None = None
    best_score = 1
    try:
        for ws in wb.worksheets:
            rows: list[tuple[Any, ...]] = []
            for i, row in enumerate(ws.iter_rows(values_only=True)):
                if i >= MAX_ROWS:
                    raise RegisterImportError(f"“{ws.title}”超过{MAX_ROWS}行，不像是登记台账。")
                rows.append(tuple(row))
            for h in range(min(HEADER_SEARCH_ROWS, len(rows))):
                single = [_text(v) for v in rows[h]]
                candidates = [(len(guess_columns(single)), single, h)]
                if h + 1 < len(rows):
                    double = _two_row_headers(rows[h], rows[h + 1])
                    candidates.append((len(guess_columns(double)), double, h + 1))
                score, headers, last = max(candidates, key=lambda c: c[0])
                if score > best_score:
                    best_score = score
                    best = Sheet(ws.title, last + 1, headers,
                                 [(n + 1, r) for n, r in enumerate(rows) if n > last])
    finally:
        wb.close()
    if best is None:
        raise RegisterImportError(f"“{path.name}”中找不到台账的表头（如“收到日期”“申请人”“答复日期”“办理结果”）。")
    return best


def _blank(cells: tuple[Any, ...]) -> bool:
    return all(_text(v) == "" for v in cells)


def questions(sheet: Sheet, columns: Mapping[int, str], values: Mapping[str, Mapping[str, str]],
              form_key: str) -> list[Question]:
    """Texts in choice columns that are neither official names nor mapped yet."""
    seen: dict[tuple[str, str], list[int]] = {}
    for number, cells in sheet.rows:
        for col, key in columns.items():
            if not is_choice(key) or col >= len(cells):
                continue
            text = _text(cells[col])
            if not text:
                continue
            n = norm_value(text)
            if n in values.get(key, {}) or official_value(key, text, form_key) is not None:
                continue
            hit = seen.setdefault((key, n), [number, 0])
            hit[1] += 1
    return [Question(k, t, c, first, suggest_value(k, t, form_key)) for (k, t), (first, c) in seen.items()]


def _cell_value(key: str, raw: Any, values: Mapping[str, Mapping[str, str]], form_key: str) -> dict[str, Any]:
    """The request fields one cell sets; raises ValueError with a Chinese message."""
    kind = FIELD_BY_KEY[key].kind
    text = _text(raw)
    if kind is FieldKind.DATE:
        if key == "extension_date" and isinstance(raw, str):
            if norm_value(text) in EXTENSION_WORDS:
                return {"extended": True}
            if norm_value(text) in {"否", "无", "未延期"}:
                return {}
        d = parse_date(raw)
        return {} if d is None else {key: d}
    if not text:
        return {}
    if is_choice(key):
        value = values.get(key, {}).get(norm_value(text)) or official_value(key, text, form_key)
        if value is None:
            raise ValueError(f"“{text}”尚未对应到{FIELD_BY_KEY[key].label}")
        return {key: value} if value != "" else {}
    if kind is FieldKind.MONEY:
        s = normalise_text(text).removesuffix("元")
        try:
            fee = Decimal(s)
        except InvalidOperation:
            raise ValueError(f"“{text}”不是金额") from None
        if not fee.is_finite() or fee < 0:
            raise ValueError(f"“{text}”不是金额")
        return {key: fee}
    return {key: text}


def build_requests(sheet: Sheet, columns: Mapping[int, str], values: Mapping[str, Mapping[str, str]],
                   form_key: str) -> tuple[list[Request], list[RowProblem]]:
    requests: list[Request] = []
    problems: list[RowProblem] = []
    mapped = sorted(columns.items())
    for number, cells in sheet.rows:
        if _blank(cells):
            continue
        fields: dict[str, Any] = {}
        errors: list[str] = []
        for col, key in mapped:
            raw = cells[col] if col < len(cells) else None
            try:
                fields.update(_cell_value(key, raw, values, form_key))
            except (DateError, ValueError) as exc:
                errors.append(f"“{sheet.headers[col]}”{exc}" if not str(exc).startswith("“") else
                              f"“{sheet.headers[col]}”列：{exc}")
        if errors:
            problems.append(RowProblem(number, "；".join(errors)))
            continue
        if "received" not in fields:
            texts = [t for t in (_text(v) for v in cells) if t]
            shown = "、".join(texts)[:40]
            if len(texts) <= 2:
                problems.append(RowProblem(number, f"不是申请记录，已跳过（内容：{shown}）", skipped=True))
            else:
                problems.append(RowProblem(number, f"没有收到日期（内容：{shown}）"))
            continue
        requests.append(Request(**fields))
    return requests, problems
