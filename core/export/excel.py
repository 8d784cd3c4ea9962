"""The Excel attachment (.xlsx): cover, one sheet per table, and the findings.

Each table sheet is the shared grid layout placed below a title row, with the
official labels and merges.  Inputs are unlocked and validated, totals are
live SUM formulas, everything else is protected without a password (guidance,
not a lock-out).  The same writer makes the blank fill-in template.
"""
from __future__ import annotations

from collections.abc import Sequence

from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.properties import CalcProperties
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .. import APP_NAME, __version__
from ..checks import Finding
from ..forms import MatrixTable, TableSection, ValueKind
from ..forms.layout import Grid, Role, layout
from ..forms.schema import CellSpec, Domain, Number
from ..model.clean import clean_text
from ..model.report import META_LABELS, META_TEXT_FIELDS, Report
from ..model.values import coerce, plain_number
from ..xlsx_layout import (
    CHECKS_SHEET,
    COVER_FIELDS,
    COVER_SHEET,
    FILE_MARK,
    FILE_MARK_LABEL,
    PLACEMENT,
    print_on_a4,
)
from .content import chinese_date, exportable
from .excel_helpers import write_balance_checks, write_unit_choice
from .files import write_output
from .table_widths import print_layout

FONT_NAME = "宋体"
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
# Three kinds of cell, three colours the 填写说明 names: white to fill in,
# grey computed totals, pale blue headings.
FILL_TOTAL = PatternFill("solid", fgColor="D9D9D9")
FILL_INPUT = PatternFill("solid", fgColor="FFFFFF")
FILL_HEADER = PatternFill("solid", fgColor="DDEBF7")
# A table's width in 字 of its font: portrait 表二 as in the Word export,
# landscape 表三/表四 wider, so labels take fewer lines and 表三 fits one page.
PORTRAIT_WIDTH_ZI, LANDSCAPE_WIDTH_ZI = 42.0, 64.0
EXCEL_UNITS_PER_ZI = 2.0  # a CJK character is about two of Excel's width units
LINE_HEIGHT_PT = 14.0
FOOTER = "第 &P 页，共 &N 页"


def put_text(ws: Worksheet, row: int, column: int, text: str) -> Cell:
    """A string cell, whatever the text starts with: an agency named
    "=HYPERLINK(…)" or "=cmd|' /C calc'!A0" must never become a formula."""
    cell = ws.cell(row=row, column=column, value=clean_text(text))
    if text:
        cell.data_type = "s"
    return cell


def amount_format(unit: str) -> str:
    """Number format that shows a chosen unit but keeps the cell numeric."""
    return f'General"{unit}"' if unit else "General"


def _validation(domain: Domain) -> DataValidation:
    if domain.kind is ValueKind.COUNT:
        dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
    elif domain.kind is ValueKind.SIGNED_COUNT:
        dv = DataValidation(type="whole", operator="between", formula1="-999999999", formula2="999999999")
    else:
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    dv.error = f"此处应填{domain.describe()}。"
    dv.errorTitle = "输入有误"
    dv.prompt = f"请填写{domain.describe()}"
    dv.showErrorMessage = True
    dv.allow_blank = True
    return dv


