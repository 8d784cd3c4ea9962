"""core/importers/xlsx_cells.py: the importer's own reader of sheet XML (issue 16)
gives every cell the value, number format and formula text openpyxl gives it,
on our export, on a LibreOffice-saved file and on a hand-written workbook with
what Excel and WPS write (shared and inline strings, rich-text runs with
phonetic guides, dates, 1904 dates, durations, booleans, errors, cached and
uncached formulas, shared and array formulas, style-only cells, merges,
cells without references, prefixed namespaces)."""
from __future__ import annotations

import time
import zipfile
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.checks import run_checks
from core.export.excel import export_template, xlsx_bytes
from core.importers.errors import XlsxImportError
from core.importers.xlsx import read_xlsx_bytes
from core.importers.xlsx_cells import read_book
from tests.core.conftest import ROOT, distinct_full_report

LIBREOFFICE = ROOT / "tests" / "fixtures" / "xlsx" / "libreoffice-resaved-2021.xlsx"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def assert_same_as_openpyxl(data: bytes) -> int:
    """Every cell openpyxl knows has the same value (and type), number format and
    formula text in read_book, and read_book has no value openpyxl lacks."""
    values = load_workbook(BytesIO(data), data_only=True)
    formulas = load_workbook(BytesIO(data), data_only=False)
    book = read_book(data, "t.xlsx")
    assert book.sheetnames == values.sheetnames
    compared = 0
    for ws in values.worksheets:
        mine = book.sheet(ws.title)
        assert mine is not None
        for (r, c), cell in ws._cells.items():
            got = mine.value(r, c)
            assert (got, type(got)) == (cell.value, type(cell.value)), (ws.title, cell.coordinate)
            assert mine.number_format(r, c) == cell.number_format, (ws.title, cell.coordinate)
            raw = formulas[ws.title].cell(r, c).value
            text = getattr(raw, "text", raw)
            expected = text if isinstance(text, str) and text.startswith("=") else None
            assert mine.formula(r, c) == expected, (ws.title, cell.coordinate)
            compared += 1
        for r, c in mine.values:
            assert ws.cell(r, c).value is not None, (ws.title, r, c)
    return compared


@pytest.mark.parametrize("form_key", ["2019", "2021"])
def test_our_export_reads_as_openpyxl_reads_it(form_key):
    report = distinct_full_report(form_key)
    assert assert_same_as_openpyxl(xlsx_bytes(report, run_checks(report))) > 400


def test_the_blank_template_reads_as_openpyxl_reads_it(tmp_path):
    export_template(2024, tmp_path / "t.xlsx")
    assert_same_as_openpyxl((tmp_path / "t.xlsx").read_bytes())


def test_a_libreoffice_saved_attachment_reads_and_imports():
    data = LIBREOFFICE.read_bytes()
    assert assert_same_as_openpyxl(data) > 400
    tables = read_xlsx_bytes(data, LIBREOFFICE.name)
    report = distinct_full_report("2021")
    assert tables.inputs == {ref: report.value(ref) for ref in report.inputs}
    assert tables.meta["agency"] == report.meta.agency


# --- a workbook written by hand the way Excel and WPS write one ------------------------------------

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/worksheets/sheet2.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>")
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId4" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.00&quot;万元&quot;"/>'
    '<numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="46" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
STRINGS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MAIN}" count="5" uniqueCount="5">'
    "<si><t>申请人情况</t></si>"
    '<si><r><rPr><b/><sz val="11"/></rPr><t>申请</t></r><r><t>人情况</t></r>'
    '<rPh sb="0" eb="2"><t>シンセイ</t></rPh><phoneticPr fontId="1"/></si>'
    '<si><t xml:space="preserve">  有空格\n两行  </t></si>'
    "<si><t>_x005F_x000D_转义</t></si>"
    "<si><t>１,２34件</t></si></sst>")


