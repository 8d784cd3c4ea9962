"""PDF files with a text layer into the neutral document (pypdfium2, no OCR).

Characters and their boxes come from PDFium.  Ruled tables are rebuilt from
the page's thin path objects (table borders): a character belongs to the cell
bounded by the nearest rules around it, so a label wrapped over two lines
stays one cell and its values stay on its row even when they are centred
vertically.  Text outside ruled areas is grouped into lines; a line with wide
gaps becomes a row of cells (borderless tables), other lines are joined into
paragraphs.  A table continued on the next page is simply more rows.
"""
from __future__ import annotations

import ctypes
import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from .document import Cell, Document, Row
from .errors import PublishedImportError
from .text import looks_like_value

RULE = 2.5  # thicker than this is not a border line
_PAGE_NUMBER = re.compile(r"^[-—－–\s]*\d{1,3}[-—－–\s]*$")


class _Char:
    __slots__ = ("ch", "cx", "cy", "x0", "x1", "y0", "y1")

    def __init__(self, ch: str, x0: float, x1: float, y0: float, y1: float) -> None:
        self.ch, self.x0, self.x1, self.y0, self.y1 = ch, x0, x1, y0, y1
        self.cx, self.cy = (x0 + x1) / 2, (y0 + y1) / 2


def _chars(textpage: Any, raw: Any) -> list[_Char]:
    n = raw.FPDFText_CountChars(textpage)
    out = []
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for i in range(n):
        code = raw.FPDFText_GetUnicode(textpage, i)
        if code <= 32 or code in (0xA0, 0x3000, 0xFFFE, 0xFFFF) or raw.FPDFText_IsGenerated(textpage, i) == 1:
            continue
        if not raw.FPDFText_GetCharBox(textpage, i, left, right, bottom, top):
            continue
        out.append(_Char(chr(code), left.value, right.value, bottom.value, top.value))
    return out


