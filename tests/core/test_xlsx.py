from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.checks import run_checks
from core.export.excel import COVER_SHEET, PLACEMENT, export_template, export_xlsx, xlsx_bytes
from core.forms.layout import layout
from core.importers.xlsx import XlsxImportError, import_into, import_xlsx
from core.model import Report
from core.storage import load
from tests.core.conftest import ROOT, SAMPLE, distinct_full_report, shanghai_2019
from tests.core.test_storage import snapshot

SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is installed by .ci/run; absent here")


def without_narrative(report: Report):
    snap = list(snapshot(report))
    snap[6] = None  # the workbook carries no narrative
    return snap


def table_sheet(wb, report: Report, key: str):
    return wb[report.form.table(key).name]


def at(grid, ref):
    r, c = grid.position(ref)
    return PLACEMENT.address(r, c)


@pytest.mark.parametrize("form_key", ["2019", "2021"])
def test_round_trip(tmp_path, form_key):
    report = distinct_full_report(form_key)
    out = tmp_path / "a.xlsx"
    export_xlsx(report, out, run_checks(report))
    back = import_xlsx(out)
    assert without_narrative(back) == without_narrative(report)
    assert back.reported_totals == {}


def test_round_trip_keeps_chosen_unit(tmp_path):
    r = Report("某局", 2019)
    ref = ("active", "procurement", "procurement_amount")
    r.set_value(ref, Decimal("251000"))
    r.set_unit(ref, "元")
    export_xlsx(r, tmp_path / "u.xlsx", run_checks(r))
    back = import_xlsx(tmp_path / "u.xlsx")
    assert back.unit(ref) == "元" and back.value(ref) == 251000


def test_structure_merges_protection_validation_print(tmp_path):
    report = distinct_full_report("2021")
    wb = load_workbook(BytesIO(xlsx_bytes(report, run_checks(report))))
    assert wb.sheetnames == [COVER_SHEET, "表二 主动公开", "表三 申请情况", "表四 复议诉讼", "校验"]
    ws = table_sheet(wb, report, "applications")
    merged = {str(r) for r in ws.merged_cells.ranges}
    # typed from spec §1.4, placed at row 3 / column A: note 3x3, 申请人情况 over D–J, 三 spans 22 rows
    assert {"A3:C5", "D3:J3", "D4:D5", "E4:I4", "J4:J5", "A8:A29"} <= merged
    assert ws["A3"].value.startswith("（本列数据的勾稽关系为") and ws["D3"].value == "申请人情况"
    # protection: sheet protected without password, inputs unlocked, labels and totals locked
    assert ws.protection.sheet and not ws.protection.password
    grid = layout(report.form.table("applications"))
    assert ws[at(grid, ("applications", "new", "natural"))].protection.locked is False
    assert ws[at(grid, ("applications", "new", "total"))].protection.locked is True
    assert ws["A6"].protection.locked is True
    total_cell = ws[at(grid, ("applications", "results_total", "natural"))]
    assert str(total_cell.value).startswith("=SUM(")
    # validation: whole >= 0 on counts, with a Chinese message
    dvs = ws.data_validations.dataValidation
    assert any(dv.type == "whole" and dv.operator == "greaterThanOrEqual" and "整数" in dv.error for dv in dvs)
    assert any(at(grid, ("applications", "new", "natural")) in dv.sqref for dv in dvs if dv.type == "whole")
    assert not any(at(grid, ("applications", "new", "total")) in dv.sqref for dv in dvs)
    # print setup
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$5"
    assert ws.freeze_panes == "D6"
    assert wb.calculation.fullCalcOnLoad
    active = table_sheet(wb, report, "active")
    dvs = active.data_validations.dataValidation
    assert any(dv.type == "decimal" for dv in dvs)  # 本年收费金额（单位：万元）
    assert active.page_setup.orientation == "portrait"


def test_signed_validation_in_2019():
    report = Report("某局", 2019)
    wb = load_workbook(BytesIO(xlsx_bytes(report, run_checks(report))))
    ws = table_sheet(wb, report, "active")
    assert any(dv.type == "whole" and dv.operator == "between" for dv in ws.data_validations.dataValidation)


