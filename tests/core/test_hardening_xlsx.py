"""Issue 12, the Excel importer: uncached formulas (3), archives too large once
unpacked (9), hostile XML, encrypted files and over-long numbers (11)."""
from __future__ import annotations

import zipfile
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.export.excel import PLACEMENT, xlsx_bytes
from core.forms.layout import layout
from core.importers.formula import NotArithmetic, evaluate
from core.importers.xlsx import XlsxImportError, import_xlsx, read_xlsx_bytes
from core.model import Report
from core.checks import run_checks

A = "applications"
NEW = (A, "new", "natural")
CARRIED = (A, "carried_over", "natural")
FEE = ("active", "fees", "fee_amount")


def address(report: Report, ref) -> str:
    return PLACEMENT.address(*layout(report.form.table(ref[0])).position(ref))


def sheet_of(report: Report, ref) -> str:
    return report.form.table(ref[0]).name


def workbook_with(cells: dict, tmp_path: Path) -> tuple[Path, Report]:
    """Our attachment, then re-saved by openpyxl with `cells` put in as a script would
    (formulas stored without cached results)."""
    report = Report("某局", 2024)
    wb = load_workbook(BytesIO(xlsx_bytes(report, run_checks(report))))
    for ref, value in cells.items():
        wb[sheet_of(report, ref)][address(report, ref)] = value
    path = tmp_path / "script.xlsx"
    wb.save(path)
    return path, report


def rezip(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
          level: int = 6) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED,
                                                                compresslevel=level) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, (replace or {}).get(info.filename, src.read(info.filename)))
        for name, content in (add or {}).items():
            dst.writestr(name, content)
    return out.getvalue()


def sheet_part(data: bytes, title: str) -> str:
    """The zip part of the sheet with this title (openpyxl numbers them in order)."""
    wb = load_workbook(BytesIO(data))
    return f"xl/worksheets/sheet{wb.sheetnames.index(title) + 1}.xml"


def base() -> bytes:
    return xlsx_bytes(Report("某局", 2024), [])


# --- 3. formulas without cached values -----------------------------------------------------------


def test_simple_arithmetic_without_cached_values_is_evaluated(tmp_path):
    path, _ = workbook_with({NEW: "=2+3", CARRIED: "=(10-4)/2", FEE: "=1.5*3"}, tmp_path)
    back = import_xlsx(path)  # imported NEW as blank before
    assert back.value(NEW) == 5
    assert back.value(CARRIED) == 3
    assert back.value(FEE) == Decimal("4.5")


def test_other_formulas_without_cached_values_are_refused_naming_the_cell(tmp_path):
    path, report = workbook_with({NEW: "=E6+1", CARRIED: "=SUM(1,2)"}, tmp_path)
    with pytest.raises(XlsxImportError) as info:
        import_xlsx(path)
    text = str(info.value)
    for ref in (NEW, CARRIED):
        assert f"单元格 {address(report, ref)} 为公式" in text
    assert "请在 Excel 或 WPS 中打开并保存后再导入" in text


def test_a_formula_whose_value_does_not_fit_the_cell_is_refused(tmp_path):
    path, _ = workbook_with({NEW: "=3/2"}, tmp_path)
    with pytest.raises(XlsxImportError, match="不是整数"):
        import_xlsx(path)


@pytest.mark.parametrize("formula", ["=2**3", "=__import__('os')", "=1/0", "=A1", "=" + "9*" * 200 + "9", "=1e5"])
def test_the_evaluator_takes_only_plain_arithmetic(formula):
    with pytest.raises(NotArithmetic):
        evaluate(formula)


# --- 9. archives too large once unpacked ------------------------------------------------------------


def test_a_zip_bomb_is_refused_before_parsing(tmp_path):
    data = base()
    part = sheet_part(data, Report("某局", 2024).form.table(A).name)
    xml = zipfile.ZipFile(BytesIO(data)).read(part)
    # 40 MB of whitespace inside the sheet: ~40 KB compressed.
    bomb = xml.replace(b"<sheetData>", b"<sheetData>" + b" " * (40 * 1024 * 1024), 1)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(rezip(data, {part: bomb}, level=1))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(XlsxImportError, match="远超年报附表的规模"):
        import_xlsx(path)