def _rules(page: Any, raw: Any) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) border lines; a drawn
    rectangle contributes its four edges."""
    hs: list[tuple[float, float, float]] = []
    vs: list[tuple[float, float, float]] = []
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=4):
        x0, y0, x1, y1 = obj.get_bounds()
        w, h = x1 - x0, y1 - y0
        if h <= RULE and w > 4:
            hs.append(((y0 + y1) / 2, x0, x1))
        elif w <= RULE and h > 4:
            vs.append(((x0 + x1) / 2, y0, y1))
        elif w > 4 and h > 4 and w < 2000:
            hs += [(y0, x0, x1), (y1, x0, x1)]
            vs += [(x0, y0, y1), (x1, y0, y1)]
    return hs, vs


class _Rules:
    """Border lines sorted by position, so that the rules around a character
    are found by bisection instead of scanning every line of the page."""

    def __init__(self, hs: list[tuple[float, float, float]], vs: list[tuple[float, float, float]]) -> None:
        self.hs = sorted(hs)
        self.vs = sorted(vs)
        self.hy = [h[0] for h in self.hs]
        self.vx = [v[0] for v in self.vs]

    @staticmethod
    def _nearest(lines: list[tuple[float, float, float]], keys: list[float], at: float, across: float,
                 upward: bool) -> float | None:
        i = bisect_left(keys, at)
        indices = range(i, len(lines)) if upward else range(i - 1, -1, -1)
        for j in indices:
            pos, a, b = lines[j]
            if a - 1 <= across <= b + 1:
                return pos
        return None

    def cell_of(self, c: _Char) -> tuple[float, float, float, float] | None:
        """(top, bottom, left, right) of the ruled cell around a character, or None."""
        top = self._nearest(self.hs, self.hy, c.cy, c.cx, True)
        if top is None:
            return None
        bottom = self._nearest(self.hs, self.hy, c.cy, c.cx, False)
        if bottom is None:
            return None
        right = self._nearest(self.vs, self.vx, c.cx, c.cy, True)
        if right is None:
            return None
        left = self._nearest(self.vs, self.vx, c.cx, c.cy, False)
        if left is None:
            return None
        return top, bottom, left, right


def _lines(chars: list[_Char]) -> list[list[_Char]]:
    """Characters into lines by vertical overlap: punctuation sits high (“) or
    low (，) in the line but inside its extent; the next line does not overlap."""
    lines: list[tuple[list[_Char], list[float]]] = []
    for c in sorted(chars, key=lambda c: (-c.cy, c.x0)):
        if lines:
            last, (lo, hi) = lines[-1]
            overlap = min(c.y1, hi) - max(c.y0, lo)
            if overlap >= 0.5 * min(c.y1 - c.y0, hi - lo):
                last.append(c)
                if c.y1 - c.y0 > 0.6 * (hi - lo):
                    lines[-1] = (last, [min(lo, c.y0), max(hi, c.y1)])
                continue
        lines.append(([c], [c.y0, c.y1]))
    return [sorted(line, key=lambda c: c.x0) for line, _ in lines]


def _segments(line: list[_Char]) -> Iterator[list[_Char]]:
    size = max(c.y1 - c.y0 for c in line) or 10.0
    seg = [line[0]]
    for prev, c in itertools.pairwise(line):
        # Narrow value columns leave little more than a character's width between cells;
        # justified running text has far less (PDFium gives no space characters).
        if c.x0 - prev.x1 > max(0.9 * size, 6.0):
            yield seg
            seg = []
        seg.append(c)
    yield seg


class _PageReader:
    def __init__(self, doc: Document, page_no: int, origin: int) -> None:
        self.doc, self.page_no, self.origin = doc, page_no, origin
        self.items: list[tuple[float, Row]] = []  # (top y, row) to sort the page in reading order

    def cell(self, text: str, x0: float, x1: float) -> Cell:
        self.origin += 1
        return Cell(text, self.origin, x0, x1)

    def table_cells(self, cells: dict[tuple[float, float, float, float], list[_Char]],
                    hs: list[tuple[float, float, float]], vs: list[tuple[float, float, float]]) -> None:
        """Rows of a ruled table.  Each row is cut at the vertical rules that
        cross it, so a cell without text still takes its place (a blank cell),
        and a cell merged over several rows belongs to its first row."""
        if not cells:
            return
        texts = {box: "".join(c.ch for line in _lines(chars) for c in line) for box, chars in cells.items()}
        tops: list[float] = []
        for top, _b, _l, _r in sorted(texts, key=lambda b: -b[0]):
            if not tops or abs(tops[-1] - top) > 1.0:
                tops.append(top)
        table_left = min(b[2] for b in texts) - 1
        table_right = max(b[3] for b in texts) + 1
        for top in tops:
            row_boxes = [b for b in texts if abs(b[0] - top) <= 1.0]
            below = [y for y, a, b in hs if y < top - 1 and a < table_right and b > table_left]
            bottom = max(below) if below else min(b[1] for b in row_boxes)
            mid = (top + bottom) / 2
            xs = sorted({round(x, 1) for x, y0, y1 in vs
                         if y0 - 1 <= mid <= y1 + 1 and table_left <= x <= table_right})
            found: list[Cell] = []
            for a, b in itertools.pairwise(xs):
                if b - a < 2:
                    continue
                centre = (a + b) / 2
                box = next((bx for bx in row_boxes if bx[2] - 1 <= centre <= bx[3] + 1), None)
                found.append(self.cell(texts[box] if box is not None else "", a, b))
            if not any(c.text for c in found):
                found = [self.cell(texts[bx], bx[2], bx[3]) for bx in sorted(row_boxes, key=lambda bx: bx[2])]
            self.items.append((top, Row(tuple(found), 1000 + self.page_no, f"第{self.page_no}页")))

    def free_lines(self, chars: list[_Char]) -> None:
        lines = [(line, _unglue(list(_segments(line)))) for line in _lines(chars)]
        lines = [(ln, segs) for ln, segs in lines if not _PAGE_NUMBER.match("".join(c.ch for c in ln))]
        i = 0
        while i < len(lines):
            line, segs = lines[i]
            top = max(c.y1 for c in line)
            # Borderless table: a label wrapped over two lines puts the row's values, centred
            # vertically, on a line of their own just below its first line: join them.
            if i + 1 < len(lines) and _labels_only(segs) and _values_only(lines[i + 1][1]):
                below, below_segs = lines[i + 1]
                size = max(c.y1 - c.y0 for c in line)
                if line[0].cy - below[0].cy < 1.6 * size:
                    segs = segs + below_segs
                    i += 1
            table = None if len(segs) == 1 else 1000 + self.page_no
            cells = tuple(self.cell("".join(c.ch for c in seg), seg[0].x0, seg[-1].x1) for seg in segs)
            self.items.append((top, Row(cells, table, f"第{self.page_no}页")))
            i += 1


def _unglue(segs: list[list[_Char]]) -> list[list[_Char]]:
    """In a row of cells, a label running up to its value cell ("…仍不明确10",
    "行政规范性文件4"): the number at its end is the next cell, since no label
    of the forms ends in a number.  Running text (one segment) is left alone."""
    if len(segs) < 2:
        return segs
    out = []
    for seg in segs:
        k = len(seg)
        while k > 0 and (seg[k - 1].ch.isdigit() or seg[k - 1].ch in ",，."):
            k -= 1
        if 0 < k < len(seg) and seg[k].ch.isdigit() and "\u4e00" <= seg[k - 1].ch <= "\u9fff":
            out += [seg[:k], seg[k:]]
        else:
            out.append(seg)
    return out


def _text(seg: list[_Char]) -> str:
    return "".join(c.ch for c in seg)


def _labels_only(segs: list[list[_Char]]) -> bool:
    return len(segs) <= 3 and not any(looks_like_value(_text(s)) for s in segs)


def _values_only(segs: list[list[_Char]]) -> bool:
    return len(segs) >= 1 and all(looks_like_value(_text(s)) for s in segs)


def _join_paragraphs(rows: list[Row]) -> list[Row]:
    """Lines of running text into paragraphs: a line that starts indented, or
    follows a short line, starts a new paragraph."""
    text_rows = [r for r in rows if r.table is None]
    if not text_rows:
        return rows
    left = min(r.cells[0].x0 or 0 for r in text_rows)
    right = max(r.cells[-1].x1 or 0 for r in text_rows)
    out: list[Row] = []
    prev_full = False
    for r in rows:
        c = r.cells[0]
        # centred or right-aligned lines (title, signature, date) stand alone
        standalone = (c.x0 or 0) > left + 0.25 * (right - left)
        if standalone or r.table is not None or not out or out[-1].table is not None:
            out.append(r)
            prev_full = r.table is None and not standalone and (c.x1 or 0) >= right - 20
            continue
        indented = (c.x0 or 0) > left + 12
        if prev_full and not indented:
            last = out[-1]
            out[-1] = Row((Cell(last.cells[0].text + c.text, last.cells[0].origin, last.cells[0].x0, c.x1),),
                          None, last.where)
        else:
            out.append(r)
        prev_full = (c.x1 or 0) >= right - 20
    return out


def read_pdf(data: bytes, name: str) -> Document:
    import pypdfium2 as pdfium
    from pypdfium2 import raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PublishedImportError([f"“{name}”设有打开密码，请先解除密码再导入。"]) from None
        raise PublishedImportError([f"无法打开“{name}”：不是有效的 PDF 文件，或文件已损坏。"]) from None
    doc = Document(name, "pdf")
    rows: list[Row] = []
    n_chars = 0
    try:
        if len(pdf) > 300:
            raise PublishedImportError([f"“{name}”有{len(pdf)}页，不像是一份年度报告。"])
        origin = 0
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            chars = _chars(textpage.raw, raw)
            n_chars += len(chars)
            hs, vs = _rules(page, raw)
            reader = _PageReader(doc, i + 1, origin)
            cells: dict[tuple[float, float, float, float], list[_Char]] = {}
            free = []
            rules = _Rules(hs, vs)
            for c in chars:
                box = rules.cell_of(c) if hs and vs else None
                if box is None:
                    free.append(c)
                else:
                    cells.setdefault(box, []).append(c)
            reader.table_cells(cells, hs, vs)
            reader.free_lines(free)
            origin = reader.origin
            reader.items.sort(key=lambda item: -item[0])
            rows.extend(row for _, row in reader.items)
            textpage.close()
            page.close()
    finally:
        pdf.close()
    if n_chars < 20:
        raise PublishedImportError([(f"“{name}”没有文字层（可能是扫描件或图片），本软件不做文字识别（OCR）。"
                                    "请使用网页版或 Word 版报告，或手工录入。")])
    doc.rows = _join_paragraphs(rows)
    return doc