def test_checks_sheet_lists_findings():
    r = shanghai_2019()
    r.set_value(("applications", "carry_forward", "research"), 3)
    wb = load_workbook(BytesIO(xlsx_bytes(r, run_checks(r))))
    rows = list(wb["校验"].iter_rows(min_row=2, values_only=True))
    research = [row for row in rows if row[0] == "R-3.1" and "科研机构" in row[2]]
    assert len(research) == 1
    assert research[0][1] == "错误" and (research[0][4], research[0][5]) == (2, 5)
    assert "表三 申请情况 F" in research[0][3]


def test_template_is_blank_and_fills_back(tmp_path):
    out = tmp_path / "tpl.xlsx"
    export_template(2024, out)
    wb = load_workbook(out)
    assert "校验" not in wb.sheetnames
    ws = wb["表三 申请情况"]
    grid = layout(Report("", 2024).form.table("applications"))
    assert ws[at(grid, ("applications", "new", "natural"))].value is None
    # a sub-unit fills it in, as text the way people do
    cover = wb[COVER_SHEET]
    cover["B3"] = "某某街道办事处"
    ws[at(grid, ("applications", "new", "natural"))] = "１,２34件"
    ws[at(grid, ("applications", "new", "commercial"))] = "—"
    ws[at(grid, ("applications", "granted", "natural"))] = " 1234 "
    review = wb["表四 复议诉讼"]
    review["A6"] = 2
    active = wb["表二 主动公开"]
    fee = layout(Report("", 2024).form.table("active")).position(("active", "fees", "fee_amount"))
    active[PLACEMENT.address(*fee)] = "20.3万元"
    wb.save(out)
    r = import_xlsx(out)
    assert (r.meta.agency, r.meta.year, r.form.key) == ("某某街道办事处", 2024, "2021")
    assert r.value(("applications", "new", "natural")) == 1234
    assert r.value(("applications", "new", "commercial")) is None
    assert r.value(("applications", "granted", "natural")) == 1234
    assert r.value(("review", "cases", "recon_upheld")) == 2
    assert r.value(("active", "fees", "fee_amount")) == Decimal("20.3")


def test_stated_totals_that_differ_become_findings(tmp_path):
    report = distinct_full_report("2021")
    out = tmp_path / "t.xlsx"
    export_xlsx(report, out, run_checks(report))
    wb = load_workbook(out)
    ws = wb["表三 申请情况"]
    grid = layout(report.form.table("applications"))
    ws[at(grid, ("applications", "new", "total"))] = 999  # someone typed over the formula
    wb.save(out)
    back = import_xlsx(out)
    (f,) = [f for f in run_checks(back) if f.rule == "R-3.2"]
    assert (f.expected, f.actual) == (report.value(("applications", "new", "total")), 999)


def _edit(path: Path, sheet: str, address: str, value) -> None:
    wb = load_workbook(path)
    wb[sheet][address] = value
    wb.save(path)


@pytest.fixture
def exported(tmp_path):
    out = tmp_path / "e.xlsx"
    export_xlsx(distinct_full_report("2021"), out, [])
    return out


def test_text_that_is_not_a_number_names_sheet_and_cell(exported):
    _edit(exported, "表三 申请情况", "D6", "十二")
    with pytest.raises(XlsxImportError) as exc:
        import_xlsx(exported)
    assert "表三 申请情况" in str(exc.value) and "D6" in str(exc.value) and "十二" in str(exc.value)


def test_negative_count_refused(exported):
    _edit(exported, "表四 复议诉讼", "A6", -1)
    with pytest.raises(XlsxImportError, match="A6.*负数"):
        import_xlsx(exported)


def test_inserted_row_is_detected(exported):
    wb = load_workbook(exported)
    wb["表三 申请情况"].insert_rows(8)
    wb.save(exported)
    with pytest.raises(XlsxImportError, match="表三 申请情况.*应为"):
        import_xlsx(exported)


def test_renamed_sheet_is_still_found(exported):
    wb = load_workbook(exported)
    wb["表四 复议诉讼"].title = "Sheet4"
    wb.save(exported)
    assert import_xlsx(exported).value(("review", "cases", "recon_upheld")) is not None


