"""What an import produced: the values, texts and metadata, and the import report."""
from __future__ import annotations

from typing import Any

from ...forms import Form
from ...forms.schema import CellRef, Number
from ...model.report import Report
from ...records import field, record


class Kind:
    """Kinds of import-report entries (plain strings, so they serialise as they are)."""

    FUZZY = "fuzzy"  # a cell placed through a label that is not printed exactly as declared
    MISSING = "missing"  # a declared cell not found in the document
    UNPLACED = "unplaced"  # something printed that could not be placed (or a value that is not a number)
    BLANK = "blank"  # a cell printed blank, or with a dash: imported as blank, not as 0
    UNIT = "unit"  # an amount whose unit was converted or assumed
    TOTAL = "total"  # a total printed blank or with a dash although its items are not all zero
    FORMAT = "format"  # how the format, year or agency was determined
    TEXT = "text"  # narrative: headings not found, prose kept aside
    READ = "read"  # what the file reader noticed (encoding, conversion)


LABELS = {
    Kind.FUZZY: "近似匹配", Kind.MISSING: "未找到", Kind.UNPLACED: "无法放入", Kind.BLANK: "空白或横线",
    Kind.UNIT: "单位", Kind.TOTAL: "总计空白", Kind.FORMAT: "格式与年度", Kind.TEXT: "正文", Kind.READ: "文件",
}


@record
class Note:
    kind: str
    message: str  # Chinese, names the place
    refs: tuple[CellRef, ...] = ()
    printed: str = ""  # the text as printed, when there is one

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message, "printed": self.printed,
                "cells": [list(r) for r in self.refs]}


@record(frozen=False)
class ImportResult:
    """A published report as read.  `to_report()` makes the draft."""

    source: str  # file name
    kind: str  # html, docx, pdf
    form: Form
    agency: str = ""
    year: int | None = None
    date: str = ""
    inputs: dict[CellRef, Number] = field(default_factory=dict)
    reported_totals: dict[CellRef, Number] = field(default_factory=dict)
    units: dict[CellRef, str] = field(default_factory=dict)
    # Cells printed blank or with a dash (text as printed, "" for blank): imported as blank.
    printed_blank: dict[CellRef, str] = field(default_factory=dict)
    fuzzy: dict[CellRef, str] = field(default_factory=dict)  # cell -> the label as printed
    texts: dict[str, str] = field(default_factory=dict)  # narrative section key -> text
    prose: dict[str, str] = field(default_factory=dict)  # table section key -> prose printed there
    notes: list[Note] = field(default_factory=list)

    def note(self, kind: str, message: str, refs: tuple[CellRef, ...] = (), printed: str = "") -> None:
        self.notes.append(Note(kind, message, refs, printed))

    def notes_of(self, *kinds: str) -> list[Note]:
        return [n for n in self.notes if n.kind in kinds]

    @property
    def problems(self) -> list[Note]:
        """Entries a person must look at: fuzzy matches, missing and unplaced cells, assumed units."""
        return self.notes_of(Kind.FUZZY, Kind.MISSING, Kind.UNPLACED, Kind.UNIT, Kind.TOTAL)

    def note_blank_totals(self) -> None:
        """A total printed blank (or "—") while its items add up to more than 0: the
        published table leaves its reader to do the sum.  Listed, since a blank
        total cannot be compared by the stated-total checks."""
        report = self.to_report()
        for ref, text in self.printed_blank.items():
            spec = self.form.cells[ref]
            if spec.computed and report.number(ref) != 0:
                label = f"{spec.row_label} / {spec.column_label}" if spec.row_label else spec.column_label
                shown = f"印为“{text}”" if text else "为空白"
                self.note(Kind.TOTAL, f"{self.form.table(ref[0]).name}“{label}”是总计，{shown}，而各项之和为"
                                      f"{report.number(ref)}。", (ref,), text)

    def to_report(self) -> Report:
        year = self.year if self.year is not None else self.form.first_year
        report = Report(self.agency, year, self.form.key, date=self.date)
        units = {ref: u for ref, u in self.units.items() if u != self.form.cells[ref].domain.units[0]}
        report.replace_all(self.inputs, self.reported_totals, units=units)
        for k, text in self.texts.items():
            if k in report.texts:
                report.set_text(k, text)
        return report

    def to_json(self) -> dict[str, Any]:
        def nest(values: dict[CellRef, Any]) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for (t, r, c), v in values.items():
                out.setdefault(t, {}).setdefault(r, {})[c] = v if isinstance(v, (int, str)) else float(v)
            return out

        return {
            "source": self.source, "kind": self.kind, "format": self.form.key,
            "metadata": {"agency": self.agency, "year": self.year, "date": self.date},
            "tables": nest(self.inputs), "reported_totals": nest(self.reported_totals),
            "units": nest(self.units),
            "cells_printed_blank_or_dash": [[t, r, c, text] for (t, r, c), text in self.printed_blank.items()],
            "sections": dict(self.texts), "prose": dict(self.prose),
            "notes": [n.to_json() for n in self.notes],
        }
