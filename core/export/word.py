"""The report as a .docx in the official layout (GB/T 9704-2012 typesetting).

Tables are written as raw WordprocessingML from the shared grid layout, with a
w:tblGrid and an explicit width on every cell, because WPS sizes tables from
those and ignores autofit hints.  Every run names its East Asian font in
w:eastAsia and no theme fonts are referenced, or WPS falls back to 等线.
"""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from ..forms import TableSection
from ..forms.layout import Grid, Role, layout
from ..model.report import Report
from ..narrative import paragraphs
from .content import cell_text, chinese_date, exportable, title_lines
from .files import write_output
from .settings import ExportSettings

PAGE_W, PAGE_H = 210, 297
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 37, 35, 28, 26
TEXT_WIDTH_MM = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 156
TITLE_PT, BODY_PT, PAGE_NUMBER_PT = 22, 16, 14
TWIPS_PER_MM = 1440 / 25.4

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


def set_fonts(rpr_parent, east_asian: str, western: str, *, cjk_hint: bool = True) -> None:
    """Name the fonts explicitly (ascii/hAnsi for digits and Latin, eastAsia for
    Chinese) and drop theme references, which would otherwise win.

    The eastAsia hint makes quotation marks (“三安全一稳定”) take the Chinese
    font; runs of bare numbers go without it, or renderers set their digits in
    the wider Chinese font too."""
    rpr = rpr_parent.get_or_add_rPr() if hasattr(rpr_parent, "get_or_add_rPr") else rpr_parent
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), western)
    fonts.set(qn("w:hAnsi"), western)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), western)
    if cjk_hint:
        fonts.set(qn("w:hint"), "eastAsia")
    else:
        fonts.attrib.pop(qn("w:hint"), None)


def _paragraph_style(doc, name: str, font: str, settings: ExportSettings, size: float, *,
                     align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_chars: float = 2, exact: float | None = None,
                     bold: bool = False):
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


def _setup_styles(doc, s: ExportSettings) -> None:
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

    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    set_fonts(normal.element, s.body_font, s.western_font)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(s.line_spacing_pt)
    pf.first_line_indent = Pt(BODY_PT * 2)
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.widow_control = False

    ls = s.line_spacing_pt
    _paragraph_style(doc, STYLE_TITLE, s.title_font, s, TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER, indent_chars=0,
                     exact=max(ls, TITLE_PT * 1.45))
    _paragraph_style(doc, STYLE_DATE, s.body_font, s, BODY_PT, align=WD_ALIGN_PARAGRAPH.CENTER, indent_chars=0, exact=ls)
    h1 = _paragraph_style(doc, STYLE_H1, s.heading1_font, s, BODY_PT, exact=ls)
    h1.paragraph_format.keep_with_next = True
    h2 = _paragraph_style(doc, STYLE_H2, s.heading2_font, s, BODY_PT, exact=ls, bold=s.bold_subheadings)
    h2.paragraph_format.keep_with_next = True
    _paragraph_style(doc, STYLE_H3, s.body_font, s, BODY_PT, exact=ls, bold=s.bold_subheadings)
    _paragraph_style(doc, STYLE_TABLE, s.table_font, s, s.table_font_pt, align=WD_ALIGN_PARAGRAPH.CENTER, indent_chars=0)
    _paragraph_style(doc, STYLE_PAGE_NUMBER, s.page_number_font, s, PAGE_NUMBER_PT, indent_chars=0)
    sig = _paragraph_style(doc, STYLE_SIGNATURE, s.body_font, s, BODY_PT, align=WD_ALIGN_PARAGRAPH.RIGHT,
                           indent_chars=0, exact=ls)
    sig.paragraph_format.right_indent = Pt(BODY_PT * 4)  # 成文日期右空四字