def _write_table(ws: Worksheet, report: Report, section: TableSection, blank: bool) -> None:
    table = section.table
    grid: Grid = layout(table)
    form = report.form
    pl = PLACEMENT

    title = put_text(ws, 1, pl.left, section.heading)
    title.font = Font(name="黑体", size=14)
    title.alignment = Alignment(horizontal="left", vertical="center")
    ws.row_dimensions[1].height = 24

    # Column widths measured from the labels (no label left with a stray
    # character on a line; 表二's blocks with equal columns), labels broken
    # into those lines explicitly.
    texts = {(c.row, c.col): c.text for c in grid.cells if c.role is not Role.VALUE}
    texts.update({(c.row, c.col): "000000" for c in grid.cells if c.role is Role.VALUE})
    landscape = isinstance(table, MatrixTable)
    plan = print_layout(grid, texts, LANDSCAPE_WIDTH_ZI if landscape else PORTRAIT_WIDTH_ZI, 0.5)
    for i, w in enumerate(plan.widths):
        ws.column_dimensions[get_column_letter(pl.left + i)].width = round(w * EXCEL_UNITS_PER_ZI, 1)

    validations: dict[Domain, DataValidation] = {}
    extra_cols = 0
    for gc in grid.cells:
        r, c = pl.top + gc.row, pl.left + gc.col
        cell = ws.cell(row=r, column=c)
        if gc.rowspan > 1 or gc.colspan > 1:
            ws.merge_cells(start_row=r, start_column=c, end_row=r + gc.rowspan - 1, end_column=c + gc.colspan - 1)
        # Borders on every cell of a merge, or its edges vanish in Excel/WPS.
        for rr in range(r, r + gc.rowspan):
            for cc in range(c, c + gc.colspan):
                ws.cell(row=rr, column=cc).border = BORDER
        if gc.role is Role.VALUE and gc.ref is not None:
            spec = form.cells[gc.ref]
            if spec.computed:
                cell.value = _sum_formula(spec, grid)
                cell.fill = FILL_TOTAL
                cell.font = Font(name=FONT_NAME, size=11, bold=True)
            else:
                value = report.value(gc.ref)
                if not blank:
                    cell.value = _excel_number(value if value is not None else 0, spec)
                cell.protection = Protection(locked=False)
                cell.fill = FILL_INPUT
                cell.font = Font(name=FONT_NAME, size=11)
                dv = validations.get(spec.domain)
                if dv is None:
                    dv = validations[spec.domain] = _validation(spec.domain)
                    ws.add_data_validation(dv)
                dv.add(cell.coordinate)
            if spec.domain.units and not spec.computed:
                # the unit is chosen in the 单位 cell beside the amount
                unit_col = pl.left + grid.n_cols
                write_unit_choice(ws, r, unit_col, r - 1, report.unit(gc.ref), spec.domain.units, FONT_NAME)
                ws.column_dimensions[get_column_letter(unit_col)].width = 8
                extra_cols = 1
                cell.number_format = "General"
            elif not spec.domain.is_integer:
                cell.number_format = amount_format(report.unit(gc.ref))
            cell.alignment = Alignment(horizontal="center", vertical="center")
        else:
            put_text(ws, r, c, "\n".join(plan.lines.get((gc.row, gc.col), (gc.text,))) if gc.text else "")
            cell.font = Font(name=FONT_NAME, size=10.5, bold=gc.role is Role.CAPTION)
            horizontal = "left" if gc.role is Role.LABEL else "center"
            cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
            if gc.role is not Role.LABEL:
                cell.fill = FILL_HEADER

    # Row heights so every label shows its lines whole.
    heights = [1] * grid.n_rows
    for gc in grid.cells:
        if gc.role is not Role.VALUE and gc.rowspan == 1 and gc.text:
            heights[gc.row] = max(heights[gc.row], len(plan.lines.get((gc.row, gc.col), ("",))))
    for gc in grid.cells:
        if gc.role is not Role.VALUE and gc.rowspan > 1 and gc.text:
            need = len(plan.lines.get((gc.row, gc.col), ("",))) - sum(heights[gc.row : gc.row + gc.rowspan])
            if need > 0:
                heights[gc.row + gc.rowspan - 1] += need
    for row, lines in enumerate(heights):
        ws.row_dimensions[pl.top + row].height = LINE_HEIGHT_PT * lines + 6
    write_balance_checks(ws, table, grid, pl.top, pl.left, FONT_NAME)

    # Frozen panes below the header (and right of the labels where they exist).
    freeze_row = pl.top + (grid.header_rows or 0)
    ws.freeze_panes = f"{get_column_letter(pl.left + grid.label_cols)}{freeze_row}"

    # 表三 (and 表四) on one landscape page, fit both ways; 表二 may run on
    print_on_a4(ws, landscape=landscape, fit_height=isinstance(table, MatrixTable))
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    if grid.header_rows:
        ws.print_title_rows = f"{pl.top}:{pl.top + grid.header_rows - 1}"
    # the helper check rows stay on screen, not on paper
    last_col = get_column_letter(pl.left + grid.n_cols - 1 + extra_cols)
    ws.print_area = f"A1:{last_col}{pl.top + grid.n_rows - 1}"
    ws.oddFooter.center.text = FOOTER

    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False


def _sum_formula(spec: CellSpec, grid: Grid) -> str:
    addresses = [PLACEMENT.address(*grid.position((spec.table, r, c))) for r, c in spec.terms]
    return "=SUM(" + ",".join(addresses) + ")"


def _excel_number(value: Number, spec: CellSpec) -> int | float:
    if spec.domain.is_integer:
        return int(value)
    return plain_number(coerce(value, spec.domain))


def _write_cover(ws: Worksheet, report: Report, blank: bool) -> None:
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 60
    title = put_text(ws, 1, 1, "政府信息公开工作年度报告 附表")
    title.font = Font(name="黑体", size=16)
    ws.merge_cells("A1:B1")
    ws.row_dimensions[1].height = 30
    m = report.meta
    values = {
        "agency": "" if blank else m.agency,
        "year": m.year,
        "form_key": report.form.short_name,
        "date": "" if blank else chinese_date(m.date),
        "contact": "" if blank else m.contact,
        "compiler": "" if blank else m.compiler,
        "title": "" if blank else report.title,  # as printed; read back only if it differs from the generated one
    }
    row = 3
    for name in COVER_FIELDS:
        label = put_text(ws, row, 1, META_LABELS[name])
        v = values[name]
        value = put_text(ws, row, 2, v) if isinstance(v, str) else ws.cell(row=row, column=2, value=v)
        for cell in (label, value):
            cell.border = BORDER
            cell.font = Font(name=FONT_NAME, size=11)
            cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        label.fill = FILL_HEADER
        if name in META_TEXT_FIELDS:
            value.protection = Protection(locked=False)
        ws.row_dimensions[row].height = 22
        row += 1
    row += 1
    # The file mark lets the importer recognise the workbook; the software
    # version is kept in the document properties, not on the printed cover.
    put_text(ws, row, 1, FILE_MARK_LABEL).font = Font(name=FONT_NAME, size=9, color="808080")
    put_text(ws, row, 2, FILE_MARK).font = Font(name=FONT_NAME, size=9, color="808080")
    row += 1
    note = put_text(ws, row + 1, 1, fill_in_note(report))
    ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=2)
    note.alignment = Alignment(wrap_text=True, vertical="top")
    note.font = Font(name=FONT_NAME, size=10)
    ws.row_dimensions[row + 1].height = 96
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    print_on_a4(ws, landscape=False, fit_height=False)
    ws.oddFooter.center.text = FOOTER