def workbook_xml(date1904: bool) -> str:
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr defaultThemeVersion="124226"/>'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
            f'{pr}<sheets><sheet name="数据" sheetId="1" r:id="rId1"/><sheet name="前缀" sheetId="2" r:id="rId2"/>'
            "</sheets></workbook>")


SHEET1 = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
    '<dimension ref="A1:D10"/><sheetData>'
    '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
    '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>'
    '<row r="2"><c r="A2"><v>42</v></c><c r="B2"><v>2.5</v></c><c r="C2"><v>1E3</v></c>'
    '<c r="D2" s="2"><v>20.3</v></c></row>'
    '<row r="3"><c r="A3" s="1"><v>45678</v></c><c r="B3" s="3"><v>45678</v></c><c r="C3" s="4"><v>1.5</v></c>'
    '<c r="D3" t="d"><v>2024-01-20T00:00:00</v></c></row>'
    '<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="e"><v>#DIV/0!</v></c>'
    '<c r="C4" t="str"><f>A2&amp;"x"</f><v>42x</v></c><c r="D4"><f>A2+1</f><v>43</v></c></row>'
    '<row r="5"><c r="A5"><f>2+3</f></c><c r="B5"><f t="shared" ref="B5:B6" si="0">A5*2</f></c>'
    '<c r="C5"><f t="array" ref="C5">SUM(A2:B2)</f></c>'
    '<c r="D5" s="5" t="inlineStr"><is><t>12</t></is></c></row>'
    '<row r="6"><c r="A6" t="inlineStr"><is><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r></is></c>'
    '<c r="B6"><f t="shared" si="0"/></c><c r="C6" s="2"/><c r="D6" t="s"><v>4</v></c></row>'
    '<row r="8"><c r="A8"><v>1</v></c><c r="B8"><v>99</v></c></row>'
    '<row r="9"><c r="A9" s="2"/><c r="B9"><f>1+1</f></c></row>'
    "<row><c><v>7</v></c><c><v>8</v></c></row>"
    '</sheetData><mergeCells count="1"><mergeCell ref="A8:B9"/></mergeCells></worksheet>')
SHEET2 = (f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{MAIN}"><x:sheetData>'
          '<x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2"><x:v>-3</x:v></x:c></x:row>'
          "</x:sheetData></x:worksheet>")


def excel_like(date1904: bool = False, sheet1: str = SHEET1) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("xl/workbook.xml", workbook_xml(date1904)), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
                           ("xl/styles.xml", STYLES), ("xl/sharedStrings.xml", STRINGS),
                           ("xl/worksheets/sheet1.xml", sheet1), ("xl/worksheets/sheet2.xml", SHEET2)):
            z.writestr(part, text.encode("utf-8"))
    return out.getvalue()


@pytest.mark.parametrize("date1904", [False, True])
def test_what_excel_and_wps_write_reads_as_openpyxl_reads_it(date1904):
    assert assert_same_as_openpyxl(excel_like(date1904)) >= 25


def test_what_excel_and_wps_write_has_the_values_typed_here():
    book = read_book(excel_like(), "t.xlsx")
    ws = book.sheet("数据")
    assert ws is not None and book.sheetnames == ["数据", "前缀"]
    assert [ws.value(1, c) for c in (1, 2, 3, 4)] == ["申请人情况", "申请人情况", "  有空格\n两行  ", "_x000D_转义"]
    assert [ws.value(2, c) for c in (1, 2, 3, 4)] == [42, 2.5, 1000.0, 20.3]
    assert ws.number_format(2, 4) == '0.00"万元"' and ws.number_format(6, 3) == '0.00"万元"'
    assert ws.value(3, 1) == datetime(2025, 1, 21) and ws.value(3, 2) == datetime(2025, 1, 21)  # serial 45678
    assert ws.value(3, 3).total_seconds() == 1.5 * 86400 and ws.value(3, 4) == datetime(2024, 1, 20)
    assert [ws.value(4, c) for c in (1, 2, 3, 4)] == [True, "#DIV/0!", "42x", 43]
    assert ws.value(5, 1) is None and ws.formula(5, 1) == "=2+3" and ws.has_formula(5, 1)
    assert (ws.formula(5, 2), ws.formula(6, 2), ws.formula(5, 3)) == ("=A5*2", "=A6*2", "=SUM(A2:B2)")
    assert ws.formula(4, 4) == "=A2+1" and ws.formula(2, 1) is None and not ws.has_formula(2, 1)
    assert ws.value(5, 4) == "12" and ws.value(6, 1) == "富文本" and ws.value(6, 4) == "１,２34件"
    # the merge A8:B9 keeps A8 only: the value, formula and format of the covered cells are gone
    assert ws.value(8, 1) == 1 and ws.value(8, 2) is None and ws.number_format(9, 1) == "General"
    assert not ws.has_formula(9, 2)
    assert (ws.value(10, 1), ws.value(10, 2)) == (7, 8)  # a row and cells without references follow on
    other = book.sheet("前缀")
    assert other is not None and (other.value(2, 2), other.value(2, 3)) == ("申请人情况", -3)


