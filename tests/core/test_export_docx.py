from __future__ import annotations

import shutil
import subprocess
from io import BytesIO

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from core.export.content import cell_text
from core.export.word import docx_bytes, export_docx
from core.export.files import ExportError
from core.forms.layout import Role, layout
from core.storage import load
from tests.core.conftest import SAMPLE, distinct_full_report
from tests.core.docx_grid import read_grid, rowspan
from tests.core.test_form_labels import HEADINGS

TABLE_ORDER = ["active", "applications", "review"]


def open_doc(report):
    return Document(BytesIO(docx_bytes(report)))


@pytest.fixture(scope="module", params=["2019", "2021"])
def full(request):
    report = distinct_full_report(request.param)
    return report, open_doc(report)


def test_page_setup(full):
    _, doc = full
    s = doc.sections[0]
    assert abs(s.page_width - Mm(210)) < Mm(0.1) and abs(s.page_height - Mm(297)) < Mm(0.1)
    assert abs(s.top_margin - Mm(37)) < Mm(0.1) and abs(s.bottom_margin - Mm(35)) < Mm(0.1)
    assert abs(s.left_margin - Mm(28)) < Mm(0.1) and abs(s.right_margin - Mm(26)) < Mm(0.1)


def test_every_label_and_value_at_its_grid_position(full):
    report, doc = full
    assert len(doc.tables) == 3
    for key, table in zip(TABLE_ORDER, doc.tables):
        grid = layout(report.form.table(key))
        cells = read_grid(table._tbl)
        grid_cols = table._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))
        assert len(grid_cols) == grid.n_cols
        for gc in grid.cells:
            got = cells[(gc.row, gc.col)]
            expected = cell_text(report, gc.ref) if gc.role is Role.VALUE else gc.text
            assert got["text"] == expected, (key, gc)
            assert got["colspan"] == gc.colspan, (key, gc)
            assert rowspan(cells, gc.row, gc.col) == gc.rowspan, (key, gc)
            assert got["width"] and got["width"] > 0
        # every value distinct, so a shifted row or column cannot pass
        values = [cells[(gc.row, gc.col)]["text"] for gc in grid.value_cells]
        inputs = [v for ref, v in zip([g.ref for g in grid.value_cells], values) if report.is_input(ref)]
        assert len(set(inputs)) == len(inputs)


def test_spec_merges_in_the_document():
    doc = open_doc(distinct_full_report("2021"))
    cells = read_grid(doc.tables[1]._tbl)
    # typed from spec §1.4: note cell 3x3, 申请人情况 over 7 columns, 三 spans 22 rows
    assert cells[(0, 0)]["text"].startswith("（本列数据的勾稽关系为") and cells[(0, 0)]["colspan"] == 3
    assert rowspan(cells, 0, 0) == 3
    assert cells[(0, 3)]["text"] == "申请人情况" and cells[(0, 3)]["colspan"] == 7
    assert cells[(5, 0)]["text"] == "三、本年度办理结果" and rowspan(cells, 5, 0) == 22
    review = read_grid(doc.tables[2]._tbl)
    assert review[(0, 0)]["text"] == "行政复议" and review[(0, 0)]["colspan"] == 5
    assert review[(0, 5)]["text"] == "行政诉讼" and review[(0, 5)]["colspan"] == 10


def test_header_rows_repeat_and_rows_do_not_split(full):
    _, doc = full
    for table in doc.tables:
        rows = table._tbl.findall(qn("w:tr"))
        assert all(tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for tr in rows)
    three = doc.tables[1]._tbl.findall(qn("w:tr"))
    assert [tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None for tr in three[:4]] == [True, True, True, False]


def _east_asia_of_paragraph(doc, p):
    """The effective eastAsia font of a paragraph's first run: run, then style chain."""
    r = p.runs[0]._r
    f = r.find(qn("w:rPr")).find(qn("w:rFonts")) if r.find(qn("w:rPr")) is not None else None
    if f is not None and f.get(qn("w:eastAsia")):
        return f.get(qn("w:eastAsia"))
    style = p.style
    while style is not None:
        rpr = style.element.find(qn("w:rPr"))
        if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
            return rpr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
        style = style.base_style
    return None


