"""Helper cells of the Excel attachment, outside the national table.

* A check row under each table with a printed equality (表三 勾稽关系): per
  column, 第一项加第二项之和 − 第三项加第四项之和 as a live formula, which
  conditional formatting turns red, with the column, when it is not 0 — so a
  sub-unit filling the blank template sees a broken column before importing.
* A 单位 choice cell right of an amount whose unit the form leaves open (2019
  采购总金额): 万元 or 元 from a list; the importer reads it.

They sit outside the grid (below it, right of it), so label verification and
value reading in the importer never see them, and outside the print area
except the 单位 column, which the printed table needs.
"""
from __future__ import annotations

from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..forms import MatrixTable
from ..forms.layout import Grid
from ..forms.schema import Table

RED_FILL = PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE")
RED_FONT = Font(color="9C0006", bold=True)
CHECK_FILL = PatternFill("solid", fgColor="FFF2CC")  # pale yellow: helper, not part of the table
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
UNIT_HEADER = "单位"


def check_row_label(rule: str) -> str:
    return f"校验（{rule}）：第一项加第二项之和减第三项加第四项之和，应为0"


def check_explanation(rule_name: str) -> str:
    return (f"说明：上一行逐列校验{rule_name}；某列不为0时，该列和校验值标红，请核对该列数字。"
            "此行及上一行为辅助校验，不属于国家表格，导入时不读取。")


def write_balance_checks(ws: Worksheet, table: Table, grid: Grid, top: int, left: int, font_name: str) -> int:
    """Check rows under the grid; returns the number of sheet rows used (0 if none)."""
    if not isinstance(table, MatrixTable) or not table.balances:
        return 0
    from openpyxl.utils import get_column_letter

    def addr(ref: tuple[str, str, str]) -> str:
        r, c = grid.position(ref)
        return f"{get_column_letter(left + c)}{top + r}"

    leaf_cols = [c for top_col in table.columns for c in top_col.leaves()]
    row = top + grid.n_rows + 1  # one blank row under the table
    used = 0
    for bal in table.balances:
        label = ws.cell(row=row, column=left, value=check_row_label(bal.rule))
        label.data_type = "s"
        label.font = Font(name=font_name, size=10, bold=True)
        label.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        label.fill = CHECK_FILL
        if grid.label_cols > 1:
            ws.merge_cells(start_row=row, start_column=left, end_row=row, end_column=left + grid.label_cols - 1)
        for k in range(grid.label_cols):
            ws.cell(row=row, column=left + k).border = _BORDER
        ws.row_dimensions[row].height = 30
        for col in leaf_cols:
            lhs = "+".join(addr((table.key, r, col.key)) for r in bal.lhs)
            rhs = "+".join(addr((table.key, r, col.key)) for r in bal.rhs)
            _, c = grid.position((table.key, bal.lhs[0], col.key))
            check = ws.cell(row=row, column=left + c, value=f"=({lhs})-({rhs})")
            check.font = Font(name=font_name, size=11, bold=True)
            check.alignment = Alignment(horizontal="center", vertical="center")
            check.fill = CHECK_FILL
            check.border = _BORDER
            check.protection = Protection(locked=True)
            ws.conditional_formatting.add(
                check.coordinate, CellIsRule(operator="notEqual", formula=["0"], fill=RED_FILL, font=RED_FONT))
            letter = get_column_letter(left + c)
            first = top + grid.header_rows
            ws.conditional_formatting.add(
                f"{letter}{first}:{letter}{top + grid.n_rows - 1}",
                FormulaRule(formula=[f"${letter}${row}<>0"], fill=RED_FILL))
        note = ws.cell(row=row + 1, column=left, value=check_explanation(bal.rule_name))
        note.data_type = "s"
        note.font = Font(name=font_name, size=9, color="595959")
        note.alignment = Alignment(horizontal="left", vertical="center")
        row += 2
        used += 3
    return used


def write_unit_choice(ws: Worksheet, row: int, col: int, header_row: int, unit: str, units: tuple[str, ...],
                      font_name: str) -> None:
    """A 单位 list cell at (row, col) with its heading at (header_row, col)."""
    head = ws.cell(row=header_row, column=col, value=UNIT_HEADER)
    head.data_type = "s"
    head.font = Font(name=font_name, size=10.5)
    head.alignment = Alignment(horizontal="center", vertical="center")
    head.border = _BORDER
    cell = ws.cell(row=row, column=col, value=unit)
    cell.data_type = "s"
    cell.font = Font(name=font_name, size=11)
    cell.alignment = Alignment(horizontal="center", vertical="center")
    cell.border = _BORDER
    cell.protection = Protection(locked=False)
    dv = DataValidation(type="list", formula1='"' + ",".join(units) + '"', allow_blank=False)
    dv.error = "请从列表中选择金额单位：" + "或".join(units) + "。"
    dv.errorTitle = "单位有误"
    dv.prompt = "金额单位：" + "或".join(units)
    dv.showErrorMessage = True
    ws.add_data_validation(dv)
    dv.add(cell.coordinate)