def test_foreign_and_damaged_workbooks(tmp_path):
    from openpyxl import Workbook
    foreign = tmp_path / "foreign.xlsx"
    Workbook().save(foreign)
    with pytest.raises(XlsxImportError, match="不是年报助手的 Excel 附表"):
        import_xlsx(foreign)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(XlsxImportError, match="不是有效的 Excel 文件"):
        import_xlsx(junk)
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(XlsxImportError, match=r"另存为 \.xlsx"):
        import_xlsx(xls)
    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(xlsx_bytes(distinct_full_report("2021"), [])[:3000])
    with pytest.raises(XlsxImportError, match="已损坏"):
        import_xlsx(truncated)


def test_other_format_year(tmp_path):
    out = tmp_path / "f2019.xlsx"
    export_xlsx(distinct_full_report("2019"), out, [])
    current = Report("某局", 2023)
    before = snapshot(current)
    with pytest.raises(XlsxImportError, match="2019年版（试行）格式.*2021年版格式"):
        import_into(current, out)
    assert snapshot(current) == before
    # a 2019 cover in front of 2021 tables
    mixed = tmp_path / "mixed.xlsx"
    export_xlsx(distinct_full_report("2021"), mixed, [])
    _edit(mixed, COVER_SHEET, "B5", "2019年版（试行）格式")
    with pytest.raises(XlsxImportError):
        import_xlsx(mixed)


def test_cli_import_leaves_no_partial_draft(tmp_path):
    import sys
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    out = tmp_path / "d.ogir"
    run = subprocess.run([sys.executable, "-m", "core", "import-xlsx", str(bad), "-o", str(out)], cwd=ROOT,
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 2 and "Traceback" not in run.stderr and "Excel" in run.stderr
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["bad.xlsx"]


def test_cli_template_export_import(tmp_path):
    import sys

    def cli(*a):
        return subprocess.run([sys.executable, "-m", "core", *a], cwd=ROOT, capture_output=True, text=True,
                              encoding="utf-8")
    assert cli("template", "--year", "2020", "--xlsx", str(tmp_path / "t.xlsx")).returncode == 0
    assert cli("export", str(SAMPLE), "--xlsx", str(tmp_path / "s.xlsx")).returncode == 0
    r = cli("import-xlsx", str(tmp_path / "s.xlsx"), "-o", str(tmp_path / "s.ogir"))
    assert r.returncode == 0, r.stderr
    back, original = load(tmp_path / "s.ogir"), load(SAMPLE)
    assert dict(back.inputs) == dict(original.inputs) and back.meta.agency == original.meta.agency


def _libreoffice_resave(src: Path, outdir: Path) -> Path:
    outdir.mkdir()
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{outdir}/lo", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(src)],
                   check=True, capture_output=True, timeout=180)
    return outdir / src.name


@pytest.mark.slow
@needs_soffice
@pytest.mark.parametrize("form_key", ["2019", "2021"])
def test_round_trip_after_libreoffice_resave_and_formulas_compute(tmp_path, form_key):
    report = distinct_full_report(form_key)
    src = tmp_path / f"r{form_key}.xlsx"
    export_xlsx(report, src, run_checks(report))
    resaved = _libreoffice_resave(src, tmp_path / "lo")
    # LibreOffice computed every SUM formula: compare its cached values with the model
    wb = load_workbook(resaved, data_only=True)
    for table in report.form.tables:
        ws = wb[table.name]
        grid = layout(table)
        for gc in grid.value_cells:
            spec = report.form.cells[gc.ref]
            if spec.computed:
                got = ws[PLACEMENT.address(gc.row, gc.col)].value
                assert got == report.value(gc.ref), (gc.ref, got)
    back = import_xlsx(resaved)
    assert without_narrative(back) == without_narrative(report)
    assert back.reported_totals == {}


@pytest.mark.parametrize("raw", [float("inf"), float("-inf"), float("nan")])
def test_a_non_finite_number_in_any_cell_is_refused_with_its_place(raw):
    # openpyxl reads a cell value such as 1E999 as float('inf'); an amount cell
    # used to fail with a TypeError instead of the located message
    from core.forms import FORMS
    from core.importers.xlsx import _number
    from core.model import InvalidValue

    for integer in (True, False):
        spec = next(s for s in FORMS["2021"].cells.values() if s.domain.is_integer is integer)
        with pytest.raises(InvalidValue, match="^表二 C9：.*不是有效的数字"):
            _number(raw, spec, "表二 C9")
