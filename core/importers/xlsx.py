"""Read an Excel attachment back into a report.

Accepts our own export, a filled blank template, and either after Excel, WPS
or LibreOffice re-saved it (cached formula values, dropped validations,
numbers stored as text).  Each table is found by its labels: the sheet named
after the table, or failing that any sheet that holds the table's first label,
and every label of the national layout is verified before a value is read.
Nothing is half-imported: all problems are collected and raised together.
"""
from __future__ import annotations

import stat
from io import BytesIO
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ..forms import FORMS, form_for_year
from ..forms.layout import Grid, Role, layout
from ..forms.schema import CellRef, CellSpec, Form, Number, Table
from ..model.clean import TextCleaner
from ..model.report import META_LABELS, Report
from ..model.values import InvalidValue, format_value
from ..records import field, record
from ..storage.errors import describe_os_error
from ..xlsx_layout import COVER_FIELDS, COVER_SHEET, FILE_MARK_LABEL, PLACEMENT
from .errors import XlsxImportError
from .formula import NotArithmetic, evaluate
from .xlsx_cells import Book, Sheet, TooComplex, read_book
from .xlsx_guard import MAX_FILE_BYTES, check_archive, refuse_container
from .xlsx_values import date_text as _date_text
from .xlsx_values import number as _number
from .xlsx_values import squash as _squash
from .xlsx_values import unit_from_format as _unit_from_format
from .xlsx_values import year_of as _year_of


@record(frozen=False)
class ImportedTables:
    form: Form
    inputs: dict[CellRef, Number] = field(default_factory=dict)
    units: dict[CellRef, str] = field(default_factory=dict)
    stated_totals: dict[CellRef, Number] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)  # told to the user once (cleaned characters)


def _open(data: bytes, name: str, *, data_only: bool = True) -> Any:
    """The workbook as openpyxl objects (the 汇总 unit roster reads any layout with it)."""
    refuse_container(data, name)
    check_archive(data, name)
    try:
        return load_workbook(BytesIO(data), data_only=data_only)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on damaged parts; none of them is our bug to show
        raise _unreadable(exc, name) from None


def _read_book(data: bytes, name: str) -> Book:
    """The cells of an attachment, read from the sheet XML (xlsx_cells: ~8 ms where
    openpyxl's load_workbook takes ~50 ms), after the same checks as _open."""
    refuse_container(data, name)
    check_archive(data, name)
    try:
        return read_book(data, name)
    except XlsxImportError:
        raise
    except Exception as exc:  # noqa: BLE001 - any damage of the archive or its XML is the file's, not ours
        raise _unreadable(exc, name) from None


def _unreadable(exc: Exception, name: str) -> XlsxImportError:
    if isinstance(exc, SyntaxError):  # XML parse errors of lxml and ElementTree
        return XlsxImportError([f"无法打开“{name}”：文件中的表格数据（XML）已损坏，不是有效的 Excel 文件。"])
    if isinstance(exc, (MemoryError, RecursionError, TooComplex)):
        return XlsxImportError([f"无法打开“{name}”：文件结构过于复杂，不是年报附表。"])
    # zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, EOFError and the rest
    return XlsxImportError([f"无法打开“{name}”：不是有效的 Excel 文件（.xlsx），或文件已损坏。"])


def _formula_value(ws: Sheet, row: int, column: int, where: str) -> Any:
    """The value of an uncached formula in an input cell (a script-written workbook:
    openpyxl and pandas store formulas without results), or None if there is no formula."""
    formula = ws.formula(row, column)
    if formula is None:
        return None
    try:
        return evaluate(formula)
    except NotArithmetic:
        shown = formula if len(formula) <= 40 else formula[:40] + "…"
        raise InvalidValue(f"{where}：单元格 {get_column_letter(column)}{row} 为公式（{shown}）且没有计算结果，"
                           "请在 Excel 或 WPS 中打开并保存后再导入。") from None


def _cover_values(wb: Book) -> dict[str, Any]:
    ws = wb.sheet(COVER_SHEET)
    if ws is None:
        return {}
    out: dict[str, Any] = {}
    labels = {META_LABELS[f]: f for f in COVER_FIELDS}
    for row in range(1, min(ws.max_row, 40) + 1):
        key = _squash(ws.value(row, 1))
        if key in labels:
            out[labels[key]] = ws.value(row, 2)
        elif key == FILE_MARK_LABEL:
            out["mark"] = ws.value(row, 2)
    return out


def _form_of(cover: dict[str, Any], year: int | None) -> Form | None:
    label = _squash(cover.get("form_key"))
    for form in FORMS.values():
        if label and label in (_squash(form.short_name), _squash(form.name), form.key):
            return form
    if year is not None:
        try:
            return form_for_year(year)
        except ValueError:
            return None
    return None


def _anchor(grid: Grid) -> tuple[int, int, str]:
    """The first text cell of the grid, used to find the table on a sheet."""
    first = min((c for c in grid.cells if c.role is not Role.VALUE and c.text), key=lambda c: (c.row, c.col))
    return first.row, first.col, _squash(first.text)


