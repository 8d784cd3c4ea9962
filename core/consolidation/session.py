"""One 汇总 run: read the collected files, match them, build the board, the sums
and the cross-unit checks.  Shared by the CLI and the window (which runs
`read` on a worker thread and the rest on the UI thread)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ..model.report import Report
from .collect import Reading, assign, gather, read_file
from .crosscheck import CrossFinding, cross_checks
from .errors import ConsolidationError
from .status import Board, build_board
from .sums import Sums
from .workspace import Workspace

Progress = Callable[[int, int, str], None]  # (done, total, what); may raise to cancel


def read_all(paths: Iterable[str], progress: Progress | None = None) -> dict[str, Reading]:
    paths = list(paths)
    out: dict[str, Reading] = {}
    for i, p in enumerate(paths):
        if progress is not None:
            progress(i, len(paths), f"正在读取 {Path(p).name}")
        out[p] = read_file(p)
    if progress is not None:
        progress(len(paths), len(paths), "读取完成")
    return out


def add_paths(ws: Workspace, paths: Iterable[Path | str]) -> list[str]:
    """Add files and folders to the workspace; returns what was skipped (Chinese)."""
    files, skipped = gather(paths)
    for f in files:
        ws.add_file(str(f))
    return skipped


class Consolidation:
    """The state the window and the CLI show: readings, board, sums, findings."""

    def __init__(self, ws: Workspace, readings: dict[str, Reading] | None = None,
                 last_year: dict[str, Report] | None = None) -> None:
        self.ws = ws
        self.readings: dict[str, Reading] = dict(readings or {})
        self.last_year = last_year or {}
        self.refresh()

    def refresh(self) -> None:
        """Match, judge and sum again (after the roster, the files or a choice changed)."""
        assign(self.ws, self.readings)
        self.board: Board = build_board(self.ws, self.readings)
        self.error = ""
        self.sums: Sums | None = None
        try:
            self.sums = Sums(self.ws, self.board)
        except ConsolidationError as exc:
            self.error = str(exc)
        self.findings: list[CrossFinding] = cross_checks(self.included_reports(), self.last_year)

    def included_reports(self) -> dict[str, Report]:
        return {r.unit.name: r.reading.report for r in self.board.rows
                if r.included and r.reading is not None and r.reading.report is not None}

    def replace_file(self, unit: str, reading: Reading) -> None:
        """A unit's new file: re-judges that unit and re-sums it alone (fast path)."""
        self.ws.add_file(reading.path)
        for f in self.ws.files:
            if f.path == reading.path:
                f.unit, f.how = unit, "manual"
        self.readings[reading.path] = reading
        old = {f.path for f in self.ws.files if f.unit == unit and f.path != reading.path}
        self.ws.files = [f for f in self.ws.files if f.path not in old]
        for p in old:
            self.readings.pop(p, None)
        self.board = build_board(self.ws, self.readings)
        row = self.board.row(unit)
        if self.sums is not None and row is not None:
            self.sums.included_with_errors = self.board.included_with_errors
            self.sums.replace(unit, reading.report if row.included else None)

    @property
    def has_errors(self) -> bool:
        """Whether an included unit has errors (the CLI's exit 1), or the sum is refused."""
        return bool(self.error) or any(r.included and r.has_errors for r in self.board.rows)


def last_year_reports(path: Path | str, progress: Progress | None = None) -> dict[str, Report]:
    """The reports each unit gave last year, from last year's workspace file."""
    from .storage import load

    last = load(path)
    readings = read_all([f.path for f in last.files], progress)
    assign(last, readings)
    board = build_board(last, readings)
    return {r.unit.name: r.reading.report for r in board.rows
            if r.reading is not None and r.reading.report is not None}
