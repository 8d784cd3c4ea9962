"""Word export page geometry and table layout (issue 11, points 1-5).

Unit checks read the .docx XML; the render checks convert through LibreOffice
(fonts mapped as a reviewer's PC without the GB2312 fonts would: tests/render)
and count lines and characters on the PDF pages."""
from __future__ import annotations

import re
import subprocess
import unicodedata
from io import BytesIO
from zipfile import ZipFile

import pytest
from docx import Document
from docx.oxml.ns import qn

from core.export.label_lines import break_label, line_ok
from core.export.word import docx_bytes, export_docx, signature_indents
from core.export.word_fonts import CJK_FONTS
from core.storage import load
from tests.core.conftest import SAMPLE, distinct_full_report
from tests.render import SOFFICE, to_pdf

TYPE_AREA_TWIPS = round(225 / 25.4 * 1440)  # 12756
TEXT_WIDTH_TWIPS = round(156 / 25.4 * 1440)  # 8844


def _doc(report):
    return Document(BytesIO(docx_bytes(report)))


def test_document_grid_is_22_lines_of_28_characters_filling_the_type_area():
    doc = _doc(load(SAMPLE))
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    pitch = int(grid.get(qn("w:linePitch")))
    assert 22 * pitch <= TYPE_AREA_TWIPS < 23 * pitch
    assert TYPE_AREA_TWIPS - 22 * pitch < 22  # fills it (less than 1 twip a line left)
    # Word's grid character pitch: Normal's size (16 pt) + charSpace/4096 pt
    char_pt = 16 + int(grid.get(qn("w:charSpace"))) / 4096
    assert 28 * char_pt * 20 <= TEXT_WIDTH_TWIPS < 29 * char_pt * 20
    normal = doc.styles["Normal"].paragraph_format
    assert round(normal.line_spacing.pt * 20) == pitch


def test_signature_block_positions():
    # 7.3.5.3, typed from the clause: name 右空二字, date starts 2 字 right of the name's start
    assert signature_indents("某某市某某区人民政府办公室", "2024年1月20日", sealed=False) == (2.0, 6.5)
    # date (6.5 字) longer than name − 2: date 右空二字, name moved left: 2 + 6.5 + 2 − 6 = 4.5
    assert signature_indents("某某市某某局", "2024年1月20日", sealed=False) == (4.5, 2.0)
    # sealed (7.3.5.1): date 右空四字, name centred over it
    assert signature_indents("某某局", "2024年1月20日", sealed=True) == (5.75, 4.0)


