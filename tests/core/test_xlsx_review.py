"""The Excel attachment a supervisor accepts (issue 11, points 2 and 6-10)."""
from __future__ import annotations

import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

from core import __version__
from core.checks import run_checks
from core.export.excel import CHECKS_SHEET, COVER_SHEET, FILL_HEADER, FILL_TOTAL, PLACEMENT, export_template, export_xlsx
from core.forms.layout import layout
from core.importers.xlsx import import_xlsx
from core.model import Report
from tests.core.conftest import distinct_full_report
from tests.render import SOFFICE

A = "applications"
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is installed by .ci/run; absent here")


def at(report, ref):
    grid = layout(report.form.table(ref[0]))
    return PLACEMENT.address(*grid.position(ref))


def _sheets(tmp_path, report):
    out = tmp_path / "a.xlsx"
    export_xlsx(report, out, run_checks(report))
    return out, load_workbook(out)


def test_print_setup_of_every_sheet(tmp_path):
    report = distinct_full_report("2021")
    _, wb = _sheets(tmp_path, report)
    three = wb["表三 申请情况"]
    assert three.page_setup.orientation == "landscape"
    assert (three.page_setup.fitToWidth, three.page_setup.fitToHeight) == (1, 1)
    assert three.sheet_properties.pageSetUpPr.fitToPage
    grid = layout(report.form.table(A))
    # printed: the national table only, not the helper check rows under it
    assert three.print_area.endswith(f"${PLACEMENT.top + grid.n_rows - 1}")
    checks = wb[CHECKS_SHEET]
    assert checks.oddFooter.center.text and checks.print_title_rows == "$1:$1"
    assert checks["C2"].alignment.wrap_text
    assert sum(checks.column_dimensions[get_column_letter(i)].width for i in range(1, 8)) <= 160
    cover = wb[COVER_SHEET]
    assert cover.oddFooter.center.text == three.oddFooter.center.text
    texts = [str(c.value) for row in cover.iter_rows() for c in row if c.value is not None]
    assert not any("软件版本" in t or __version__ in t for t in texts)
    assert wb.properties.version == __version__ and __version__ in wb.properties.creator


def test_header_and_total_colours_differ_and_the_note_names_both(tmp_path):
    report = distinct_full_report("2021")
    _, wb = _sheets(tmp_path, report)
    ws = wb["表三 申请情况"]
    header = ws[PLACEMENT.address(0, 3)]  # 申请人情况
    total = ws[at(report, (A, "new", "total"))]
    assert header.value == "申请人情况"
    assert header.fill.fgColor.rgb != total.fill.fgColor.rgb
    assert FILL_HEADER.fgColor.rgb != FILL_TOTAL.fgColor.rgb
    note = next(c.value for row in wb[COVER_SHEET].iter_rows() for c in row if str(c.value).startswith("填写说明"))
    assert "灰色单元格为自动计算的总计" in note and "浅蓝色单元格为表头" in note


def test_table_two_2019_columns_equal_in_excel(tmp_path):
    _, wb = _sheets(tmp_path, distinct_full_report("2019"))
    ws = wb["表二 主动公开"]
    b, c, d, e = (ws.column_dimensions[x].width for x in "BCDE")
    assert abs(b - (c + d)) < 0.5 and abs(b - e) < 0.5 and abs((b + c) - (d + e)) < 0.5


def test_template_has_live_check_row_with_red_formatting(tmp_path):
    out = tmp_path / "tpl.xlsx"
    export_template(2024, out)
    ws = load_workbook(out)["表三 申请情况"]
    report = Report("", 2024)
    grid = layout(report.form.table(A))
    row = PLACEMENT.top + grid.n_rows + 1
    assert ws.cell(row=row, column=1).value.startswith("校验（R-3.1）")
    natural = column_index_from_string(at(report, (A, "new", "natural")).rstrip("0123456789"))
    formula = ws.cell(row=row, column=natural).value
    # 第一项加第二项之和 − 第三项加第四项之和 of the 自然人 column
    parts = [at(report, (A, r, "natural")) for r in ("new", "carried_over", "results_total", "carry_forward")]
    assert formula == f"=({parts[0]}+{parts[1]})-({parts[2]}+{parts[3]})"
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert any(r.type == "cellIs" and r.operator == "notEqual" and r.formula == ["0"] for r in rules)
    assert any(r.type == "expression" and r.formula[0].endswith(f"${row}<>0") for r in rules)
    assert "标红" in ws.cell(row=row + 1, column=1).value


