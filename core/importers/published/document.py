"""The neutral document every reader produces: an ordered list of rows.

A published report is read into rows of cells, whatever the file type: a table
row of a web page or Word document (merged cells expanded, so every grid
position knows the cell it belongs to), a line of a PDF's text layer split at
wide gaps, or a paragraph outside any table (one cell).  The locator then scans
rows in order, so a table split over several <table>s or PDF pages is simply a
run of rows, and no reader has to understand the report.
"""
from __future__ import annotations

from ...records import field, record


@record
class Cell:
    text: str
    origin: int  # id of the source cell; equal for every grid position a merged cell covers
    x0: float | None = None  # horizontal extent on the page (PDF only), for aligning columns
    x1: float | None = None


@record
class Row:
    cells: tuple[Cell, ...]
    table: int | None  # index of the source table (None: a paragraph outside tables)
    where: str = ""  # Chinese location for messages: 第3页, 第2个表格第5行

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.distinct())

    def distinct(self) -> tuple[Cell, ...]:
        """The row's cells with each merged cell once (the first position it covers)."""
        seen: set[int] = set()
        out = []
        for c in self.cells:
            if c.origin not in seen:
                seen.add(c.origin)
                out.append(c)
        return tuple(out)


@record(frozen=False)
class Document:
    name: str  # file name, for messages
    kind: str  # html, docx, pdf
    rows: list[Row] = field(default_factory=list)
    title: str = ""  # <title> of a web page, core title of a Word file
    notes: list[str] = field(default_factory=list)  # what the reader noticed (encoding, conversions)

    def paragraphs(self) -> list[str]:
        return [r.text for r in self.rows if r.table is None]


class GridBuilder:
    """Expands row/column spans of one source table into a grid of cells."""

    def __init__(self, table: int, where: str, next_origin: int) -> None:
        self.table = table
        self.where = where
        self.origin = next_origin
        self._grid: dict[tuple[int, int], Cell] = {}
        self._row = -1
        self._col = 0
        self.n_rows = 0

    def new_row(self) -> None:
        self._row += 1
        self._col = 0

    def add(self, text: str, rowspan: int = 1, colspan: int = 1) -> None:
        # Bounded: a broken page may claim rowspan="9999".
        rowspan = max(1, min(rowspan, 200))
        colspan = max(1, min(colspan, 60))
        while (self._row, self._col) in self._grid:
            self._col += 1
        cell = Cell(text, self.origin)
        self.origin += 1
        for r in range(self._row, self._row + rowspan):
            for c in range(self._col, self._col + colspan):
                self._grid.setdefault((r, c), cell)
        self._col += colspan

    def rows(self) -> list[Row]:
        if not self._grid:
            return []
        n_rows = self._row + 1
        out = []
        for r in range(n_rows):
            cols = sorted(c for (rr, c) in self._grid if rr == r)
            cells = tuple(self._grid[(r, c)] for c in cols)
            if cells:
                out.append(Row(cells, self.table, f"{self.where}第{r + 1}行"))
        return out