def test_east_asian_fonts_and_no_theme_fonts():
    report = load(SAMPLE)
    raw = docx_bytes(report)
    doc = Document(BytesIO(raw))
    paras = [p for p in doc.paragraphs if p.text.strip()]
    title = paras[0]
    assert title.text.replace("\n", "") == "广州市海珠区政务服务数据管理局2019年政府信息公开工作年度报告"
    assert _east_asia_of_paragraph(doc, title) == "方正小标宋简体"
    h1 = next(p for p in paras if p.text == "一、总体情况")
    assert _east_asia_of_paragraph(doc, h1) == "黑体"
    h2 = next(p for p in paras if p.text == "（一）主动公开情况")
    assert _east_asia_of_paragraph(doc, h2) == "楷体_GB2312"
    body = next(p for p in paras if p.text.startswith("2019年，海珠区"))
    assert _east_asia_of_paragraph(doc, body) == "仿宋_GB2312"
    # western digits in Times New Roman through the Normal style
    normal_fonts = doc.styles["Normal"].element.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert normal_fonts.get(qn("w:ascii")) == "Times New Roman"
    # table cells name their font
    cells = read_grid(doc.tables[0]._tbl)
    assert set(f for c in cells.values() for f in c["fonts"]) == {"仿宋_GB2312"}
    # nothing refers to theme fonts in the document or its styles
    from zipfile import ZipFile
    with ZipFile(BytesIO(raw)) as z:
        for name in ("word/document.xml", "word/styles.xml"):
            xml = z.read(name).decode()
            assert "asciiTheme" not in xml and "eastAsiaTheme" not in xml, name


def test_odd_even_footers_with_page_fields(full):
    _, doc = full
    assert doc.settings.odd_and_even_pages_header_footer
    s = doc.sections[0]
    for footer, align in ((s.footer, "right"), (s.even_page_footer, "left")):
        p = footer.paragraphs[0]
        xml = p._p.xml
        assert "PAGE" in "".join(t.text for t in p._p.iter(qn("w:instrText")))
        assert f'w:val="{align}"' in xml
        assert p.text.startswith("— ") and p.text.endswith(" —")


def test_blank_counts_print_as_zero_and_units():
    from core.model import Report
    from decimal import Decimal
    r = Report("某局", 2019)
    r.set_value(("active", "procurement", "procurement_amount"), Decimal("2429.9828"))
    doc = open_doc(r)
    cells = read_grid(doc.tables[0]._tbl)
    texts = [c["text"] for c in cells.values()]
    assert "2429.9828万元" in texts
    review = read_grid(doc.tables[2]._tbl)
    assert [review[(3, c)]["text"] for c in range(15)] == ["0"] * 15


def test_narrative_heading_in_paragraph_gets_heading_font():
    from core.model import Report
    r = Report("某局", 2022)
    r.set_text("overview", "（一）主动公开。本年度主动公开信息120条。\n1.规范性文件。全部公开。")
    doc = open_doc(r)
    p = next(p for p in doc.paragraphs if p.text.startswith("（一）主动公开。"))
    assert p.runs[0].text == "（一）主动公开。"
    assert p.runs[0]._r.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")) == "楷体_GB2312"
    assert p.runs[1].text == "本年度主动公开信息120条。"


def test_refuses_locked_or_draft_targets(tmp_path):
    report = load(SAMPLE)
    out = tmp_path / "报告.docx"
    (tmp_path / ".~lock.报告.docx#").write_text("x")
    with pytest.raises(ExportError, match="正在被"):
        export_docx(report, out)
    with pytest.raises(ExportError, match="草稿"):
        export_docx(report, tmp_path / "x.ogir")
    assert not out.exists()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by .ci/run; absent here")
def test_renders_through_libreoffice(tmp_path):
    report = load(SAMPLE)
    export_docx(report, tmp_path / "sample.docx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "sample.docx")], check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "sample.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = "".join(text.split())
    assert "广州市海珠区政务服务数据管理局" in flat and "2019年政府信息公开工作年度报告" in flat
    for heading in HEADINGS:
        assert heading in flat, heading
    for label in ("第二十条第（九）项", "采购总金额", "2429.9828万元", "法人或其他组织", "未经复议直接起诉",
                  "四、结转下年度继续办理", "—1—"):
        assert label in flat, label
    pages = subprocess.run(["pdfinfo", str(tmp_path / "sample.pdf")], capture_output=True, text=True).stdout
    assert "A4" in pages or "595.2" in pages
