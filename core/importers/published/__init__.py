"""Read a published annual report (web page, Word, PDF) into a draft.

The API other modules use (the CLI, the window, 汇总):

    from core.importers.published import import_published, PublishedImportError
    result = import_published("某局2024年报.html")   # ImportResult; raises PublishedImportError
    report = result.to_report()                       # a new, untitled Report
    result.notes / result.problems                    # the import report (Chinese, with cell refs)
    result.fuzzy, result.printed_blank                # cells to highlight in a review

Stages: a reader turns the file into a neutral `Document` of rows
(html_reader, docx_reader, pdf_reader; .doc/.wps via LibreOffice in convert);
`locate` places table values by their labels; `narrative` reads metadata and
the narrative sections.  Nothing here imports Qt; heavy libraries (lxml,
pypdfium2) load only when a file of their kind is read.
"""
from __future__ import annotations

from pathlib import Path

from ...forms import FORMS, current_form, form_for_year
from .document import Document
from .errors import PublishedImportError
from .result import ImportResult, Kind, Note

SUFFIXES = (".html", ".htm", ".shtml", ".mht", ".mhtml", ".docx", ".pdf", ".doc", ".wps")
MAX_BYTES = 80 * 1024 * 1024  # a report with pictures stays well below this

__all__ = ["SUFFIXES", "ImportResult", "Kind", "Note", "PublishedImportError", "import_published",
           "import_published_bytes", "read_document"]


def read_document(data: bytes, name: str) -> Document:
    """The neutral document of a file's bytes; the type is sniffed, the name only helps."""
    lower = name.lower()
    if data.startswith(b"%PDF") or (lower.endswith(".pdf") and b"%PDF" in data[:1024]):
        from .pdf_reader import read_pdf

        return read_pdf(data, name)
    if data.startswith(b"PK\x03\x04"):
        from .docx_reader import read_docx

        return read_docx(data, name)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        from .convert import convert_legacy

        return convert_legacy(data, name)
    if lower.endswith((".doc", ".wps", ".docx", ".pdf")):
        raise PublishedImportError([f"“{name}”已损坏，或扩展名与内容不符，无法读取。"])
    from .html_reader import read_html

    return read_html(data, name, mhtml=lower.endswith((".mht", ".mhtml")))


def from_document(doc: Document) -> ImportResult:
    from .locate import Locator, detect_form
    from .narrative import closing_date, narrative, title_metadata

    label_form, _ = detect_form(doc, FORMS)
    result = ImportResult(doc.name, doc.kind, label_form or current_form())
    for line in doc.notes:
        result.note(Kind.READ, line)
    title_metadata(doc, result)
    year_form = None
    if result.year is not None:
        try:
            year_form = form_for_year(result.year)
        except ValueError:
            year_form = None
    if label_form is not None:
        if year_form is not None and year_form is not label_form:
            result.note(Kind.FORMAT, f"表格使用的是{label_form.short_name}，而{result.year}年度的报告应使用"
                                     f"{year_form.short_name}：已按表格实际使用的格式导入。")
    elif year_form is not None:
        result.form = year_form
        result.note(Kind.FORMAT, f"表格中没有足以区分两种格式的栏目名称，按报告年度使用{year_form.short_name}。")
    else:
        result.note(Kind.FORMAT, f"无法从表格或标题判断报告格式，按{result.form.short_name}导入。")
    if result.year is None:
        result.note(Kind.FORMAT, "标题中没有找到报告年度，请在“基本信息”中填写。")
    if not result.agency:
        result.note(Kind.FORMAT, "标题中没有找到机关名称，请在“基本信息”中填写。")
    Locator(doc, result).run()
    result.note_blank_totals()
    end = closing_date(doc, result)
    narrative(doc, result, result.form, end)
    if not result.inputs and not result.reported_totals and not any(result.texts.values()):
        raise PublishedImportError([
            f"“{doc.name}”中没有找到政府信息公开工作年度报告的表格和正文，可能不是年度报告，或是扫描件。"])
    return result


def import_published_bytes(data: bytes, name: str) -> ImportResult:
    if len(data) > MAX_BYTES:
        raise PublishedImportError([f"“{name}”过大（{len(data) // 1048576} MB），不像是一份年度报告。"])
    return from_document(read_document(data, name))


def import_published(path: Path | str) -> ImportResult:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PublishedImportError([f"“{path.name}”过大（{size // 1048576} MB），不像是一份年度报告。"])
        data = path.read_bytes()
    except FileNotFoundError:
        raise PublishedImportError([f"找不到文件“{path}”。"]) from None
    except IsADirectoryError:
        raise PublishedImportError([f"“{path}”是一个文件夹。"]) from None
    except OSError as exc:
        raise PublishedImportError([f"无法读取“{path.name}”（{exc.strerror or exc}）。"]) from None
    return import_published_bytes(data, path.name)