@needs_soffice
@pytest.mark.slow
def test_check_row_computes_in_a_spreadsheet_and_the_importer_ignores_it(tmp_path):
    tpl = tmp_path / "tpl.xlsx"
    export_template(2024, tpl)
    wb = load_workbook(tpl)
    ws = wb["表三 申请情况"]
    report = Report("", 2024)
    wb[COVER_SHEET]["B3"] = "某某街道办事处"
    ws[at(report, (A, "new", "natural"))] = 5
    ws[at(report, (A, "granted", "natural"))] = 4
    ws[at(report, (A, "carry_forward", "natural"))] = 1  # 自然人 balances: 5 = 4 + 1
    ws[at(report, (A, "new", "commercial"))] = 3  # 商业企业 does not: 3 ≠ 0
    wb.save(tpl)
    outdir = tmp_path / "lo"
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{outdir}/p", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(tpl)],
                   check=True, capture_output=True, timeout=180)
    resaved = load_workbook(outdir / "tpl.xlsx", data_only=True)["表三 申请情况"]
    grid = layout(report.form.table(A))
    row = PLACEMENT.top + grid.n_rows + 1
    col = {k: column_index_from_string(at(report, (A, "new", k)).rstrip("0123456789")) for k in ("natural", "commercial")}
    assert resaved.cell(row=row, column=col["natural"]).value == 0
    assert resaved.cell(row=row, column=col["commercial"]).value == 3
    back = import_xlsx(outdir / "tpl.xlsx")
    assert back.value((A, "new", "natural")) == 5 and back.value((A, "new", "commercial")) == 3
    broken = {f.cells[0][2] for f in run_checks(back) if f.is_error}
    assert broken == {"commercial", "total"}  # the 商业企业 column and the 总计 column


def test_unit_choice_cell_is_read_and_magnitude_warned(tmp_path):
    out = tmp_path / "tpl.xlsx"
    export_template(2020, out)
    wb = load_workbook(out)
    ws = wb["表二 主动公开"]
    report = Report("", 2020)
    ref = ("active", "procurement", "procurement_amount")
    address = at(report, ref)
    grid = layout(report.form.table("active"))
    r, _ = grid.position(ref)
    unit_cell = ws.cell(row=PLACEMENT.top + r, column=PLACEMENT.left + grid.n_cols)
    assert unit_cell.value == "万元"
    assert any(unit_cell.coordinate in str(dv.sqref) and dv.type == "list" for dv in ws.data_validations.dataValidation)
    wb[COVER_SHEET]["B3"] = "某局"
    ws[address] = 75394432.52
    wb.save(out)
    # left at 万元: imported as typed, with a V17 warning naming the magnitude
    back = import_xlsx(out)
    assert back.value(ref) == Decimal("75394432.52") and back.unit(ref) == "万元"
    (w,) = [f for f in run_checks(back) if f.rule == "V17"]
    assert not w.is_error and "7539亿元" in w.message
    # 元 chosen in the 单位 cell: read by the importer, no warning
    wb = load_workbook(out)
    wb["表二 主动公开"][unit_cell.coordinate] = "元"
    wb.save(out)
    back = import_xlsx(out)
    assert back.unit(ref) == "元" and back.value(ref) == Decimal("75394432.52")
    assert not [f for f in run_checks(back) if f.rule == "V17"]


@pytest.mark.parametrize("raw", [12.3456789, "12.3456789", "12.3456789万元"])
def test_more_than_four_decimals_round_the_same_way_with_a_notice(tmp_path, raw):
    out = tmp_path / "a.xlsx"
    r = Report("某局", 2022)
    export_xlsx(r, out, run_checks(r))
    wb = load_workbook(out)
    address = at(r, ("active", "fees", "fee_amount"))
    wb["表二 主动公开"][address] = raw
    wb.save(out)
    back = import_xlsx(out)
    assert back.value(("active", "fees", "fee_amount")) == Decimal("12.3457")
    (notice,) = [n for n in back.notices if "四舍五入" in n]
    assert address in notice and "12.3456789" in notice and "12.3457" in notice


def test_blank_stated_totals_are_reported(tmp_path):
    out = tmp_path / "a.xlsx"
    r = Report("某局", 2022)
    r.set_values({(A, "new", "natural"): 4, (A, "new", "commercial"): 3})
    export_xlsx(r, out, run_checks(r))
    wb = load_workbook(out)
    total = at(r, (A, "new", "total"))
    wb["表三 申请情况"][total] = None  # a published table with its 总计 left blank
    wb.save(out)
    back = import_xlsx(out)
    (notice,) = [n for n in back.notices if "总计未填写" in n]
    assert total in notice and "为7" in notice
    # our own export (formulas without cached values) is not "blank"
    export_xlsx(r, tmp_path / "b.xlsx", run_checks(r))
    assert not [n for n in import_xlsx(tmp_path / "b.xlsx").notices if "总计未填写" in n]