def _find_origin(ws: Sheet, grid: Grid) -> tuple[int, int] | None:
    """1-based (row, col) of grid cell (0, 0) on the sheet, found by the anchor label."""
    ar, ac, text = _anchor(grid)
    default = (PLACEMENT.top, PLACEMENT.left)
    if _squash(ws.value(default[0] + ar, default[1] + ac)) == text:
        return default
    for row in range(1, min(ws.max_row, 60) + 1):
        for col in range(1, min(ws.max_column, 30) + 1):
            if _squash(ws.value(row, col)) == text:
                return row - ar, col - ac
    return None


def _locate_sheet(wb: Book, table: Table, grid: Grid) -> tuple[Sheet, tuple[int, int]] | None:
    named = wb.sheet(table.name)
    candidates = [named] if named is not None else []
    candidates += [ws for ws in wb.worksheets if ws.title != table.name]
    for ws in candidates:
        origin = _find_origin(ws, grid)
        if origin is not None:
            return ws, origin
    return None


def _address(origin: tuple[int, int], row: int, col: int) -> str:
    return f"{get_column_letter(origin[1] + col)}{origin[0] + row}"


def read_tables(wb: Book, name: str) -> ImportedTables:
    cover = _cover_values(wb)
    problems: list[str] = []
    year = _year_of(cover.get("year"))
    form = _form_of(cover, year)
    if form is None:
        sheets = "、".join(wb.sheetnames)
        if not cover:
            raise XlsxImportError([f"“{name}”不是年报助手的 Excel 附表：没有“{COVER_SHEET}”工作表（现有工作表：{sheets}）。"])
        raise XlsxImportError([f"“{name}”的“{COVER_SHEET}”工作表中没有可识别的报告格式或报告年度。"])
    result = ImportedTables(form)
    if year is not None:
        result.meta["year"] = year
    cleaner = TextCleaner()
    for key in ("agency", "contact", "compiler", "title"):
        if cover.get(key) not in (None, ""):
            result.meta[key] = cleaner(str(cover[key]).strip(), META_LABELS[key])
    if cover.get("date") not in (None, ""):
        result.meta["date"] = cleaner(_date_text(cover["date"]), META_LABELS["date"])
    notice = cleaner.notice()
    if notice:
        result.notices.append(f"“{name}”的封面中" + notice)

    blank_totals: list[tuple[CellRef, str, str]] = []
    for table in form.tables:
        grid = layout(table)
        located = _locate_sheet(wb, table, grid)
        if located is None:
            other = [f for f in FORMS.values() if f is not form]
            hint = ""
            for f in other:
                if _locate_sheet(wb, f.table(table.key), layout(f.table(table.key))) and _differs(f, form, table.key):
                    hint = f"该表格似乎是{f.short_name}，而封面写的是{form.short_name}。"
            problems.append(f"找不到“{table.name}”：工作表中没有该表的表头“{_anchor(grid)[2]}”。{hint}")
            continue
        ws, origin = located
        label_problems = _verify_labels(ws, origin, grid)
        if label_problems:
            problems.extend(label_problems)
            continue
        for gc in grid.value_cells:
            assert gc.ref is not None
            spec = form.cells[gc.ref]
            row, col = origin[0] + gc.row, origin[1] + gc.col
            where = f"工作表“{ws.title}”{_address(origin, gc.row, gc.col)}（{spec.row_label + ' / ' if spec.row_label else ''}{spec.column_label}）"
            try:
                raw = ws.value(row, col)
                if raw is None and not spec.computed:
                    raw = _formula_value(ws, row, col, where)
                value, unit = _number(raw, spec, where, result.notices)
            except InvalidValue as exc:
                problems.append(str(exc))
                continue
            if spec.computed:
                if value is not None:
                    result.stated_totals[gc.ref] = value
                elif raw is None and not ws.has_formula(row, col):
                    # an uncached formula (a script-written workbook) is a total stated by the file, not a blank
                    blank_totals.append((gc.ref, _address(origin, gc.row, gc.col), ws.title))
                continue
            if value is not None:
                result.inputs[gc.ref] = value
            unit = _unit_from_cell(ws, origin, grid, gc.row, spec) or unit \
                or _unit_from_format(ws.number_format(row, col), spec)
            if unit:
                result.units[gc.ref] = unit
    if problems:
        raise XlsxImportError(problems)
    if blank_totals:
        result.notices.append(_blank_totals_notice(result, blank_totals))
    return result


def _blank_totals_notice(result: ImportedTables, blanks: list[tuple[CellRef, str, str]]) -> str:
    """A published table with blank 总计 cells is a defect a reviewer flags."""
    scratch = Report("", result.form.first_year, result.form.key)
    scratch.replace_all(result.inputs)
    shown = [f"工作表“{sheet}”{address}（{_cell_label(result.form.cells[ref])}）为{format_value(scratch.number(ref))}"
             for ref, address, sheet in blanks[:8]]
    more = f"等{len(blanks)}处" if len(blanks) > 8 else ""
    return f"总计未填写，已按各项之和计算：{'；'.join(shown)}{more}。"


