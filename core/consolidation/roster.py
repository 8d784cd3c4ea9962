"""The roster of units from an Excel list, and the roster template to fill.

Accepted: our template, or any list whose header row (within the first 20
rows of a sheet) has a cell 单位名称; the columns 类别, 本级, 全行政区域 and
联系方式 (or 联系人/联系电话) are optional.  Where 本级 is blank it follows the
category (departments count in 本级, towns and lower governments do not); a
unit counts in 全行政区域 unless the list says 否."""
from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from .errors import ConsolidationError
from .workspace import DEFAULT_LOCAL, KINDS, Unit, Workspace

SHEET = "单位名单"
HEADERS = ("单位名称", "类别", "本级", "全行政区域", "联系方式")
HEADER_ROWS = 20
MAX_UNITS = 5000
YES = {"是", "√", "✓", "✔", "y", "yes", "true", "1", "纳入", "计入"}
NO = {"否", "×", "✗", "n", "no", "false", "0", "不纳入", "不计入"}
KIND_ALIASES = {"部门": "部门", "县直部门": "部门", "市直部门": "部门", "区直部门": "部门", "乡镇": "乡镇街道",
                "街道": "乡镇街道", "乡镇街道": "乡镇街道", "乡镇（街道）": "乡镇街道", "下级政府": "下级政府",
                "县区政府": "下级政府", "区县政府": "下级政府", "其他": "其他"}


def _cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return "".join(str(v).split())


