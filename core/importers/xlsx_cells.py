"""The cells of an .xlsx as the attachment importer reads them, straight from the sheet XML.

openpyxl's load_workbook builds a styled object for every cell and, for every
merged range, restyles the borders of the cells it covers: ~70 % of an
attachment's import, and 200 attachments took ~19 s (issue 16).  The importer
needs, per sheet, only: each cell's value as openpyxl gives it with
data_only=True, its number format (a 万元 unit may be a format), whether it
holds a formula and that formula's text (a script-written workbook has no
cached results), and which cells a merge covers (openpyxl blanks them).

This module reads exactly that with the standard library's parser (the one
openpyxl uses), after xlsx_guard bounded the archive; xlsx_parts reads the
workbook-level parts and checks every part for a DTD again just before it is
parsed.  Each cell type follows openpyxl's rules (worksheet/_reader.py) so
that both readers agree, except for East Asian built-in dates
(xlsx_parts.EAST_ASIAN_DATES); tests compare them cell by cell.  Errors are
left to the caller, which turns them into "not a valid Excel file".
"""
from __future__ import annotations

import zipfile
from functools import lru_cache
from io import BytesIO
from typing import Any
from xml.etree.ElementTree import Element

from openpyxl.formula.translate import Translator
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter, range_boundaries
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel, from_ISO8601

from .xlsx_guard import MAX_CELLS, check_sheet_size, too_big
from .xlsx_parts import local_name, ns_of, number_formats, parse_part, relationships, shared_strings, string_text

Coord = tuple[int, int]
_Formula = tuple[str | None, str | None, str | None]  # <f t="…" si="…">text</f>

# Covered cells blanked over all merges of a sheet: an attachment has a few
# hundred; a hostile "A1:XFD1048576" must not walk 17 billion cells.
MAX_MERGE_WORK = 500_000


class TooComplex(Exception):
    """The sheet's merged ranges would take unbounded work to apply."""


class Sheet:
    """One worksheet: values, number formats and formulas by (row, column), 1-based."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.values: dict[Coord, Any] = {}
        self.styles: dict[Coord, int] = {}
        self.formulas: dict[Coord, _Formula] = {}
        self.shared: dict[str, tuple[str, str]] = {}  # si -> (formula, coordinate) of its first cell
        self.formats: list[str | None] = []  # number format by style index (the workbook's)
        self.max_row = self.max_column = 0

    def value(self, row: int, column: int) -> Any:
        return self.values.get((row, column))

    def number_format(self, row: int, column: int) -> str:
        style = self.styles.get((row, column), 0)
        fmt = self.formats[style] if 0 <= style < len(self.formats) else None
        return fmt or "General"

    def has_formula(self, row: int, column: int) -> bool:
        return (row, column) in self.formulas

    def formula(self, row: int, column: int) -> str | None:
        """The text ("=…") of the cell's formula as openpyxl gives it with data_only=False;
        None without a formula or for a data-table formula, which has no text."""
        found = self.formulas.get((row, column))
        if found is None:
            return None
        kind, text, si = found
        if kind == "dataTable":
            return None
        value = "=" + (text or "")
        if kind == "shared" and not text and si in self.shared:
            # only the first cell of a shared formula holds its text; the others are translated
            master, origin = self.shared[si]
            try:
                translated: str = Translator(master, origin).translate_formula(f"{get_column_letter(column)}{row}")
            except Exception:  # noqa: BLE001 - a malformed formula (an unclosed string…) cannot be moved
                return value  # "=": refused by the caller as a formula without a result
            return translated
        return value


class Book:
    def __init__(self, sheets: list[Sheet]) -> None:
        self.worksheets = sheets

    @property
    def sheetnames(self) -> list[str]:
        return [ws.title for ws in self.worksheets]

    def sheet(self, title: str) -> Sheet | None:
        return next((ws for ws in self.worksheets if ws.title == title), None)


def _cast_number(text: str) -> int | float:
    return float(text) if "." in text or "E" in text or "e" in text else int(text)


class _Styles:
    def __init__(self, formats: list[str | None], dates: set[int], durations: set[int], epoch: Any) -> None:
        self.formats, self.dates, self.durations, self.epoch = formats, dates, durations, epoch


def _cell_value(kind: str, text: str | None, inline: Element | None, ns: str, style: int, strings: list[str],
                styles: _Styles) -> Any:
    """The value openpyxl gives a cell with data_only=True (a formula's cached result) from the
    cell's type, the text of its first <v> and its first <is>."""
    if kind == "inlineStr":
        return string_text(inline, ns) if inline is not None else None
    if not text:
        return None
    if kind == "n":
        number = _cast_number(text)
        if style not in styles.dates:
            return number
        try:
            return from_excel(number, styles.epoch, timedelta=style in styles.durations)
        except (OverflowError, ValueError):
            return "#VALUE!"  # a date-formatted serial outside the calendar: openpyxl's error value
    if kind == "s":
        return strings[int(text)]
    if kind == "b":
        return bool(int(text))
    if kind == "d":
        return from_ISO8601(text)
    return text  # "str" (a formula's text result), "e" (an error such as #DIV/0!)


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if not value.is_integer():
            raise
        return int(value)


@lru_cache(maxsize=4096)
def _coordinate(ref: str) -> Coord:
    """(row, column) of "B12": the same few hundred references recur in every attachment."""
    at: Coord = coordinate_to_tuple(ref)
    return at


def _read_cells(ws: Sheet, data: Element, ns: str, strings: list[str], styles: _Styles) -> int:
    """Fill `ws` from <sheetData>; returns the number of cells read."""
    row_tag, cell_tag, v_tag, f_tag, is_tag = ns + "row", ns + "c", ns + "v", ns + "f", ns + "is"
    values, cell_styles, formulas = ws.values, ws.styles, ws.formulas
    row_no = count = max_row = max_col = 0
    for row in data:
        if row.tag != row_tag:
            continue
        r = row.get("r")
        row_no = _row_number(r) if r is not None else row_no + 1
        col_no = 0
        for c in row:
            if c.tag != cell_tag:
                continue
            count += 1
            ref = c.get("r")
            if ref:
                at = _coordinate(ref)
                col_no = at[1]
            else:  # a writer may leave out the references: cells then follow each other
                col_no += 1
                at = (row_no, col_no)
            max_row, max_col = max(max_row, at[0]), max(max_col, at[1])
            s = c.get("s")
            style = int(s) if s else 0
            text: str | None = None
            f = inline = None
            seen_v = False
            for child in c:  # one pass over <v>, <f>, <is>; the first of each counts (find/findtext)
                tag = child.tag
                if tag == v_tag and not seen_v:
                    text, seen_v = child.text, True
                elif tag == f_tag and f is None:
                    f = child
                elif tag == is_tag and inline is None:
                    inline = child
            value = _cell_value(c.get("t", "n"), text, inline, ns, style, strings, styles)
            # Cells are set or cleared so that a repeated reference keeps only the last, as in openpyxl.
            _put(values, at, value)
            _put(cell_styles, at, style or None)
            if f is None:
                formulas.pop(at, None)
                continue
            kind, si = f.get("t"), f.get("si")
            formulas[at] = (kind, f.text, si)
            if kind == "shared" and f.text and si is not None and si not in ws.shared:
                ws.shared[si] = ("=" + f.text, ref or f"{get_column_letter(at[1])}{at[0]}")
    ws.max_row, ws.max_column = max(ws.max_row, max_row), max(ws.max_column, max_col)
    return count


def _put(cells: dict[Coord, Any], at: Coord, value: Any) -> None:
    if value is None:
        cells.pop(at, None)
    else:
        cells[at] = value


def _unmerge(ws: Sheet, root: Element, ns: str) -> None:
    """Blank the cells a merge covers (all but its top-left one), as openpyxl does."""
    merges = root.find(ns + "mergeCells")
    if merges is None:
        return
    work = 0
    tables = (ws.values, ws.styles, ws.formulas)
    known = set(ws.values) | set(ws.styles) | set(ws.formulas)
    for m in merges:
        ref = m.get("ref")
        if m.tag != ns + "mergeCell" or not ref:
            continue
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        if None in (min_col, min_row, max_col, max_row):
            continue  # whole rows or columns: openpyxl cannot merge those either
        area = (max_row - min_row + 1) * (max_col - min_col + 1)
        if area <= len(known):
            covered: Any = ((r, c) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1))
        else:  # a huge range over a small sheet: look at the cells there are
            covered = [(r, c) for r, c in known if min_row <= r <= max_row and min_col <= c <= max_col]
        work += min(area, len(known))
        if work > MAX_MERGE_WORK:
            raise TooComplex
        for at in covered:
            if at != (min_row, min_col):
                for table in tables:
                    table.pop(at, None)


