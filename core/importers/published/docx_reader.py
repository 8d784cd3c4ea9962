"""Word documents (.docx) into the neutral document.

WordprocessingML is read directly (zip + lxml) rather than through
python-docx's table API, which repeats a merged cell at every grid position
and loses which positions are one cell: here horizontal merges (gridSpan),
vertical merges (vMerge restart/continue) and skipped leading columns
(gridBefore) give every grid position the cell it belongs to.
"""
from __future__ import annotations

import zipfile
from io import BytesIO
from typing import Any

from .document import Cell, Document, Row
from .errors import PublishedImportError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XML = 60 * 1024 * 1024  # a report is well below 5 MB of XML; refuse zip bombs


def _val(el: Any, path: str) -> str | None:
    found = el.find(path)
    if found is None:
        return None
    v = found.get(f"{W}val")
    return "" if v is None else str(v)


def _text(el: Any) -> str:
    out = []
    for node in el.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}p"):
        if node.tag == f"{W}t":
            out.append(node.text or "")
        elif node.tag == f"{W}tab":
            out.append(" ")
    return "".join(out)


class _Reader:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.origin = 0
        self.n_tables = 0

    def body(self, parent: Any) -> None:
        for child in parent:
            if child.tag == f"{W}p":
                text = _text(child).strip()
                if text:
                    self.doc.rows.append(Row((Cell(text, self.origin),), None, ""))
                    self.origin += 1
            elif child.tag == f"{W}tbl":
                self.table(child)
            elif child.tag in (f"{W}sdtContent", f"{W}customXml"):
                self.body(child)
            elif child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.body(content)

    def table(self, tbl: Any) -> None:
        self.n_tables += 1
        where = f"第{self.n_tables}个表格"
        above: dict[int, Cell] = {}  # grid column -> the cell of the row above, for vMerge continue
        rows: list[Row] = []
        for tr in tbl.iter(f"{W}tr"):
            if tr.getparent() is not tbl:
                continue  # rows of a nested table are part of their cell's text
            col = int(_val(tr, f"{W}trPr/{W}gridBefore") or 0)
            cells: list[Cell] = []
            current: dict[int, Cell] = {}
            for tc in tr.findall(f"{W}tc"):
                span = max(1, min(int(_val(tc, f"{W}tcPr/{W}gridSpan") or 1), 60))
                vmerge = _val(tc, f"{W}tcPr/{W}vMerge")
                if vmerge is not None and vmerge != "restart" and col in above:
                    cell = above[col]
                else:
                    cell = Cell(_text(tc).strip(), self.origin)
                    self.origin += 1
                for c in range(col, col + span):
                    current[c] = cell
                    cells.append(cell)
                col += span
            above = current
            if cells:
                rows.append(Row(tuple(cells), self.n_tables, f"{where}第{len(rows) + 1}行"))
        self.doc.rows.extend(rows)


def read_docx(data: bytes, name: str) -> Document:
    from lxml import etree

    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            info = z.getinfo("word/document.xml")
            if info.file_size > MAX_XML:
                raise PublishedImportError([f"“{name}”过大，不像是一份年度报告。"])
            xml = z.read(info)
            core = z.read("docProps/core.xml") if "docProps/core.xml" in z.namelist() else b""
    except (zipfile.BadZipFile, KeyError, OSError):
        raise PublishedImportError([f"无法打开“{name}”：不是有效的 Word 文档（.docx），或文件已损坏。"]) from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError:
        raise PublishedImportError([f"“{name}”已损坏：文档内容无法读取。"]) from None
    doc = Document(name, "docx")
    if core:
        try:
            title = etree.fromstring(core, parser).find("{http://purl.org/dc/elements/1.1/}title")
            doc.title = (title.text or "").strip() if title is not None else ""
        except etree.XMLSyntaxError:
            pass
    body = root.find(f"{W}body")
    if body is not None:
        _Reader(doc).body(body)
    return doc