def fill_in_note(report: Report) -> str:
    unit_cells = [s for s in report.form.cells.values() if s.domain.units and not s.computed]
    text = ("填写说明：只在白色单元格中填写数字；灰色单元格为自动计算的总计（公式），请勿改动；"
            "浅蓝色单元格为表头。没有发生的事项填0或留空。")
    for table in report.form.tables:
        for bal in table.balances if isinstance(table, MatrixTable) else ():
            text += f"{table.name}须满足{bal.rule_name}：表格下方的校验行应全部为0，不为0的列会标红。"
    for spec in unit_cells:
        text += f"“{spec.column_label}”的单位请在其右侧“单位”列中选择（{'或'.join(spec.domain.units)}）。"
    return text


def _describe_cells(report: Report, finding: Finding) -> str:
    parts = []
    for ref in finding.cells:
        spec = report.form.cells.get(ref)
        if spec is None:
            continue
        grid = layout(report.form.table(ref[0]))
        address = PLACEMENT.address(*grid.position(ref))
        where = spec.label
        parts.append(f"{report.form.table(ref[0]).name} {address}（{where}）")
    return "；".join(parts)


def _write_checks(ws: Worksheet, report: Report, findings: Sequence[Finding]) -> None:
    headers = ("规则", "类别", "说明", "涉及单元格", "应为", "实际", "核实说明")
    widths = (7, 7, 56, 40, 9, 9, 28)  # 156 units: one landscape page wide, text wrapped
    for i, (h, w) in enumerate(zip(headers, widths), start=1):
        cell = put_text(ws, 1, i, h)
        cell.font = Font(name="黑体", size=11)
        cell.fill = FILL_HEADER
        cell.border = BORDER
        ws.column_dimensions[get_column_letter(i)].width = w
    if not findings:
        put_text(ws, 2, 1, "未发现错误或警告。")
        ws.merge_cells("A2:G2")
    for r, f in enumerate(findings, start=2):
        status = "已核实" if f.explanation is not None else f.severity.label
        row = (f.rule, status, f.message, _describe_cells(report, f),
               _plain(f.expected), _plain(f.actual), f.explanation or "")
        for i, v in enumerate(row, start=1):
            cell = put_text(ws, r, i, v) if isinstance(v, str) else ws.cell(row=r, column=i, value=v)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = BORDER
            cell.font = Font(name=FONT_NAME, size=10, color="C00000" if f.is_error and i == 2 else "000000")
    ws.freeze_panes = "A2"
    print_on_a4(ws, landscape=True, fit_height=False)
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = FOOTER


def _plain(v: Number | None) -> int | float | None:
    return None if v is None else plain_number(v)


def build_workbook(report: Report, findings: Sequence[Finding], *, blank: bool = False) -> Workbook:
    """The attachment of `report`; its 校验 sheet lists `findings` (the caller ran
    the checks: the window passes the ones it shows, so the sheet says what the
    clerk saw).  A blank template has no 校验 sheet."""
    report = exportable(report)
    wb = Workbook()
    cover = wb.active
    cover.title = COVER_SHEET
    _write_cover(cover, report, blank)
    for section in report.form.sections:
        if isinstance(section, TableSection):
            _write_table(wb.create_sheet(section.table.name), report, section, blank)
    if not blank:
        _write_checks(wb.create_sheet(CHECKS_SHEET), report, findings)
    # Totals are formulas without cached values: make every program recalculate.
    wb.calculation = CalcProperties(fullCalcOnLoad=True)
    wb.properties.title = report.title
    wb.properties.creator = f"{APP_NAME} {__version__}"
    wb.properties.version = __version__
    return wb


def xlsx_bytes(report: Report, findings: Sequence[Finding], *, blank: bool = False) -> bytes:
    buf = BytesIO()
    build_workbook(report, findings, blank=blank).save(buf)
    return buf.getvalue()


def export_xlsx(report: Report, path: Path | str, findings: Sequence[Finding]) -> None:
    write_output(Path(path), xlsx_bytes(report, findings))


def export_template(year: int, path: Path | str, form_key: str | None = None) -> None:
    """A blank workbook for a department to fill in."""
    write_output(Path(path), xlsx_bytes(Report("", year, form_key), (), blank=True))