def test_too_many_cells_are_refused(tmp_path):
    data = base()
    part = sheet_part(data, Report("某局", 2024).form.table(A).name)
    xml = zipfile.ZipFile(BytesIO(data)).read(part)
    rows = b"".join(b'<row r="%d"><c r="Z%d"><v>1</v></c></row>' % (i, i) for i in range(1000, 121000))
    big = xml.replace(b"</sheetData>", rows + b"</sheetData>", 1)
    with pytest.raises(XlsxImportError, match="单元格"):
        read_xlsx_bytes(rezip(data, {part: big}), "many.xlsx")


def test_a_huge_declared_dimension_is_refused(tmp_path):
    data = base()
    part = sheet_part(data, Report("某局", 2024).form.table(A).name)
    xml = zipfile.ZipFile(BytesIO(data)).read(part)
    start = xml.index(b"<dimension")
    end = xml.index(b"/>", start) + 2
    big = xml[:start] + b'<dimension ref="A1:XFD1048576"/>' + xml[end:]
    with pytest.raises(XlsxImportError, match="1048576行"):
        read_xlsx_bytes(rezip(data, {part: big}), "dim.xlsx")


# --- 11. hostile XML, encryption, over-long numbers, long names ---------------------------------------


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
          + b"]>")
XXE = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("prolog", [LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_dtds_in_sheet_xml_are_refused_with_their_own_message(prolog):
    data = base()
    part = sheet_part(data, Report("某局", 2024).form.table(A).name)
    xml = zipfile.ZipFile(BytesIO(data)).read(part)
    hostile = prolog + xml[xml.index(b"<worksheet"):]
    with pytest.raises(XlsxImportError, match="DTD"):
        read_xlsx_bytes(rezip(data, {part: hostile}), "evil.xlsx")


def test_an_encrypted_workbook_is_not_called_an_old_xls(tmp_path):
    # The start of an OLE compound file as Excel writes a password-protected .xlsx:
    # the signature, then directory entries naming the MS-OFFCRYPTO streams.
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    ole += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le")
    path = tmp_path / "locked.xlsx"
    path.write_bytes(bytes(ole))
    with pytest.raises(XlsxImportError) as info:
        import_xlsx(path)
    assert "密码" in str(info.value) and ".xls）" not in str(info.value)


def test_an_old_xls_is_still_named_as_such(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048 + "Workbook".encode("utf-16-le"))
    with pytest.raises(XlsxImportError, match="旧版 Excel 97-2003"):
        import_xlsx(path)


def test_an_over_long_integer_in_a_sheet_is_refused_naming_the_cell():
    data = base()
    report = Report("某局", 2024)
    part = sheet_part(data, report.form.table(A).name)
    xml = zipfile.ZipFile(BytesIO(data)).read(part)
    where = address(report, NEW).encode()
    start = xml.index(b'<c r="%s"' % where)
    end = xml.index(b"</c>", start) + 4
    cell = b'<c r="%s" t="n"><v>%s</v></c>' % (where, b"9" * 5000)
    with pytest.raises(XlsxImportError) as info:
        read_xlsx_bytes(rezip(data, {part: xml[:start] + cell + xml[end:]}), "long.xlsx")
    assert f"单元格 {address(report, NEW)}" in str(info.value) and "超过24位" in str(info.value)


def test_an_over_long_number_as_text_is_refused(tmp_path):
    path, _ = workbook_with({NEW: "9" * 5000}, tmp_path)
    with pytest.raises(XlsxImportError, match="位数过多"):
        import_xlsx(path)


def test_a_name_over_255_bytes_says_so(tmp_path):
    with pytest.raises(XlsxImportError, match="文件名过长"):
        import_xlsx(tmp_path / ("长" * 90 + ".xlsx"))


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="POSIX only")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    import os

    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    with pytest.raises(XlsxImportError, match="不是普通文件"):
        import_xlsx(fifo)
