"""The 汇总 workbook: a 汇总 sheet (every cell of the national tables, 本级 and
全行政区域 side by side), the summed tables in the national layout, a status
sheet, a findings sheet and one sheet per included unit."""
from __future__ import annotations

import math
import re
from io import BytesIO
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..forms import TableSection
from ..model.values import plain_number
from ..xlsx_layout import PLACEMENT, print_on_a4
from .sums import LOCAL, REGION, SCOPES

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from .session import Consolidation

SUM_SHEET = "汇总"
STATUS_SHEET = "报送情况"
FINDINGS_SHEET = "问题清单"
STATUS_HEADER = ("单位名称", "类别", "本级", "全行政区域", "状态", "格式", "文件", "文件日期", "错误数", "警告数",
                 "纳入汇总", "错误", "重复文件")
_BAD_SHEET = re.compile(r"[\\/:*?\[\]]")
# The status sheet's short columns are as wide as their widest text (bold header included), so that
# 警告数 1 and 纳入汇总 是 never print run together ("1是"); the long, wrapped columns share the rest of
# the page width: about 190 character widths print on A4 landscape at a readable scale.
STATUS_PAGE_WIDTH = 190
_STATUS_WRAPPED = {1: 24, 7: 24, 12: 40, 13: 20}  # column -> its share of what the short columns leave
_STATUS_CENTRED = (3, 4, 9, 10, 11)  # 是/否 and counts, centred under their headers


def _header(ws: Worksheet, values: tuple[str, ...], widths: tuple[float, ...]) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append(list(values))
    for i, w in enumerate(widths, 1):
        cell = ws.cell(row=1, column=i)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    # printed on A4 across one page width (the 栏目 column is long)
    print_on_a4(ws, landscape=True, fit_height=False)


def _wrap(ws: Worksheet, columns: tuple[int, ...]) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    from ..text_width import text_units

    wrap = Alignment(wrap_text=True, vertical="top")
    widths = {i: float(ws.column_dimensions[get_column_letter(i)].width or 10) for i in columns}
    top = Alignment(vertical="top")  # every cell of a tall row starts on its first line
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = top
        lines = 1
        for i in columns:
            cell = row[i - 1]
            cell.alignment = wrap
            per_line = max(widths[i] - 1, 1)  # Excel's width counts half-width characters
            lines = max(lines, sum(max(1, math.ceil(text_units(part) * 2 / per_line))
                                   for part in str(cell.value or "").split("\n")))
        # spreadsheet programs do not grow the rows of a written file: set the height for the wrapped lines
        ws.row_dimensions[row[0].row].height = 15 * min(lines, 8)


def status_rows(c: Consolidation) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for r in c.board.rows:
        u = r.unit
        rows.append([u.name, u.kind, "是" if u.local else "否", "是" if u.region else "否", r.state, r.kind,
                     Path(r.path).name if r.path else "", r.modified, len(r.errors), len(r.warnings),
                     "是" if r.included else "否", "\n".join(r.errors[:5]),
                     "、".join(Path(p).name for p in r.duplicates)])
    for reading in c.board.unmatched:
        entry = c.ws.entry(reading.path)
        set_aside = entry is not None and entry.how == "unassigned"
        rows.append(["（未匹配到单位）", "", "", "", "已取消指定" if set_aside else
                     "无法匹配" if reading.report is not None else "无法读取",
                     reading.kind, Path(reading.path).name, reading.modified, "", "", "否",
                     reading.problem or ("已取消指定单位，不纳入汇总" if set_aside else
                                         f"文件中的机关名称“{reading.agency}”不在单位名单中"), ""])
    for entry, reading in c.board.pending:
        rows.append([entry.unit, "", "", "", "待确认", reading.kind, Path(reading.path).name, reading.modified, "", "",
                     "否", f"文件中的机关名称“{reading.agency}”与名单中的“{entry.unit}”相近，须确认", ""])
    return rows


def _fitted(texts: list[Any]) -> float:
    """Excel's column width (in widths of "0", half a CJK character) for the widest text, with a margin;
    at most 20 (a long 类别 typed in the roster wraps instead of squeezing the other columns)."""
    from ..text_width import text_units

    return float(min(math.ceil(max(text_units(str(t)) for t in texts if t is not None) * 2) + 2, 20))


def status_widths(rows: list[list[Any]]) -> tuple[float, ...]:
    short = {i: _fitted([name] + [r[i - 1] for r in rows]) for i, name in enumerate(STATUS_HEADER, 1)
             if i not in _STATUS_WRAPPED}
    rest = STATUS_PAGE_WIDTH - sum(short.values())
    share = sum(_STATUS_WRAPPED.values())
    wrapped = {i: max(10.0, float(math.floor(rest * w / share))) for i, w in _STATUS_WRAPPED.items()}
    return tuple({**short, **wrapped}[i] for i in range(1, len(STATUS_HEADER) + 1))


