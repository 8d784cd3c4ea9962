"""The report as a .docx in the official layout (GB/T 9704-2012 typesetting).

Page geometry: the section carries a document grid of 22 lines × 28 characters
(w:docGrid linesAndChars) whose pitches exactly fill the 156 × 225 mm type
area, and body text uses the same line pitch, so Word, WPS and LibreOffice all
set 22 lines of 28 characters.  Text that is not body text (title, tables,
page numbers) does not snap to the grid, or a 二号 title or 五号 table text
would be spread over whole grid cells.

Every run names its East Asian font in w:eastAsia, no theme fonts are
referenced (or WPS falls back to 等线), and the font table declares every font
with altName/panose/charset (word_fonts).  Tables: word_tables.
"""
from __future__ import annotations

import math
from io import BytesIO
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from ..forms import TableSection
from ..forms.layout import layout
from ..model.report import Report
from ..narrative import paragraphs
from .content import (
    chinese_date,
    closing_sentence,
    exportable,
    signature_indents,
    title_lines,
)
from .files import write_output
from .settings import ExportSettings
from .word_flow import PageFlow, line_count
from .word_fonts import set_fonts, write_font_table
from .word_tables import row_heights_pt, table_layout, table_xml

__all__ = ["build_document", "docx_bytes", "export_docx", "set_fonts", "signature_indents"]

PAGE_W, PAGE_H = 210, 297
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 37, 35, 28, 26
TEXT_WIDTH_MM = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 156
TEXT_HEIGHT_MM = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM  # 225
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28  # GB/T 9704-2012 5.2.3
TITLE_PT, BODY_PT, PAGE_NUMBER_PT = 22, 16, 14
PAGE_NUMBER_GAP_MM = 7  # 7.5: 一字线上距版心下边缘7 mm
TWIPS_PER_MM = 1440 / 25.4
PT_PER_MM = 72 / 25.4

STYLE_TITLE = "报告标题"
STYLE_DATE = "报告日期"
STYLE_H1 = "一级标题"
STYLE_H2 = "二级标题"
STYLE_H3 = "三级标题"
STYLE_TABLE = "表格文字"
STYLE_PAGE_NUMBER = "页码"
STYLE_SIGNATURE = "落款"


def _twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def line_pitch_twips(s: ExportSettings) -> int:
    """The body line pitch: the configured spacing, but never more than lets 22
    lines fill the 225 mm type area (29 pt × 22 = 638 pt > 637.8 pt)."""
    fits = int(_twips(TEXT_HEIGHT_MM) / LINES_PER_PAGE)  # 579 twips = 28.95 pt
    return min(round(s.line_spacing_pt * 20), fits)


def char_space() -> int:
    """w:charSpace for 28 characters of 三号 in 156 mm: the grid pitch is the
    Normal font size plus charSpace/4096 pt."""
    pitch_pt = _twips(TEXT_WIDTH_MM) / 20 / CHARS_PER_LINE
    return math.floor((pitch_pt - BODY_PT) * 4096)  # -849: toward the narrower pitch, so 28 fit


# Schema order matters to Word: each element goes before its successors.
_PPR_AFTER_SNAP = ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                   "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                   "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_PPR_AFTER_OUTLINE = _PPR_AFTER_SNAP[_PPR_AFTER_SNAP.index("w:outlineLvl") + 1:]
_RPR_AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr",
                      "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                      "w:specVanish", "w:oMath")


def _val_el(tag: str, val: str | int) -> Any:
    el = OxmlElement(tag)
    el.set(qn("w:val"), str(val))
    return el


def _no_grid(style: Any, *, condensed: bool = False) -> None:
    """Off the document grid; at natural character spacing, or condensed to
    the grid's character pitch (body text)."""
    style.element.get_or_add_pPr().insert_element_before(_val_el("w:snapToGrid", 0), *_PPR_AFTER_SNAP)
    spacing = char_condense_twips() if condensed else 0
    style.element.get_or_add_rPr().insert_element_before(_val_el("w:spacing", spacing), *_RPR_AFTER_SPACING)