def read_book(data: bytes, name: str) -> Book:
    """The worksheets of an .xlsx (chart sheets and missing parts left out, as openpyxl does)."""
    with zipfile.ZipFile(BytesIO(data)) as z:
        top = relationships(z, "", name)
        main = next((part for kind, part in top.values() if kind.endswith("/officeDocument")), "xl/workbook.xml")
        workbook = parse_part(z, main, name)
        ns = ns_of(workbook.tag)
        rels = relationships(z, main, name)
        by_kind = {kind.rpartition("/")[2]: part for kind, part in rels.values()}
        strings: list[str] = []
        if by_kind.get("sharedStrings") in z.NameToInfo:
            strings = shared_strings(parse_part(z, by_kind["sharedStrings"], name))
        formats: tuple[list[str | None], set[int], set[int]] = ([], set(), set())
        if by_kind.get("styles") in z.NameToInfo:
            formats = number_formats(parse_part(z, by_kind["styles"], name))
        pr = workbook.find(ns + "workbookPr")
        epoch = MAC_EPOCH if pr is not None and pr.get("date1904") in ("1", "true") else WINDOWS_EPOCH
        styles = _Styles(*formats, epoch)
        sheets = []
        seen: set[str] = set()  # ten thousand entries naming one big part must not parse it ten thousand times
        cells = 0
        listed = workbook.find(ns + "sheets")
        for entry in listed if listed is not None else ():
            rid = next((v for k, v in entry.attrib.items() if k.startswith("{") and local_name(k) == "id"), None)
            kind, part = rels.get(rid or "", ("", ""))
            if not kind.endswith("/worksheet") or part not in z.NameToInfo or part in seen:
                continue
            seen.add(part)
            # check_archive capped sheets in xl/worksheets/; a relationship may point anywhere
            check_sheet_size(z.getinfo(part), name)
            root = parse_part(z, part, name)
            sns = ns_of(root.tag)
            ws = Sheet(entry.get("name", ""))
            ws.formats = styles.formats
            data_el = root.find(sns + "sheetData")
            if data_el is not None:
                cells += _read_cells(ws, data_el, sns, strings, styles)
                if cells > MAX_CELLS:
                    raise too_big(name, f"有超过{MAX_CELLS}个单元格")
            _unmerge(ws, root, sns)
            sheets.append(ws)
    return Book(sheets)
