"""The figures the charts are drawn from: one `YearData` per report year.

A chart input is a plain list of years, so that any source can feed it: the
report being edited, the `previous` chain of drafts each started from the year
before, published reports brought in by an importer, or a 汇总 workspace that
adds up many units.  Only input cells are needed; totals are recomputed from
the form, exactly as the report itself does.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..forms import get_form
from ..forms.schema import CellRef, Number
from ..model.report import PreviousYear, Report

MAX_YEARS = 5  # the request trend shows at most five years


@dataclass(frozen=True)
class YearData:
    """Every value cell of one year's report (totals included, blank as 0)."""

    year: int
    form_key: str
    values: Mapping[CellRef, Number]

    def number(self, ref: CellRef) -> Number:
        return self.values.get(ref, 0)


def year_data(year: int, form_key: str, inputs: Mapping[CellRef, Number]) -> YearData:
    """A year from its input cells, totals recomputed (cells the form lacks are ignored)."""
    report = Report("", year, get_form(form_key).key)
    cells = report.form.cells
    report.replace_all({ref: v for ref, v in inputs.items() if ref in cells and not cells[ref].computed})
    return YearData(year, report.meta.form_key, {ref: report.number(ref) for ref in cells})


def from_report(report: Report) -> YearData:
    return YearData(report.meta.year, report.meta.form_key, {ref: report.number(ref) for ref in report.form.cells})


def from_previous(previous: PreviousYear) -> YearData:
    return year_data(previous.year, previous.form_key, previous.inputs)


def history(current: YearData, earlier: Iterable[YearData] = ()) -> list[YearData]:
    """The years up to and including `current`, oldest first, at most MAX_YEARS.

    When a year appears twice the first one given wins (`current` first), so a
    caller lists its most trusted source first."""
    by_year: dict[int, YearData] = {current.year: current}
    for data in earlier:
        if data.year < current.year:
            by_year.setdefault(data.year, data)
    years = sorted(by_year)[-MAX_YEARS:]
    return [by_year[y] for y in years]


def _resolve(path: str, base: Path | None) -> Path | None:
    if not path:
        return None
    p = Path(path)
    candidates = [p] if p.is_absolute() else ([base / p] if base else []) + [p]
    if base is not None:
        candidates.append(base / p.name)  # the drafts were moved together into another folder
    for c in candidates:
        try:
            if c.is_file():
                return c
        except OSError:
            continue
    return None


def draft_chain(report: Report, draft_path: Path | str | None = None) -> list[YearData]:
    """Earlier years reachable from a draft: its `previous` snapshot, then the
    snapshots inside last year's draft file (if it can still be found), and so
    on, at most MAX_YEARS - 1 years.  A missing or unreadable file ends the
    chain quietly: the charts show the years that are available."""
    from ..storage import DraftError, load

    out: list[YearData] = []
    previous = report.previous
    base = Path(draft_path).parent if draft_path else None
    seen: set[int] = {report.meta.year}
    while previous is not None and len(out) < MAX_YEARS - 1 and previous.year not in seen:
        seen.add(previous.year)
        try:
            out.append(from_previous(previous))
        except (ValueError, KeyError):
            break  # a snapshot in a format this version does not know
        path = _resolve(previous.path, base)
        if path is None:
            break
        try:
            older = load(path)
        except DraftError:
            break
        if older.meta.year != previous.year:
            break  # the file was reused for another year since
        base = path.parent
        previous = older.previous
    return out