def char_condense_twips() -> int:
    """Twentieths of a point each 三号 character gives up so 28 fill 156 mm:
    the grid pitch (15.79 pt) rounded down, less one more twentieth, which
    LibreOffice needs for its own rounding (with -5 it sets 27 a line)."""
    pitch_twips = _twips(TEXT_WIDTH_MM) / CHARS_PER_LINE  # 315.9 = 15.79 pt
    return math.floor(pitch_twips - BODY_PT * 20) - 1  # -6 = -0.3 pt


def _outline(style: Any, level: int) -> None:
    """Word's navigation pane and table of contents read heading levels from this."""
    style.element.get_or_add_pPr().insert_element_before(_val_el("w:outlineLvl", level), *_PPR_AFTER_OUTLINE)


def _paragraph_style(doc: Any, name: str, font: str, settings: ExportSettings, size: float, *,
                     align: Any = WD_ALIGN_PARAGRAPH.JUSTIFY, indent_chars: float = 2, exact: float | None = None,
                     bold: bool = False) -> Any:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.size = Pt(size)
    style.font.bold = bold
    set_fonts(style.element, font, settings.western_font)
    pf = style.paragraph_format
    pf.alignment = align
    pf.first_line_indent = Pt(size * indent_chars) if indent_chars else Pt(0)
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    if exact is not None:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(exact)
    else:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    return style


def _setup_styles(doc: Any, s: ExportSettings) -> None:
    # Document defaults: no theme fonts anywhere, Chinese language.
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default, s.body_font, s.western_font)
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr_default.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")

    # The template's built-in styles (Heading 1, Title …) point at theme fonts;
    # name real fonts everywhere so no program substitutes 等线/Calibri.
    for fonts in doc.styles.element.iter(qn("w:rFonts")):
        if any(fonts.get(qn(a)) for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")):
            set_fonts(fonts.getparent(), fonts.get(qn("w:eastAsia")) or s.body_font, s.western_font)

    ls = line_pitch_twips(s) / 20
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    set_fonts(normal.element, s.body_font, s.western_font)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(ls)
    pf.first_line_indent = Pt(BODY_PT * 2)
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.widow_control = False
    # Body text is laid out by explicit metrics rather than by snapping to the
    # grid: LibreOffice (7.x) sets grid-snapped CJK text one line pitch per
    # character (15 a line).  Exact spacing at the grid's line pitch and
    # characters condensed to the grid's character pitch give the same 22 × 28
    # in Word, WPS and LibreOffice, and the declared grid still shows 22 × 28
    # in Word's and WPS's page setup.
    _no_grid(normal, condensed=True)

    title = _paragraph_style(doc, STYLE_TITLE, s.title_font, s, TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER,
                             indent_chars=0, exact=max(ls, TITLE_PT * 1.45))
    _no_grid(title)
    _paragraph_style(doc, STYLE_DATE, s.body_font, s, BODY_PT, align=WD_ALIGN_PARAGRAPH.CENTER, indent_chars=0, exact=ls)
    h1 = _paragraph_style(doc, STYLE_H1, s.heading1_font, s, BODY_PT, exact=ls)
    h1.paragraph_format.keep_with_next = True
    _outline(h1, 0)
    h2 = _paragraph_style(doc, STYLE_H2, s.heading2_font, s, BODY_PT, exact=ls, bold=s.bold_subheadings)
    h2.paragraph_format.keep_with_next = True
    _outline(h2, 1)
    h3 = _paragraph_style(doc, STYLE_H3, s.body_font, s, BODY_PT, exact=ls, bold=s.bold_subheadings)
    _outline(h3, 2)
    table = _paragraph_style(doc, STYLE_TABLE, s.table_font, s, s.table_font_pt, align=WD_ALIGN_PARAGRAPH.CENTER,
                             indent_chars=0)
    _no_grid(table)
    number = _paragraph_style(doc, STYLE_PAGE_NUMBER, s.page_number_font, s, PAGE_NUMBER_PT, indent_chars=0,
                              exact=PAGE_NUMBER_PT)
    _no_grid(number)
    _paragraph_style(doc, STYLE_SIGNATURE, s.body_font, s, BODY_PT, align=WD_ALIGN_PARAGRAPH.RIGHT,
                     indent_chars=0, exact=ls)


def _setup_page(doc: Any, s: ExportSettings) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_W), Mm(PAGE_H)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP), Mm(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT), Mm(MARGIN_RIGHT)
    section.header_distance = Mm(15)
    # The page number line is one 四号 line high (exact spacing); its dash, at
    # the middle of the line, sits 7 mm below the type area (GB/T 9704 7.5).
    half_line_mm = PAGE_NUMBER_PT / 2 / PT_PER_MM
    section.footer_distance = Mm(MARGIN_BOTTOM - PAGE_NUMBER_GAP_MM - half_line_mm)
    section.start_type = WD_SECTION.NEW_PAGE
    doc.settings.odd_and_even_pages_header_footer = True
    section.different_first_page_header_footer = False
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)

    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(old)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(line_pitch_twips(s)))
    grid.set(qn("w:charSpace"), str(char_space()))
    sect_pr.append(grid)


