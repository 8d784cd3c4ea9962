"""The status board: one row per roster unit (received or missing, format,
errors, warnings, file date), plus the files no unit claims."""
from __future__ import annotations

from pathlib import Path

from ..checks import Finding, run_checks
from ..forms import Form, form_for_year
from ..records import field, record
from .collect import EXCEL, PUBLISHED, Reading
from .workspace import Collected, Unit, Workspace

RECEIVED = "已收到"
MISSING = "未收到"
UNREADABLE = "无法读取"
PENDING = "待确认"  # only a fuzzy match so far
NARRATIVE_BLANK = "V12"  # a narrative section left empty (core/checks/runner.py)
TO_REVIEW = "待核对"  # a published report read by machine, not yet checked by the user in the import review


@record(frozen=False)
class UnitStatus:
    unit: Unit
    state: str = MISSING
    reading: Reading | None = None  # the file used (the newest when several)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # the unit's other files, not used
    included: bool = False  # counted in the sums

    @property
    def kind(self) -> str:
        return self.reading.kind if self.reading is not None else ""

    @property
    def modified(self) -> str:
        return self.reading.modified if self.reading is not None else ""

    @property
    def path(self) -> str:
        return self.reading.path if self.reading is not None else ""

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)


@record(frozen=False)
class Board:
    year: int
    form: Form
    rows: list[UnitStatus] = field(default_factory=list)
    unmatched: list[Reading] = field(default_factory=list)  # files matched to no unit
    pending: list[tuple[Collected, Reading]] = field(default_factory=list)  # fuzzy matches to confirm

    def row(self, name: str) -> UnitStatus | None:
        for r in self.rows:
            if r.unit.name == name:
                return r
        return None

    @property
    def missing(self) -> list[str]:
        return [r.unit.name for r in self.rows if r.state == MISSING]

    @property
    def with_duplicates(self) -> list[str]:
        return [r.unit.name for r in self.rows if r.duplicates]

    @property
    def included_with_errors(self) -> list[str]:
        return [r.unit.name for r in self.rows if r.included and r.has_errors]

    @property
    def to_review(self) -> list[str]:
        return [r.unit.name for r in self.rows if r.state == TO_REVIEW]

    @property
    def excluded_with_errors(self) -> list[str]:
        return [r.unit.name for r in self.rows if r.state == RECEIVED and r.has_errors and not r.included]


def findings_of(reading: Reading) -> list[Finding]:
    """The checks of a file's report, run once per reading (cached on it)."""
    if reading.findings is None and reading.report is not None:
        reading.findings = run_checks(reading.report)
    return list(reading.findings or [])


def needs_review(reading: Reading, entry: Collected | None) -> bool:
    """A published report counts once the user checked its import review (of this very file content)."""
    return (reading.kind == PUBLISHED and reading.report is not None
            and (entry is None or not entry.reviewed or entry.reviewed != reading.digest))


def _judge(row: UnitStatus, reading: Reading, year: int, form: Form, entry: Collected | None) -> None:
    report = reading.report
    if report is None:
        row.state = UNREADABLE
        row.errors.append(reading.problem or "文件无法读取。")
        return
    row.state = TO_REVIEW if needs_review(reading, entry) else RECEIVED
    if reading.problem:
        row.errors.append(reading.problem)
    if report.meta.year != year:
        row.errors.append(f"报告年度为{report.meta.year}年，而本次汇总的是{year}年度。")
    if report.form.key != form.key:
        row.errors.append(f"使用的是{report.form.short_name}，而{year}年度的报告应使用{form.short_name}。")
    row.findings = findings_of(reading)
    if reading.kind == EXCEL:
        # The Excel attachment holds the tables only: "“一、总体情况”尚未填写" on every such unit is noise
        # that hides the warnings that matter on the board (the narrative comes with the published report).
        row.findings = [f for f in row.findings if f.rule != NARRATIVE_BLANK]
    row.errors.extend(f.message for f in row.findings if f.is_error)
    row.warnings.extend(f.message for f in row.findings if not f.is_error and f.is_open)
    row.warnings.extend(reading.notes)


def build_board(ws: Workspace, readings: dict[str, Reading]) -> Board:
    """The board of `ws` given the readings of its files (path -> Reading)."""
    form = form_for_year(ws.year)
    board = Board(ws.year, form)
    by_unit: dict[str, list[Reading]] = {}
    for entry in ws.files:
        reading = readings.get(entry.path)
        if reading is None:
            continue
        if not entry.unit or ws.unit(entry.unit) is None:  # "unassigned" by the user too
            board.unmatched.append(reading)
        elif entry.how == "fuzzy":
            board.pending.append((entry, reading))
        else:
            by_unit.setdefault(entry.unit, []).append(reading)
    include = set(ws.include_with_errors)
    for unit in ws.units:
        row = UnitStatus(unit)
        files = by_unit.get(unit.name, [])
        if files:
            # Several files for one unit: the newest counts (a corrected resend), the others are listed.
            files = sorted(files, key=lambda r: (r.report is not None, r.mtime))
            chosen = files[-1]
            row.duplicates = [r.path for r in files[:-1]]
            _judge(row, chosen, ws.year, form, ws.entry(chosen.path))
            row.reading = chosen
            if row.state == TO_REVIEW:
                row.warnings.insert(0, f"“{Path(chosen.path).name}”是已发布的报告，由软件识读，"
                                       "须打开“核对”确认识读结果后才纳入汇总。")
            if row.duplicates:
                names = "、".join(Path(p).name for p in row.duplicates)
                row.warnings.insert(0, f"收到{len(files)}份文件，使用最新的“{Path(chosen.path).name}”，"
                                       f"未使用：{names}。")
        elif any(e.unit == unit.name for e, _ in board.pending):
            row.state = PENDING
        row.included = row.state == RECEIVED and (not row.errors or unit.name in include)
        board.rows.append(row)
    return board
