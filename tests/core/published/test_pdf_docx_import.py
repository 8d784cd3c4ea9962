"""Published reports as Word and PDF files (rendered here through LibreOffice)."""
from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from core.export.word import export_docx
from core.importers.published import Kind, PublishedImportError, import_published, import_published_bytes
from core.storage import load

from . import pages
from .pages import COLUMNS, EXPECTED_APPLICATION_INPUTS

SAMPLE = Path("resources/samples/haizhu-2019.ogir")
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by .ci/run")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample (2019) and the synthetic 2021 page, as .docx and as PDF."""
    tmp = tmp_path_factory.mktemp("rendered")
    export_docx(load(SAMPLE), tmp / "sample2019.docx")
    report2021 = import_published_bytes(pages.page_2021().encode(), "p.html").to_report()
    export_docx(report2021, tmp / "page2021.docx")
    # the portal page with its tables printed without borders (no ruling lines in the PDF)
    (tmp / "borderless.html").write_text(pages.page_2021().replace(" border=1", "").replace("<table width=1000>", "<table>"),
                                         encoding="utf-8")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp), str(tmp / "sample2019.docx"), str(tmp / "page2021.docx"),
                    str(tmp / "borderless.html")],
                   check=True, capture_output=True, timeout=240)
    return tmp


@pytest.mark.slow
@needs_soffice
@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_sample_2019_reads_back_exactly(rendered: Path, suffix: str) -> None:
    src = load(SAMPLE)
    result = import_published(rendered / f"sample2019{suffix}")
    assert (result.form.key, result.agency, result.year) == ("2019", "广州市海珠区政务服务数据管理局", 2019)
    assert result.inputs == dict(src.inputs)
    assert result.texts == dict(src.texts)
    assert result.notes_of(Kind.FUZZY, Kind.MISSING, Kind.UNPLACED) == []


@pytest.mark.slow
@needs_soffice
def test_2021_pdf_with_multi_line_labels(rendered: Path) -> None:
    result = import_published(rendered / "page2021.pdf")
    assert (result.form.key, result.agency, result.year) == ("2021", "某某县自然资源局", 2024)
    for row, values in EXPECTED_APPLICATION_INPUTS.items():
        for col, v in zip(COLUMNS, values):
            # the draft exported blank cells as 0, as published reports do
            assert result.inputs.get(("applications", row, col)) == (v or 0), (row, col)
    assert result.reported_totals[("applications", "results_total", "total")] == 1160
    assert result.inputs[("active", "licensing", "decisions")] == 2345
    assert result.texts["other"] == pages.OTHER
    assert result.notes_of(Kind.FUZZY, Kind.MISSING, Kind.UNPLACED) == []


@pytest.mark.slow
@needs_soffice
def test_borderless_pdf_tables_never_place_silently(rendered: Path) -> None:
    """Without ruling lines, cells come from gaps in the text lines and wrapped
    labels put values on lines of their own: most cells are placed, and every
    row that is not is listed as missing; nothing lands in a wrong cell."""
    result = import_published(rendered / "borderless.pdf")
    assert (result.agency, result.year, result.date) == ("某某县自然资源局", 2024, "2025-01-20")
    missing = {ref for n in result.notes_of(Kind.MISSING) for ref in n.refs}
    placed = 0
    for row, values in EXPECTED_APPLICATION_INPUTS.items():
        for col, v in zip(COLUMNS, values):
            ref = ("applications", row, col)
            got = result.inputs.get(ref)
            if ref in missing:
                assert got is None
            elif v is not None:
                assert got == v, ref
                placed += 1
    assert placed >= 120
    assert result.texts["other"] == pages.OTHER
    assert result.texts["problems"] == "\n".join(pages.PROBLEMS)


@pytest.mark.slow
@needs_soffice
def test_old_word_file_is_converted(rendered: Path, tmp_path: Path) -> None:
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(rendered / "sample2019.docx")],
                   check=True, capture_output=True, timeout=180)
    result = import_published(tmp_path / "sample2019.doc")
    assert result.inputs == dict(load(SAMPLE).inputs)
    assert any("LibreOffice" in n.message for n in result.notes_of(Kind.READ))


def test_old_word_file_without_libreoffice_asks_for_docx(monkeypatch: pytest.MonkeyPatch) -> None:
    from core.importers.published import convert

    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    with pytest.raises(PublishedImportError, match="另存为"):
        import_published_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.doc")


def test_scanned_pdf_gets_a_clear_message() -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    with pytest.raises(PublishedImportError, match="扫描件"):
        import_published_bytes(buf.getvalue(), "scan.pdf")


def test_docx_with_vertical_and_horizontal_merges() -> None:
    """A Word table whose label column is merged vertically (vMerge) and whose
    one-column blocks are merged horizontally (gridSpan)."""
    import docx

    d = docx.Document()
    d.add_paragraph("某某街道办事处2022年政府信息公开工作年度报告")
    d.add_paragraph("二、主动公开政府信息情况")
    t = d.add_table(rows=4, cols=4)
    t.cell(0, 0).merge(t.cell(0, 3)).text = "第二十条第（五）项"
    t.cell(1, 0).text = "信息内容"
    t.cell(1, 1).merge(t.cell(1, 3)).text = "本年处理决定数量"
    t.cell(2, 0).text = "行政许可"
    t.cell(2, 1).merge(t.cell(2, 3)).text = "1,024"
    d.add_paragraph("三、收到和处理政府信息公开申请情况")
    t3 = d.add_table(rows=3, cols=10)
    t3.cell(0, 0).merge(t3.cell(2, 0)).text = "三、本年度办理结果"
    t3.cell(0, 1).merge(t3.cell(1, 1)).text = "（四）无法提供"
    t3.cell(0, 2).text = "1.本机关不掌握相关政府信息"
    t3.cell(1, 2).text = "2.没有现成信息需要另行制作"
    t3.cell(2, 1).merge(t3.cell(2, 2)).text = "（七）总计"
    for r, values in enumerate([[5, 1, 0, 0, 0, 0, 6], [2, 0, 0, 0, 0, 0, 2], [7, 1, 0, 0, 0, 0, 8]]):
        for c, v in enumerate(values):
            t3.cell(r, 3 + c).text = str(v)
    buf = io.BytesIO()
    d.save(buf)
    result = import_published_bytes(buf.getvalue(), "merged.docx")
    assert (result.form.key, result.year, result.agency) == ("2021", 2022, "某某街道办事处")
    assert result.inputs[("active", "licensing", "decisions")] == 1024
    assert result.inputs[("applications", "not_held", "natural")] == 5
    assert result.inputs[("applications", "needs_creation", "natural")] == 2
    assert result.reported_totals[("applications", "results_total", "total")] == 8
    assert result.notes_of(Kind.FUZZY, Kind.UNPLACED) == []