def _setup_page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_W), Mm(PAGE_H)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP), Mm(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT), Mm(MARGIN_RIGHT)
    section.header_distance = Mm(15)
    # The page number's dash line sits 7 mm below the text block (GB/T 9704 7.5).
    section.footer_distance = Mm(22)
    section.start_type = WD_SECTION.NEW_PAGE
    doc.settings.odd_and_even_pages_header_footer = True
    section.different_first_page_header_footer = False
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def _field(paragraph: Paragraph, instruction: str) -> None:
    def fld(kind: str):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        return run

    fld("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    fld("separate")
    paragraph.add_run("1")
    fld("end")


def _page_number(paragraph: Paragraph, align) -> None:
    """"— N —": odd pages right, even pages left, each 空一字 from the edge."""
    paragraph.style = STYLE_PAGE_NUMBER
    paragraph.alignment = align
    pf = paragraph.paragraph_format
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        pf.right_indent = Pt(PAGE_NUMBER_PT)
    else:
        pf.left_indent = Pt(PAGE_NUMBER_PT)
    paragraph.add_run("— ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" —")


def _add_text(doc, text: str, style: str) -> Paragraph:
    return doc.add_paragraph(text, style=style)


def _narrative(doc, text: str, s: ExportSettings) -> None:
    for p in paragraphs(text):
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


# --- tables ---------------------------------------------------------------------


def _el(tag: str, **attrs: str):
    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    return el


def _column_widths(grid: Grid) -> list[int]:
    total = _twips(TEXT_WIDTH_MM)
    weights = grid.col_weights
    widths = [int(total * w / sum(weights)) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _table_xml(report: Report, grid: Grid, s: ExportSettings, font_pt: float, style_id: str):
    widths = _column_widths(grid)
    tbl = OxmlElement("w:tbl")
    pr = _el("w:tblPr")
    pr.append(_el("w:tblW", w=str(sum(widths)), type="dxa"))
    pr.append(_el("w:jc", val="center"))
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", val="single", sz="4", space="0", color="000000"))
    pr.append(borders)
    pr.append(_el("w:tblLayout", type="fixed"))
    mar = _el("w:tblCellMar")
    side_margin = "28" if grid.n_cols > 10 else "40"  # 0.5 mm / 0.7 mm: room for five-digit counts
    for side, w in (("top", "0"), ("left", side_margin), ("bottom", "0"), ("right", side_margin)):
        mar.append(_el(f"w:{side}", w=w, type="dxa"))
    pr.append(mar)
    pr.append(_el("w:tblLook", val="0000", firstRow="0", lastRow="0", firstColumn="0", lastColumn="0",
                  noHBand="1", noVBand="1"))
    tbl.append(pr)
    tbl_grid = _el("w:tblGrid")
    for w in widths:
        tbl_grid.append(_el("w:gridCol", w=str(w)))
    tbl.append(tbl_grid)

    row_height = _twips(font_pt * 0.3528 * 1.9)
    for r in range(grid.n_rows):
        tr = _el("w:tr")
        trpr = _el("w:trPr")
        trpr.append(_el("w:cantSplit"))
        trpr.append(_el("w:trHeight", val=str(row_height), hRule="atLeast"))
        if r < grid.header_rows:
            trpr.append(_el("w:tblHeader"))
        tr.append(trpr)
        c = 0
        while c < grid.n_cols:
            cell = grid.covering(r, c)
            assert cell is not None, (grid.table, r, c)
            width = sum(widths[cell.col : cell.col + cell.colspan])
            tc = _el("w:tc")
            tcpr = _el("w:tcPr")
            tcpr.append(_el("w:tcW", w=str(width), type="dxa"))
            if cell.colspan > 1:
                tcpr.append(_el("w:gridSpan", val=str(cell.colspan)))
            if cell.rowspan > 1:
                tcpr.append(_el("w:vMerge", val="restart") if cell.row == r else _el("w:vMerge"))
            tcpr.append(_el("w:vAlign", val="center"))
            tc.append(tcpr)
            text = ""
            if cell.row == r:
                text = cell_text(report, cell.ref) if cell.role is Role.VALUE and cell.ref else cell.text
            tc.append(_cell_paragraph(text, cell.role, s, font_pt, style_id))
            tr.append(tc)
            c = cell.col + cell.colspan
        tbl.append(tr)
    return tbl


def _cell_paragraph(text: str, role: Role, s: ExportSettings, font_pt: float, style_id: str):
    p = _el("w:p")
    ppr = _el("w:pPr")
    ppr.append(_el("w:pStyle", val=style_id))
    ppr.append(_el("w:jc", val="left" if role is Role.LABEL else "center"))
    p.append(ppr)
    if text:
        r = _el("w:r")
        rpr = _el("w:rPr")
        set_fonts(rpr, s.table_font, s.western_font, cjk_hint=role is not Role.VALUE)
        sz = str(round(font_pt * 2))
        rpr.append(_el("w:sz", val=sz))
        rpr.append(_el("w:szCs", val=sz))
        r.append(rpr)
        t = _el("w:t")
        t.text = text
        t.set(qn("xml:space"), "preserve")
        r.append(t)
        p.append(r)
    return p


# --- document -------------------------------------------------------------------


def build_document(report: Report, settings: ExportSettings | None = None):
    s = settings or ExportSettings()
    report = exportable(report)
    doc = Document()
    _setup_styles(doc, s)
    table_style_id = doc.styles[STYLE_TABLE].style_id
    _setup_page(doc)
    # python-docx's template starts with one empty paragraph; reuse it for the title.
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    sect = body.find(qn("w:sectPr"))  # must stay the body's last child

    title = doc.add_paragraph(style=STYLE_TITLE)
    for i, line in enumerate(title_lines(report, max_units=TEXT_WIDTH_MM / (TITLE_PT * 0.3528) - 1)):
        if i:
            title.add_run().add_break()
        title.add_run(line)
    if report.meta.date.strip():
        _add_text(doc, f"（{chinese_date(report.meta.date)}）", STYLE_DATE)
    doc.add_paragraph("", style=STYLE_DATE)

    for section in report.form.sections:
        _add_text(doc, section.heading, STYLE_H1)
        if isinstance(section, TableSection):
            grid = layout(section.table)
            pt = s.review_table_font_pt if grid.n_cols > 10 else s.table_font_pt
            sect.addprevious(_table_xml(report, grid, s, pt, table_style_id))
            # keep a line between the table and the next heading
            doc.add_paragraph("", style=STYLE_TABLE)
        else:
            _narrative(doc, report.texts.get(section.key, ""), s)

    if report.meta.compiler.strip():
        # the unit and the date stay together on one page
        doc.add_paragraph("", style="Normal")
        unit = _add_text(doc, report.meta.compiler.strip(), STYLE_SIGNATURE)
        if report.meta.date.strip():
            unit.paragraph_format.keep_with_next = True
            _add_text(doc, chinese_date(report.meta.date), STYLE_SIGNATURE)

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