def _field(paragraph: Paragraph, instruction: str) -> None:
    def fld(kind: str) -> None:
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    fld("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    fld("separate")
    paragraph.add_run("1")
    fld("end")


def _page_number(paragraph: Paragraph, align: Any) -> None:
    """"— N —": odd pages right, even pages left, each 空一字 from the edge."""
    paragraph.style = STYLE_PAGE_NUMBER
    paragraph.alignment = align
    pf = paragraph.paragraph_format
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        pf.right_indent = Pt(BODY_PT)
    else:
        pf.left_indent = Pt(BODY_PT)
    paragraph.add_run("— ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" —")


def _narrative(doc: Any, text: str, s: ExportSettings, flow: PageFlow) -> None:
    pitch = line_pitch_twips(s) / 20
    for p in paragraphs(text):
        flow.add_lines(line_count(p.text, CHARS_PER_LINE), pitch)
        if p.level == 0 or not p.heading:
            doc.add_paragraph(p.text, style="Normal")
            continue
        style = STYLE_H2 if p.level == 2 else STYLE_H3
        if not p.body:
            doc.add_paragraph(p.heading, style=style)
            continue
        # Heading and text in one paragraph: heading run in the heading font.
        para = doc.add_paragraph(style="Normal")
        head = para.add_run(p.heading)
        set_fonts(head._r, s.heading2_font if p.level == 2 else s.body_font, s.western_font)
        if s.bold_subheadings:
            head.bold = True
        para.add_run(p.body)


def _signature(doc: Any, report: Report, s: ExportSettings) -> None:
    name = report.meta.compiler.strip()
    date = chinese_date(report.meta.date) if report.meta.date.strip() else ""
    name_ri, date_ri = signature_indents(name, date, s.sealed_signature)
    unit = doc.add_paragraph(name, style=STYLE_SIGNATURE)
    # 正文下空一行: as space before, not an empty paragraph that could open a page
    unit.paragraph_format.space_before = Pt(line_pitch_twips(s) / 20)
    unit.paragraph_format.right_indent = Pt(BODY_PT * name_ri)
    if date:
        unit.paragraph_format.keep_with_next = True
        p = doc.add_paragraph(date, style=STYLE_SIGNATURE)
        p.paragraph_format.right_indent = Pt(BODY_PT * date_ri)


def _table_section(doc: Any, report: Report, section: TableSection, s: ExportSettings, flow: PageFlow,
                   space_before: float) -> None:
    """Heading and table; the table kept on one page whenever it fits on one,
    starting a new page (heading included) when it does not fit below."""
    grid = layout(section.table)
    pt = s.review_table_font_pt if grid.n_cols > 10 else s.table_font_pt
    width_pt = TEXT_WIDTH_MM * PT_PER_MM
    heights = row_heights_pt(grid, table_layout(report, grid, width_pt, pt), pt)
    line = line_pitch_twips(s) / 20
    page = TEXT_HEIGHT_MM * PT_PER_MM
    keep = sum(heights) + line <= page - 6
    heading = doc.add_paragraph(section.heading, style=STYLE_H1)
    # one line of slack: a heading stranded by an estimate one line short is worse
    # than a page that ends one line early
    if keep and flow.y > 0 and flow.y + space_before + line + sum(heights) + line > page:
        heading.paragraph_format.page_break_before = True
        flow.new_page()
    elif space_before:
        heading.paragraph_format.space_before = Pt(space_before)
    flow.add_lines(1, line, space_before)
    flow.add_block(sum(heights), keep_together=keep, header=sum(heights[: grid.header_rows]))
    doc.element.body.find(qn("w:sectPr")).addprevious(
        table_xml(report, grid, s, pt, doc.styles[STYLE_TABLE].style_id, width_pt, keep_together=keep))


def build_document(report: Report, settings: ExportSettings | None = None) -> Any:
    s = settings or ExportSettings()
    report = exportable(report)
    doc = Document()
    _setup_styles(doc, s)
    _setup_page(doc, s)
    # python-docx's template starts with one empty paragraph; reuse it for the title.
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    line_pt = line_pitch_twips(s) / 20
    flow = PageFlow(TEXT_HEIGHT_MM * PT_PER_MM)

    title = doc.add_paragraph(style=STYLE_TITLE)
    lines = title_lines(report, max_units=TEXT_WIDTH_MM / (TITLE_PT / PT_PER_MM) - 1)
    for i, line in enumerate(lines):
        if i:
            title.add_run().add_break()
        title.add_run(line)
    flow.add_lines(len(lines), max(line_pt, TITLE_PT * 1.45))
    if report.meta.date.strip():
        doc.add_paragraph(f"（{chinese_date(report.meta.date)}）", style=STYLE_DATE)
        flow.add_lines(1, line_pt)
    doc.add_paragraph("", style=STYLE_DATE)  # 标题下空一行 on the first page
    flow.add_lines(1, line_pt)

    after_table = False
    for section in report.form.sections:
        # a line between a table and the next heading, as spacing (an empty
        # paragraph would stand alone at the top of a page)
        space_before = line_pt if after_table else 0.0
        if isinstance(section, TableSection):
            _table_section(doc, report, section, s, flow, space_before)
        else:
            heading = doc.add_paragraph(section.heading, style=STYLE_H1)
            if space_before:
                heading.paragraph_format.space_before = Pt(space_before)
            flow.add_lines(1, line_pt, space_before)
            _narrative(doc, report.texts.get(section.key, ""), s, flow)
        after_table = isinstance(section, TableSection)

    closing = closing_sentence(report) if s.contact_sentence else ""
    if closing:
        p = doc.add_paragraph(closing, style="Normal")
        if after_table:
            p.paragraph_format.space_before = Pt(line_pt)
    if report.meta.compiler.strip():
        # the signature never stands alone on a page: the last body paragraph
        # goes with it (and a heading before that, which keeps with its text)
        body_paragraphs = [p for p in doc.paragraphs if p.text.strip()]
        if body_paragraphs:
            body_paragraphs[-1].paragraph_format.keep_with_next = True
        _signature(doc, report, s)

    write_font_table(doc)
    core = doc.core_properties
    core.title = report.title
    core.author = report.meta.compiler or report.meta.agency
    core.language = "zh-CN"
    return doc


def docx_bytes(report: Report, settings: ExportSettings | None = None) -> bytes:
    buf = BytesIO()
    build_document(report, settings).save(buf)
    return buf.getvalue()


def export_docx(report: Report, path: Path | str, settings: ExportSettings | None = None) -> None:
    write_output(Path(path), docx_bytes(report, settings))
