"""The register as a report sees it: per-request analyses kept up to date
incrementally, the 表三 counts, drill-down and the findings.

An edit of one request costs one analysis and a few counter updates, so 表三
follows typing in a register of tens of thousands of requests.  Analyses are
cached by request object (requests are immutable), so inserting or removing
rows only re-adds counts.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from ..forms.schema import CellRef
from .analysis import Analysis, Context, analyse
from .choices import APPLICATIONS, applicant_keys, result_keys
from .deadlines import Deadline, deadline
from .register import Register, RegisterChange
from .request import Request
from .workdays import WorkCalendar


def table_cells(form_key: str) -> list[CellRef]:
    """Every input cell of 表三 that the register fills (all value columns but 总计)."""
    rows = ["new", "carried_over", *sorted(result_keys(form_key)), "carry_forward"]
    return [(APPLICATIONS, r, c) for r in rows for c in sorted(applicant_keys(form_key))]


class RegisterLive:
    def __init__(self, register: Register, year: int, form_key: str, today: date | None = None) -> None:
        self.register = register
        self.context = Context(year, form_key, today or date.today())
        self._pinned = today is not None  # tests and benchmarks fix "today"
        self.calendar = WorkCalendar(register.calendar)
        self._cache: dict[int, tuple[Request, Analysis]] = {}
        self._analyses: list[Analysis] = []
        self.counts: Counter[CellRef] = Counter()
        self._issue_rows: set[int] = set()
        # Requests per status and per finding rule, kept up to date by apply() so the
        # window's summary and the findings need not walk the whole register per edit.
        self.status_counts: Counter[str] = Counter()
        self.rule_counts: Counter[str] = Counter()
        self._ready = False
        # Findings made from each row's issues (see findings.py), by row index; an
        # entry holds the request it was made for and is rebuilt when that differs.
        self.finding_cache: dict[int, tuple[Request, bool, tuple[object, ...]]] = {}
        self._deadlines: dict[int, tuple[Request, Deadline | None]] = {}

    # --- keeping up -------------------------------------------------------------

    def _analysis(self, req: Request) -> Analysis:
        hit = self._cache.get(id(req))
        if hit is not None and hit[0] is req:
            return hit[1]
        a = analyse(req, self.context, self.calendar)
        self._cache[id(req)] = (req, a)
        return a

    def _rebuild(self) -> None:
        if len(self._cache) > 2 * len(self.register) + 1000:
            self._cache = {}
        self._analyses = [self._analysis(r) for r in self.register]
        self.counts = Counter(c for a in self._analyses for c in a.cells)
        self._issue_rows = {i for i, a in enumerate(self._analyses) if a.issues}
        self.status_counts = Counter(a.status for a in self._analyses)
        self.rule_counts = Counter(x.rule for a in self._analyses for x in a.issues)
        self.finding_cache = {}
        self._ready = True

    def ensure(self) -> None:
        if not self._ready:
            self._rebuild()

    def follow_today(self) -> None:
        """A window left open over midnight: statuses and due-soon warnings move on."""
        if not self._pinned and self.context.today != date.today():
            self.set_context(self.context.year, self.context.form_key, date.today())
            self._pinned = False

    def set_context(self, year: int, form_key: str, today: date | None = None) -> None:
        if today is not None:
            self._pinned = True
        ctx = Context(year, form_key, today or self.context.today)
        if ctx == self.context and self.calendar.overrides == self.register.calendar:
            return
        self.context = ctx
        self.calendar = WorkCalendar(self.register.calendar)
        self._cache = {}
        self._deadlines = {}
        self._ready = False

    def apply(self, change: RegisterChange) -> set[CellRef]:
        """Follow a register change; returns the 表三 cells whose counts changed."""
        before = dict(self.counts) if (change.structure or change.calendar or not self._ready) else None
        if change.calendar:
            self.calendar = WorkCalendar(self.register.calendar)
            self._cache = {}
            self._deadlines = {}
            self._ready = False
        if before is not None or not self._ready:
            self._rebuild()
            old = before or {}
            return {c for c in set(old) | set(self.counts) if old.get(c, 0) != self.counts.get(c, 0)}
        changed: set[CellRef] = set()
        for i in change.rows:
            old_a = self._analyses[i]
            new_a = self._analysis(self.register[i])
            self._analyses[i] = new_a
            self.status_counts[old_a.status] -= 1
            self.status_counts[new_a.status] += 1
            if old_a.issues or new_a.issues:
                self.rule_counts.subtract(x.rule for x in old_a.issues)
                self.rule_counts.update(x.rule for x in new_a.issues)
            if old_a.cells != new_a.cells:
                self.counts.subtract(old_a.cells)
                self.counts.update(new_a.cells)
                changed.update(old_a.cells)
                changed.update(new_a.cells)
            if new_a.issues:
                self._issue_rows.add(i)
            else:
                self._issue_rows.discard(i)
        return changed

    # --- reading ----------------------------------------------------------------------

    def analysis(self, index: int) -> Analysis:
        self.ensure()
        return self._analyses[index]

    def deadline(self, index: int) -> Deadline | None:
        """The request's deadline, computed now if the analysis skipped it."""
        a = self.analysis(index)
        if a.deadline is not None:
            return a.deadline
        req = self.register[index]
        hit = self._deadlines.get(id(req))
        if hit is None or hit[0] is not req:
            hit = (req, deadline(req, self.calendar, self.context.today))
            self._deadlines[id(req)] = hit
        return hit[1]

    def analyses(self) -> list[Analysis]:
        self.ensure()
        return self._analyses

    def table_values(self) -> dict[CellRef, int]:
        self.ensure()
        return {ref: self.counts.get(ref, 0) for ref in table_cells(self.context.form_key)}

    def requests_in(self, ref: CellRef, terms: Iterable[CellRef] = ()) -> list[int]:
        """Drill-down: indices of the requests counted in a cell (or in any of `terms`,
        for a computed total)."""
        self.ensure()
        wanted = {ref, *terms}
        return [i for i, a in enumerate(self._analyses) if not wanted.isdisjoint(a.cells)]

    def issue_rows(self) -> list[int]:
        self.ensure()
        return sorted(self._issue_rows)
