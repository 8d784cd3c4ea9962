"""Read a .docx table back into grid positions, from the raw XML."""
from __future__ import annotations

from docx.oxml.ns import qn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def tc_text(tc) -> str:
    return "".join(t.text or "" for t in tc.iter(qn("w:t")))


def read_grid(tbl):
    """(row, grid col) -> dict(text, colspan, vmerge, width, fonts) for every w:tc."""
    cells = {}
    for r, tr in enumerate(tbl.iterchildren(qn("w:tr"))):
        c = 0
        for tc in tr.iterchildren(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            span_el = pr.find(qn("w:gridSpan"))
            span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
            vm = pr.find(qn("w:vMerge"))
            vmerge = None if vm is None else (vm.get(qn("w:val")) or "continue")
            width = pr.find(qn("w:tcW"))
            fonts = [f.get(qn("w:eastAsia")) for f in tc.iter(qn("w:rFonts"))]
            cells[(r, c)] = {
                "text": tc_text(tc), "colspan": span, "vmerge": vmerge,
                "width": int(width.get(qn("w:w"))) if width is not None else None, "fonts": fonts,
            }
            c += span
    return cells


def rowspan(cells, r, c) -> int:
    if cells[(r, c)]["vmerge"] != "restart":
        return 1
    n = 1
    while (r + n, c) in cells and cells[(r + n, c)]["vmerge"] == "continue":
        n += 1
    return n