def test_font_table_declares_every_font_with_fallbacks():
    raw = docx_bytes(load(SAMPLE))
    with ZipFile(BytesIO(raw)) as z:
        xml = z.read("word/fontTable.xml").decode()
        body = z.read("word/document.xml").decode() + z.read("word/styles.xml").decode()
    used = set(re.findall(r'<w:rFonts [^>]*w:eastAsia="([^"]+)"', body))
    assert {"仿宋_GB2312", "楷体_GB2312", "方正小标宋简体", "黑体"} <= used
    for name in used:
        entry = re.search(rf'<w:font w:name="{re.escape(name)}">(.*?)</w:font>', xml, re.S)
        assert entry, name
        assert 'w:charset w:val="86"' in entry.group(1) and "w:panose1" in entry.group(1), name
    for name, alt in (("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("方正小标宋简体", "宋体")):
        entry = re.search(rf'<w:font w:name="{name}">(.*?)</w:font>', xml, re.S)
        assert f'<w:altName w:val="{alt}"/>' in entry.group(1)
    assert CJK_FONTS["黑体"][0] == "SimHei"


def test_heading_styles_have_outline_levels():
    doc = _doc(load(SAMPLE))
    levels = {}
    for name in ("一级标题", "二级标题", "三级标题"):
        lvl = doc.styles[name].element.find(qn("w:pPr")).find(qn("w:outlineLvl"))
        levels[name] = int(lvl.get(qn("w:val")))
    assert levels == {"一级标题": 0, "二级标题": 1, "三级标题": 2}


@pytest.mark.parametrize("form_key", ["2019", "2021"])
def test_no_empty_paragraph_before_a_heading_or_the_signature(form_key):
    doc = _doc(distinct_full_report(form_key))
    paras = doc.paragraphs
    for prev, p in zip(paras, paras[1:]):
        if p.style.name == "一级标题" or p.style.name == "落款":
            assert prev.text.strip() or prev.style.name == "报告日期", p.text


def _label_cells(tbl):
    """(text lines, content width in 字) of every label/header cell."""
    out = []
    for tc in tbl.iter(qn("w:tc")):
        runs = list(tc.iter(qn("w:r")))
        if not runs:
            continue
        lines, current = [], ""
        for el in runs[0]:
            if el.tag == qn("w:t"):
                current += el.text or ""
            elif el.tag == qn("w:br"):
                lines.append(current)
                current = ""
        lines.append(current)
        sz = int(runs[0].find(qn("w:rPr")).find(qn("w:sz")).get(qn("w:val"))) / 2
        width = int(tc.find(qn("w:tcPr")).find(qn("w:tcW")).get(qn("w:w")))
        content = (width - 2 * 28) / 20 / sz
        if not lines[0].replace(".", "").isdigit():
            out.append((lines, content))
    return out


@pytest.mark.parametrize("form_key", ["2019", "2021"])
def test_every_label_breaks_without_a_stray_character(form_key):
    doc = _doc(distinct_full_report(form_key))
    for table in doc.tables:
        for lines, width in _label_cells(table._tbl):
            if len("".join(lines)) > 40:
                continue  # the 勾稽关系 note: a sentence in a wide cell
            assert line_ok(lines, width), (lines, width)


def test_label_breaking_rules():
    assert break_label("自然人", 3) == ("自然人",)
    assert break_label("自然人", 2.5) is None  # 自然/人 is never produced
    assert break_label("（三）不予公开", 4.5) == ("（三）", "不予公开")
    assert break_label("三、本年度办理结果", 3) == ("三、本", "年度办", "理结果")
    assert break_label("商业企业", 3) == ("商业", "企业")
    assert break_label("3.补正后申请内容仍不明确", 9) == ("3.补正后申请", "内容仍不明确")
    # no line starts with closing punctuation
    for lines in (break_label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", w) for w in (8, 9, 10, 11)):
        assert lines and not any(line[0] in "，）、" for line in lines[1:])


def test_table_two_2019_blocks_have_equal_columns():
    doc = _doc(distinct_full_report("2019"))
    cols = [int(c.get(qn("w:w"))) for c in doc.tables[0]._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
    label, a, b, c, d = cols
    # 本年新制作数量 | 本年新公开数量 (2 grid columns) | 对外公开总数量 all equal
    assert abs(a - (b + c)) <= 2 and abs(a - d) <= 2
    # （八）（九）: two columns of two grid columns each, equal
    assert abs((a + b) - (c + d)) <= 2


def test_contact_closing_sentence():
    r = distinct_full_report("2021")
    doc = _doc(r)
    texts = [p.text for p in doc.paragraphs]
    assert "如对本报告有疑问，请与某某市某某局联系（电话：0000-12345678）。" in texts
    r.meta.contact = ""
    assert not any("如对本报告有疑问" in t for t in (p.text for p in _doc(r).paragraphs))


# --- rendered through LibreOffice -------------------------------------------------

needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is installed by .ci/run; absent here")


def _pages(pdf):
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def _cjk(s: str) -> int:
    return sum(1 for ch in s if unicodedata.east_asian_width(ch) in "WF")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("render")
    docs = {}
    for name, report in (("sample", load(SAMPLE)), ("full2021", distinct_full_report("2021")),
                         ("full2019", distinct_full_report("2019"))):
        export_docx(report, out / f"{name}.docx")
        docs[name] = to_pdf(out / f"{name}.docx", out)
    return docs


@needs_soffice
@pytest.mark.slow
def test_rendered_body_page_has_22_lines_of_28_characters(rendered):
    pages = _pages(rendered["sample"])
    # page 2 of the sample is all body text
    lines = [line.strip() for line in pages[1].splitlines() if line.strip()]
    body = [line for line in lines if not re.fullmatch(r"—\s*\d+\s*—", line)]
    assert len(body) == 22
    # a full line: 28 characters, not counting punctuation hanging past the end
    full = [_cjk(line.rstrip("，。、；：")) for line in body]
    assert max(full) == 28 and full.count(28) >= 5


@needs_soffice
@pytest.mark.slow
@pytest.mark.parametrize("name", ["sample", "full2021", "full2019"])
def test_rendered_table_three_on_one_page_with_its_heading(rendered, name):
    pages = ["".join(p.split()) for p in _pages(rendered[name])]
    on = [i for i, p in enumerate(pages) if "三、收到和处理政府信息公开申请情况" in p]
    assert len(on) == 1
    page = pages[on[0]]
    for label in ("一、本年新收政府信息公开申请数量", "其他处理", "（七）总计", "四、结转下年度继续办理"):
        assert label in page, label
    assert not any("四、结转下年度继续办理" in p for i, p in enumerate(pages) if i != on[0])


@needs_soffice
@pytest.mark.slow
def test_rendered_page_number_dash_sits_7mm_below_the_type_area(rendered):
    xml = subprocess.run(["pdftotext", "-bbox", "-f", "2", "-l", "2", str(rendered["sample"]), "-"],
                         capture_output=True, text=True, check=True).stdout
    boxes = [(float(a), float(b)) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">—<', xml)]
    assert boxes
    centre = sum(boxes[0]) / 2
    type_area_bottom = (37 + 225) / 25.4 * 72
    assert abs((centre - type_area_bottom) / 72 * 25.4 - 7) < 1.0


@needs_soffice
@pytest.mark.slow
def test_rendered_signature_never_stands_alone_on_a_page(rendered):
    pages = [[line.strip() for line in p.splitlines() if line.strip()] for p in _pages(rendered["sample"])]
    page = next(p for p in pages if "2020年1月" in "".join("".join(p).split()))
    body = [line for line in page if not re.fullmatch(r"—\s*\d+\s*—", line)]
    assert len(body) > 2  # more than the agency name and the date
