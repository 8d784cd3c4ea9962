"""Saved web pages (.html/.htm, simple .mhtml) into the neutral document.

Portal pages come in UTF-8 or GBK/GB18030 (older CMSs); the encoding is taken
from a byte-order mark or the meta charset, else UTF-8 is tried strictly and
GB18030 (a superset of GBK and GB2312) after it.  Layout tables that hold the
whole article (old CMSs nest the page in tables) are walked as containers; only
tables without nested tables and with more than two columns are data tables.
"""
from __future__ import annotations

import re
from typing import Any

from .document import Cell, Document, GridBuilder, Row
from .errors import PublishedImportError

_BLOCK = frozenset(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header", "footer", "center", "blockquote", "pre", "form", "dl", "dt", "dd", "hr", "address", "table", "tr", "caption", "figure", "main", "nav", "aside"])
_SKIP = frozenset(["script", "style", "noscript", "head", "iframe", "select", "option", "button", "template", "svg", "object"])
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "gb_2312-80", "euc-cn"}


def decode_html(data: bytes, name: str, notes: list[str]) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    m = _META_CHARSET.search(data[:8192])
    declared = m.group(1).decode("ascii").lower() if m else ""
    if declared in _GB:
        declared = "gb18030"
    if declared:
        try:
            return data.decode(declared)
        except LookupError:
            notes.append(f"网页声明的编码“{declared}”无法识别，已自动判断编码。")
        except UnicodeDecodeError:
            notes.append(f"网页声明的编码是“{declared}”，但内容与之不符，已自动判断编码。")
    for enc in ("utf-8", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc != "utf-8" or declared:
            notes.append(f"已按 {enc.upper()} 编码读取“{name}”。")
        return text
    notes.append(f"“{name}”的编码无法确定，部分文字可能显示为乱码。")
    return data.decode("utf-8", errors="replace")


def _mhtml_html(data: bytes, name: str) -> bytes:
    import email  # only for web archives: the email package costs ~70 ms to load
    import email.policy
    from email.message import EmailMessage

    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset()
                if charset and b"charset" not in payload[:4096].lower():
                    # Carry the part's charset into the page so decode_html sees it.
                    payload = f'<meta charset="{charset}">'.encode("ascii") + payload
                return payload
    raise PublishedImportError([f"“{name}”是网页存档（.mhtml），但其中没有网页正文。"])


def _span(el: Any, attr: str) -> int:
    m = re.match(r"\s*(\d+)", el.get(attr) or "")
    return int(m.group(1)) if m else 1


class _Walker:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.line: list[str] = []
        self.n_tables = 0
        self.origin = 0

    def flush(self) -> None:
        text = "".join(self.line).strip()
        self.line = []
        if text:
            self.doc.rows.append(Row((Cell(text, self.origin),), None, ""))
            self.origin += 1

    def walk(self, el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP or not tag:
            if el.tail:
                self.line.append(el.tail)
            return
        if tag == "table" and _is_data_table(el):
            self.flush()
            self.table(el)
        else:
            block = tag in _BLOCK or tag in ("td", "th")
            if block:
                self.flush()
            if tag == "br":
                self.flush()
            if el.text:
                self.line.append(el.text)
            for child in el:
                self.walk(child)
            if block:
                self.flush()
        if el.tail:
            self.line.append(el.tail)

    def table(self, table: Any) -> None:
        self.n_tables += 1
        grid = GridBuilder(self.n_tables, f"第{self.n_tables}个表格", self.origin)
        for tr in _own_rows(table):
            grid.new_row()
            for td in tr:
                if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                    continue
                grid.add(_cell_text(td), _span(td, "rowspan"), _span(td, "colspan"))
        self.origin = grid.origin
        self.doc.rows.extend(grid.rows())


def _own_rows(table: Any) -> list[Any]:
    """The table's rows, not those of tables nested in it."""
    out = []
    for child in table:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "tr":
            out.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            out.extend(c for c in child if isinstance(c.tag, str) and c.tag == "tr")
    return out


def _cell_text(td: Any) -> str:
    # Line breaks inside a cell are layout ("商业<br>企业"): joined without a space.
    parts = [t for t in td.itertext() if isinstance(t, str)]
    return re.sub(r"[\r\n\t]+", "", "".join(parts)).strip()


def _is_data_table(table: Any) -> bool:
    if table.find(".//table") is not None:
        return False
    rows = _own_rows(table)
    widths = [sum(_span(td, "colspan") for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th"))
              for tr in rows]
    return bool(widths) and max(widths) > 2


def read_html(data: bytes, name: str, mhtml: bool = False) -> Document:
    from lxml import etree
    from lxml import html as lxml_html  # lxml comes with python-docx; loaded only when importing

    doc = Document(name, "html")
    if mhtml or data.lstrip()[:40].lower().startswith((b"mime-version", b"from:")):
        data = _mhtml_html(data, name)
    text = decode_html(data, name, doc.notes)
    if not text.strip():
        raise PublishedImportError([f"“{name}”是空文件。"])
    # lxml refuses str input that carries an XML encoding declaration (XHTML pages).
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml_html.document_fromstring(text)
    except (ValueError, etree.ParserError):  # what lxml raises on garbage
        raise PublishedImportError([f"“{name}”不是可以读取的网页文件。"]) from None
    title = root.find(".//title")
    if title is not None and title.text_content():
        doc.title = title.text_content().strip()
    body = root.find("body")
    walker = _Walker(doc)
    try:
        walker.walk(body if body is not None else root)
    except RecursionError:
        raise PublishedImportError([f"“{name}”的网页结构嵌套过深，无法读取。"]) from None
    walker.flush()
    return doc
