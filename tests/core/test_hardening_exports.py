"""Issue 12, exports: they refuse nothing the model holds (2), and every text
cell of the Excel attachment is a string cell, never a formula (4)."""
from __future__ import annotations

import zipfile
from io import BytesIO

from openpyxl import load_workbook

from core.checks import Finding, Severity, run_checks
from core.export.excel import CHECKS_SHEET, COVER_SHEET, xlsx_bytes
from core.export.html_page import html_text
from core.export.word import docx_bytes
from core.model import Explanation, Report

HOSTILE = ["=HYPERLINK(\"http://example.com\",\"点我\")", "=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "-2+3"]


def report_with_controls() -> Report:
    r = Report("某局", 2024)
    # Straight into the fields, as any path that bypasses the setters would.
    r.meta.agency = "某\x01局"
    r.meta.date = "2025-01-\x0b20"
    r.meta.compiler = "某\x1f单位\ufffe"
    r.texts["overview"] = "第一段\x07内容。\n（一）标题\x00。正文\ud800。"
    return r


def test_word_html_and_excel_export_text_with_control_characters():
    r = report_with_controls()
    docx = docx_bytes(r)  # raised ValueError before
    body = zipfile.ZipFile(BytesIO(docx)).read("word/document.xml").decode("utf-8")
    assert "第一段内容。" in body and "正文\ufffd。" in body and "某单位" in body
    assert "\x07" not in html_text(r) and "第一段内容。" in html_text(r)
    wb = load_workbook(BytesIO(xlsx_bytes(r, run_checks(r))))  # raised IllegalCharacterError before
    assert wb[COVER_SHEET]["B3"].value == "某局"
    assert wb[COVER_SHEET]["B8"].value == "某单位"
    # The report itself is left as it was: exporting does not edit.
    assert r.meta.agency == "某\x01局"


def test_typed_control_characters_never_reach_an_export():
    r = Report("某局", 2024)
    r.set_meta("contact", "电话\x0c8888")
    r.set_text("overview", "内容\x1b。")
    assert r.meta.contact == "电话8888" and r.texts["overview"] == "内容。"
    docx_bytes(r)
    xlsx_bytes(r, run_checks(r))


def test_cover_fields_starting_with_formula_characters_are_strings():
    for text in HOSTILE:
        r = Report(text, 2024, contact=text, compiler=text)
        data = xlsx_bytes(r, run_checks(r))
        ws = load_workbook(BytesIO(data))[COVER_SHEET]
        for address in ("B3", "B7", "B8"):
            cell = ws[address]
            assert cell.value == text and cell.data_type == "s", (text, address)
        sheet_xml = zipfile.ZipFile(BytesIO(data)).read("xl/worksheets/sheet1.xml").decode("utf-8")
        assert "<f>" not in sheet_xml


def test_checks_sheet_explanations_and_messages_are_strings():
    r = Report("某局", 2024)
    finding = Finding("V9", Severity.WARNING, "=1+1 不符", "overview", (), 1, 2,
                      explanation="=cmd|' /C calc'!A0")
    ws = load_workbook(BytesIO(xlsx_bytes(r, [finding])))[CHECKS_SHEET]
    assert ws["C2"].value == "=1+1 不符" and ws["C2"].data_type == "s"
    assert ws["G2"].value == "=cmd|' /C calc'!A0" and ws["G2"].data_type == "s"


def test_explanation_note_with_formula_through_the_model():

    r = Report("某局", 2024)
    r.set_values({("applications", "new", "natural"): 5})  # 一 ≠ 三 + 四: an error and warnings
    findings = [f for f in run_checks(r) if not f.is_error]
    assert findings, "the scenario needs a warning to explain"
    r.explain(findings[0].key, Explanation("=HYPERLINK(\"x\")", findings[0].expected, findings[0].actual))
    ws = load_workbook(BytesIO(xlsx_bytes(r, run_checks(r))))[CHECKS_SHEET]
    notes = [c for c in ws["G"] if c.value == "=HYPERLINK(\"x\")"]
    assert notes and all(c.data_type == "s" for c in notes)