def finding_rows(c: Consolidation) -> list[list[Any]]:
    rows: list[list[Any]] = [[f.severity, f.rule, "、".join(f.units), f.message] for f in c.findings]
    for r in c.board.rows:
        rows.extend(["错误", "单位报告", r.unit.name, e] for e in r.errors)
        rows.extend(["警告", "单位报告", r.unit.name, w] for w in r.warnings)
    if c.error:
        rows.insert(0, ["错误", "汇总", "", c.error])
    return rows


def _sheet_title(name: str, used: set[str]) -> str:
    base = _BAD_SHEET.sub("_", name)[:28] or "单位"
    title, n = base, 2
    while title in used:
        title, n = f"{base[:25]}_{n}", n + 1
    used.add(title)
    return title


def build(c: Consolidation, step: Callable[[int, int, str], None] | None = None) -> Any:
    """The workbook; `step(done, total, text)` is told each unit sheet (and may raise to cancel),
    as the first half of the work: saving the book takes about as long."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    from ..export.excel import _write_table

    wb = Workbook()
    sheet = wb.active
    sheet.title = SUM_SHEET
    sums = c.sums
    form = c.board.form
    _header(sheet, ("表格", "栏目", LOCAL, REGION, "说明"), (16, 60, 14, 14, 30))
    if sums is None:
        sheet.append(["", c.error])
    else:
        reports = {s: sums.report(s) for s in SCOPES}
        for ref, spec in form.cells.items():
            sheet.append([form.table(ref[0]).name, spec.label, plain_number(reports[LOCAL].number(ref)),
                          plain_number(reports[REGION].number(ref)), sums.note(ref)])
        for scope in SCOPES:
            for section in form.sections:
                if isinstance(section, TableSection):
                    national = wb.create_sheet(f"{scope} {section.table.name}"[:31])
                    _write_table(national, reports[scope], section, False)
                    title = national.cell(row=1, column=PLACEMENT.left)
                    title.value = f"{title.value}（{reports[scope].meta.agency}{scope}汇总）"
    status = wb.create_sheet(STATUS_SHEET)
    # Narrow columns with long texts wrapped: at one page wide on A4 the sheet stays readable when printed
    # (238 characters of column width shrank the print to about 40 %).
    rows = status_rows(c)
    _header(status, STATUS_HEADER, status_widths(rows))
    for row in rows:
        status.append(row)
    _wrap(status, (*_STATUS_WRAPPED, 2))
    for line in status.iter_rows():  # the header too, above its values (in line with the other headers)
        for i in _STATUS_CENTRED:
            line[i - 1].alignment = Alignment(horizontal="center", vertical=None if line[0].row == 1 else "top")
    findings = wb.create_sheet(FINDINGS_SHEET)
    _header(findings, ("严重程度", "规则", "单位", "说明"), (9, 10, 30, 100))
    for row in finding_rows(c):
        findings.append(row)
    used = {s.title for s in wb.worksheets}
    if sums is not None:
        names = sums.units_in(REGION) + [n for n in sums.units_in(LOCAL) if n not in sums.units_in(REGION)]
        for i, name in enumerate(names):
            if step is not None:
                step(i, 2 * len(names), f"正在写入“{name}”的工作表")
            unit_sheet = wb.create_sheet(_sheet_title(name, used))
            _header(unit_sheet, ("表格", "栏目", "数值"), (16, 60, 14))
            # printed, a unit's pages say whose figures they are (the sheet tab is not printed)
            unit_sheet.oddHeader.center.text = f"{name}（{c.ws.year}年度）".replace("&", "&&")
            values = sums.values[name]
            for ref, spec in form.cells.items():
                unit_sheet.append([form.table(ref[0]).name, spec.label, plain_number(sums.value_of(values, ref))])
    return wb


def workbook_bytes(c: Consolidation) -> bytes:
    return build_bytes(c)


def build_bytes(c: Consolidation, step: Callable[[int, int, str], None] | None = None) -> bytes:
    """The workbook file's bytes; saving it is the last step reported (about as long as building it)."""
    book = build(c, step)
    if step is not None:
        step(1, 2, "正在生成汇总.xlsx")
    buf = BytesIO()
    book.save(buf)
    return buf.getvalue()


def write_workbook(c: Consolidation, path: Path | str) -> None:
    from ..export.files import write_output

    write_output(Path(path), workbook_bytes(c))