def test_a_date_typed_in_chinese_excel_is_a_date():
    # Excel in Chinese keeps 2025年1月20日 as serial 45677 with the built-in format 31
    # (yyyy"年"m"月"d"日", ECMA-376 18.8.30), which it does not write out: openpyxl reads 45677.
    sheet = SHEET1.replace('<c r="D2" s="2"><v>20.3</v></c>', '<c r="D2" s="6"><v>45677</v></c>')
    ws = read_book(excel_like(sheet1=sheet), "t.xlsx").sheet("数据")
    assert ws is not None and ws.value(2, 4) == datetime(2025, 1, 20)


def test_the_cover_date_typed_in_chinese_excel_imports_as_that_date():
    data = xlsx_bytes(distinct_full_report("2021"), [])
    with zipfile.ZipFile(BytesIO(data)) as z:
        styles = z.read("xl/styles.xml").decode()
        cover = z.read("xl/worksheets/sheet1.xml").decode()
    count = styles.count("<xf ", styles.index("<cellXfs"), styles.index("</cellXfs>"))
    styles = styles.replace("</cellXfs>", '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>')
    start = cover.index('<c r="B6"')  # 成文日期 on the cover (typed as text by our export)
    cover = cover[:start] + f'<c r="B6" s="{count}"><v>45677</v></c>' + cover[cover.index("</c>", start) + 4:]
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            replaced = {"xl/styles.xml": styles, "xl/worksheets/sheet1.xml": cover}.get(info.filename)
            dst.writestr(info.filename, replaced.encode() if replaced else src.read(info.filename))
    assert read_xlsx_bytes(out.getvalue(), "date.xlsx").meta["date"] == "2025-01-20"


# --- bounded work and the guards, in this reader too -----------------------------------------------------


def test_a_merge_over_the_whole_sheet_is_applied_in_bounded_time():
    huge = SHEET1.replace('<mergeCell ref="A8:B9"/>', '<mergeCell ref="A8:XFD1048576"/>')
    t0 = time.perf_counter()
    ws = read_book(excel_like(sheet1=huge), "t.xlsx").sheet("数据")
    assert time.perf_counter() - t0 < 1.0
    assert ws is not None and ws.value(8, 1) == 1 and ws.value(10, 1) is None and ws.value(2, 1) == 42


def test_a_shared_formula_that_cannot_be_moved_gives_its_bare_sign():
    # The first cell of a shared formula holds an unclosed string: openpyxl's translator
    # raises on it; the dependent cell is then a formula without text, never an exception.
    broken = SHEET1.replace('si="0">A5*2</f>', 'si="0">"abc</f>')
    ws = read_book(excel_like(sheet1=broken), "t.xlsx").sheet("数据")
    assert ws is not None and ws.formula(5, 2) == '="abc' and ws.formula(6, 2) == "="