def _cell_label(spec: CellSpec) -> str:
    return f"{spec.row_label + ' / ' if spec.row_label else ''}{spec.column_label}"


def _unit_from_cell(ws: Sheet, origin: tuple[int, int], grid: Grid, row: int, spec: CellSpec) -> str | None:
    """The 单位 choice cell right of the table (excel_helpers.write_unit_choice)."""
    if not spec.domain.units:
        return None
    value = _squash(ws.value(origin[0] + row, origin[1] + grid.n_cols))
    return value if value in spec.domain.units else None


def _differs(a: Form, b: Form, table_key: str) -> bool:
    return _anchor(layout(a.table(table_key))) != _anchor(layout(b.table(table_key))) or layout(a.table(table_key)).n_rows != layout(b.table(table_key)).n_rows


def _verify_labels(ws: Sheet, origin: tuple[int, int], grid: Grid) -> list[str]:
    problems = []
    for gc in grid.cells:
        if gc.role is Role.VALUE or not gc.text:
            continue
        got = ws.value(origin[0] + gc.row, origin[1] + gc.col)
        if _squash(got) != _squash(gc.text):
            problems.append(
                f"工作表“{ws.title}”{_address(origin, gc.row, gc.col)}应为“{gc.text}”，实际为“{got or '（空）'}”。"
                "表格结构与国家格式不一致，可能插入或删除了行列。"
            )
            if len(problems) >= 3:
                break
    return problems


def read_xlsx_bytes(data: bytes, name: str = "Excel 文件") -> ImportedTables:
    return read_tables(_read_book(data, name), name)


def read_xlsx_file(path: Path | str) -> ImportedTables:
    """The tables of a workbook on disk: a regular file of at most MAX_FILE_BYTES,
    checked before parsing.  Raises XlsxImportError only (the window's 导入 Excel)."""
    path = Path(path)
    return read_xlsx_bytes(read_workbook_file(path), path.name)


def read_workbook_file(path: Path) -> bytes:
    """The bytes of a workbook on disk: a regular file of at most MAX_FILE_BYTES
    (a FIFO or device is refused before it is opened)."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise XlsxImportError([f"“{path}”是一个文件夹。"])
        if not stat.S_ISREG(mode):
            raise XlsxImportError([f"“{path.name}”不是普通文件（是管道、设备或其他特殊文件），不能导入。"])
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise XlsxImportError([f"找不到文件“{path}”。"]) from None
    except IsADirectoryError:
        raise XlsxImportError([f"“{path}”是一个文件夹。"]) from None
    except OSError as exc:
        raise XlsxImportError([f"无法读取“{path.name}”：{describe_os_error(exc)}，文件可能正被其他程序打开。"]) from None
    if len(data) > MAX_FILE_BYTES:
        raise XlsxImportError([f"“{path.name}”超过{MAX_FILE_BYTES // 1024 // 1024} MB，远超年报附表的规模，不予导入。"])
    return data


def _stated_differences(tables: ImportedTables) -> dict[CellRef, Number]:
    """Totals from the file that differ from the recomputed ones (kept as findings)."""
    scratch = Report("", tables.form.first_year, tables.form.key)
    scratch.replace_all(tables.inputs)
    return {ref: v for ref, v in tables.stated_totals.items() if scratch.value(ref) != v}


def import_xlsx(path: Path | str) -> Report:
    """A new report from a workbook (CLI import-xlsx, 文件 → 导入 Excel as new)."""
    path = Path(path)
    tables = read_xlsx_bytes(read_workbook_file(path), path.name)
    meta = tables.meta
    year = meta.get("year")
    if year is None:
        raise XlsxImportError([f"“{path.name}”的“{COVER_SHEET}”工作表中没有报告年度。"])
    report = Report(meta.get("agency", ""), year, tables.form.key, date=meta.get("date", ""),
                    contact=meta.get("contact", ""), compiler=meta.get("compiler", ""))
    title = meta.get("title", "")
    if title and title != report.default_title:  # the cover prints the title; only the clerk's own is kept
        report.meta.title = title
    apply_tables(report, tables)
    report.notices.extend(tables.notices)
    return report


def import_into(report: Report, path: Path | str) -> None:
    """Replace the table values of an open report with those of a workbook."""
    path = Path(path)
    tables = read_xlsx_bytes(read_workbook_file(path), path.name)
    if tables.form.key != report.form.key:
        raise XlsxImportError([
            f"“{path.name}”是{tables.form.short_name}的附表，当前报告使用{report.form.short_name}，不能导入。"
        ])
    apply_tables(report, tables)
    report.notices.extend(tables.notices)


def apply_tables(report: Report, tables: ImportedTables) -> None:
    # Keep only units that differ from the default, as a typed draft would.
    units = {ref: u for ref, u in tables.units.items() if u != tables.form.cells[ref].domain.units[0]}
    report.replace_all(tables.inputs, _stated_differences(tables), units=units)