def _columns(header: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, h in enumerate(header):
        for key in HEADERS:
            if key not in out and h.startswith(key):
                out[key] = i
        if "联系方式" not in out and h.startswith(("联系人", "联系电话", "电话")):
            out["联系方式"] = i
    return out


def _flag(text: str, default: bool, where: str) -> bool:
    t = text.lower()
    if not t:
        return default
    if t in YES:
        return True
    if t in NO:
        return False
    raise ConsolidationError(f"{where}“{text}”无法识别，请填写“是”或“否”。")


def _kind(text: str, name: str, where: str) -> str:
    if not text:
        if name.endswith(("镇", "乡", "街道", "街道办事处", "镇人民政府", "乡人民政府")):
            return "乡镇街道"
        return "下级政府" if name.endswith("人民政府") else "部门"
    kind = KIND_ALIASES.get(text)
    if kind is None:
        raise ConsolidationError(f"{where}的类别“{text}”无法识别，应为{'、'.join(KINDS)}之一。")
    return kind


def units_from_rows(rows: list[list[Any]], name: str, sheet: str,
                    notes: list[str] | None = None) -> list[Unit] | None:
    """The units of one sheet, or None when it has no 单位名称 header.  A unit listed again with the
    same (or blank) 类别/本级/全行政区域 is taken once and told in `notes`; listed differently, it is refused."""
    found = next(((h, cols) for h, cols in ((h, _columns([_cell_text(v) for v in raw]))
                                               for h, raw in enumerate(rows[:HEADER_ROWS])) if "单位名称" in cols), None)
    if found is None:
        return None
    h, cols = found
    units: list[Unit] = []
    seen: dict[str, int] = {}  # name -> index in units
    rows_of: dict[str, int] = {}  # name -> its row in the sheet

    def at(raw: list[Any], key: str) -> str:
        i = cols.get(key)
        return _cell_text(raw[i]) if i is not None and i < len(raw) else ""

    for n, raw in enumerate(rows[h + 1:], start=h + 2):
        unit_name = at(raw, "单位名称")
        if not unit_name:
            continue
        where = f"“{name}”工作表“{sheet}”第{n}行"
        if unit_name in seen:
            first = units[seen[unit_name]]
            again = [at(raw, "类别"), at(raw, "本级"), at(raw, "全行政区域")]
            kind = _kind(again[0], unit_name, where) if again[0] else first.kind
            if (kind, _flag(again[1], first.local, f"{where}的“本级”"),
                    _flag(again[2], first.region, f"{where}的“全行政区域”")) != (first.kind, first.local, first.region):
                raise ConsolidationError(f"{where}的单位“{unit_name}”与第{rows_of[unit_name]}行重复，"
                                         "且类别或是否计入本级、全行政区域不同：请删去其中一行。")
            if notes is not None:
                notes.append(f"第{n}行的“{unit_name}”与第{rows_of[unit_name]}行重复，只计一次。")
            continue
        seen[unit_name], rows_of[unit_name] = len(units), n
        kind = _kind(at(raw, "类别"), unit_name, where)
        local = _flag(at(raw, "本级"), DEFAULT_LOCAL[kind], f"{where}的“本级”")
        region = _flag(at(raw, "全行政区域"), True, f"{where}的“全行政区域”")
        units.append(Unit(unit_name, kind, local, region, at(raw, "联系方式")))
        if len(units) > MAX_UNITS:
            raise ConsolidationError(f"“{name}”中的单位超过{MAX_UNITS}个，不像是单位名单。")
    return units


def read_roster_bytes(data: bytes, name: str, notes: list[str] | None = None) -> list[Unit]:
    from ..importers.errors import XlsxImportError
    from ..importers.xlsx import _open

    try:
        wb = _open(data, name)
    except XlsxImportError as exc:
        raise ConsolidationError(str(exc)) from None
    try:
        for ws in wb.worksheets:
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            units = units_from_rows(rows, name, ws.title, notes)
            if units is not None:
                if not units:
                    raise ConsolidationError(f"“{name}”的“{ws.title}”工作表中“单位名称”一列下没有单位。")
                return units
    finally:
        wb.close()
    raise ConsolidationError(f"“{name}”中没有找到表头为“单位名称”的单位名单（表头须在前{HEADER_ROWS}行中）。")


def read_roster(path: Path | str, notes: list[str] | None = None) -> list[Unit]:
    """The units of an Excel list; what was taken as it is but worth telling goes to `notes`."""
    from ..importers.errors import XlsxImportError
    from ..importers.xlsx import read_workbook_file

    path = Path(path)
    try:
        data = read_workbook_file(path)
    except XlsxImportError as exc:
        raise ConsolidationError(str(exc)) from None
    return read_roster_bytes(data, path.name, notes)


def roster_template_bytes(ws: Workspace | None = None) -> bytes:
    """The roster template to fill (prefilled with `ws`'s roster when given)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    sheet = wb.active
    sheet.title = SHEET
    for i, h in enumerate(HEADERS, 1):
        c = sheet.cell(row=1, column=i, value=h)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
    for letter, width in zip("ABCDE", (36, 12, 8, 12, 36), strict=True):
        sheet.column_dimensions[letter].width = width
    kinds = DataValidation(type="list", formula1='"' + ",".join(KINDS) + '"', allow_blank=True)
    flags = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    sheet.add_data_validation(kinds)
    sheet.add_data_validation(flags)
    kinds.add("B2:B2000")
    flags.add("C2:D2000")
    for r, u in enumerate(ws.units if ws is not None else [], start=2):
        for col, v in enumerate((u.name, u.kind, "是" if u.local else "否", "是" if u.region else "否", u.contact), 1):
            sheet.cell(row=r, column=col, value=v)
    sheet.freeze_panes = "A2"
    note = wb.create_sheet("填写说明")
    for r, line in enumerate((
        "每行一个单位：单位名称须与该单位报告中的机关名称一致（用于自动匹配收到的文件）。",
        f"类别：{'、'.join(KINDS)}。留空时按名称判断（以镇、乡、街道结尾为乡镇街道）。",
        "本级：是否计入本级政府（本级政府及其部门）的汇总；留空时部门为“是”，乡镇街道和下级政府为“否”。",
        "全行政区域：是否计入全行政区域的汇总；留空为“是”。",
    ), 1):
        note.cell(row=r, column=1, value=line)
    note.column_dimensions["A"].width = 100
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()