def test_endless_overlapping_merges_are_refused_as_too_complex():
    merges = "".join(f'<mergeCell ref="A{r}:XFD{r + 5000}"/>' for r in range(1, 3001))
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c><c r="B{r}"><v>2</v></c></row>' for r in range(1, 3001))
    sheet = (f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData>'
             f'<mergeCells count="3000">{merges}</mergeCells></worksheet>')
    t0 = time.perf_counter()
    with pytest.raises(XlsxImportError, match="文件结构过于复杂"):
        read_xlsx_bytes(excel_like(sheet1=sheet), "merges.xlsx")
    assert time.perf_counter() - t0 < 3.0


def test_a_dtd_in_a_part_the_archive_scan_did_not_reach_is_refused(tmp_path):
    # check_archive stops at a damaged part (the caller reports the damage); a later
    # part the reader still needs must meet the DTD refusal before the parser
    data = excel_like()
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        dst.writestr("docProps/broken.xml", b"<x/>", compress_type=zipfile.ZIP_STORED)
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "xl/sharedStrings.xml":
                content = b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "b">]>' + content[content.index(b"<sst"):]
            dst.writestr(info.filename, content)
    raw = bytearray(out.getvalue())
    at = raw.index(b"<x/>")  # stored as is: change its data so that only this part fails its CRC
    raw[at: at + 4] = b"<y/>"
    with pytest.raises(XlsxImportError, match="sharedStrings.xml”含有 DTD"):
        read_xlsx_bytes(bytes(raw), "evil.xlsx")


def _with_parts(data: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for part, content in (add or {}).items():
            dst.writestr(part, content)
    return out.getvalue()


def test_a_flood_of_shared_strings_is_refused_before_parsing():
    data = LIBREOFFICE.read_bytes()
    strings = zipfile.ZipFile(BytesIO(data)).read("xl/sharedStrings.xml")
    flood = strings.replace(b"</sst>", b"<si><t>x</t></si>" * 150_000 + b"</sst>")
    with pytest.raises(XlsxImportError, match="有超过100000条共享文字"):
        read_xlsx_bytes(_with_parts(data, {"xl/sharedStrings.xml": flood}), "strings.xlsx")


def test_a_sheet_kept_outside_the_usual_folder_has_the_same_size_cap():
    # check_archive knows sheets by xl/worksheets/; the relationship may name any part
    rels = WORKBOOK_RELS.replace('Target="worksheets/sheet1.xml"', 'Target="data/sheet1.xml"').encode()
    padded = SHEET1.replace("<sheetData>", "<sheetData>" + " " * (9 * 1024 * 1024)).encode()
    data = _with_parts(excel_like(), {"xl/_rels/workbook.xml.rels": rels}, {"xl/data/sheet1.xml": padded})
    with pytest.raises(XlsxImportError, match="工作表（xl/data/sheet1.xml）解压后有9 MB"):
        read_xlsx_bytes(data, "moved.xlsx")


def test_a_part_named_by_many_sheets_is_read_once():
    entries = "".join(f'<sheet name="表{i}" sheetId="{i + 3}" r:id="rId1"/>' for i in range(3000))
    workbook = workbook_xml(False).replace("</sheets>", entries + "</sheets>").encode()
    t0 = time.perf_counter()
    book = read_book(_with_parts(excel_like(), {"xl/workbook.xml": workbook}), "t.xlsx")
    assert time.perf_counter() - t0 < 1.0
    assert book.sheetnames == ["数据", "前缀"]


def test_a_merge_over_an_input_cell_blanks_it_as_excel_shows_it(tmp_path: Path):
    # Someone merged 本年新收 自然人 with the cell to its right: Excel shows only the left value.
    from core.importers.xlsx import import_xlsx

    report = distinct_full_report("2021")
    wb = load_workbook(BytesIO(xlsx_bytes(report, [])))
    ws = wb["表三 申请情况"]
    ws.protection.sheet = False
    ws.merge_cells("D6:E6")
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    back = import_xlsx(path)
    new = ("applications", "new")
    assert back.value((*new, "natural")) == report.value((*new, "natural"))
    assert back.value((*new, "commercial")) is None
