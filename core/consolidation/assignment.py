"""The user's own decisions about collected files: which unit a file belongs
to (指定单位), taking a file off its unit (取消指定), and that a published
report's import review was checked (核对).  Kept in the workspace file
(Collected.how / Collected.reviewed, docs/consolidation-format.md)."""
from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

from .collect import Reading, abbreviates, normalise
from .errors import ConsolidationError
from .workspace import Collected, Workspace

KEEP_BOTH = "both"  # the unit keeps all its files; the newest counts (status.build_board), the others are listed
KEEP_NEW = "new"  # the file assigned now counts; the unit's other files are taken off it (unassigned)


def _entry(ws: Workspace, path: str) -> Collected:
    entry = ws.entry(path)
    if entry is None:
        raise ConsolidationError(f"“{Path(path).name}”不在本次汇总收集的文件中。")
    return entry


def similarity(a: str, b: str) -> float:
    """How alike two names are once normalised (0..1); one name inside the other, or a short form of it
    (人社局), counts as 0.8 at least."""
    x, y = normalise(a), normalise(b)
    if not x or not y:
        return 0.0
    score = SequenceMatcher(None, x, y, autojunk=False).ratio()
    if len(x) >= 2 and len(y) >= 2 and (x in y or y in x) or abbreviates(x, y) or abbreviates(y, x):
        score = max(score, 0.8)
    return score


def ranked_units(ws: Workspace, reading: Reading | None, path: str = "") -> list[tuple[str, float]]:
    """Every roster unit with how alike its name is to the file's agency name or file name,
    most alike first (ties in roster order): the list 指定单位 offers."""
    names = [n for n in ((reading.agency if reading is not None else ""), Path(path).stem) if n]
    scored = [(u.name, max((similarity(u.name, n) for n in names), default=0.0)) for u in ws.units]
    order = {u.name: i for i, u in enumerate(ws.units)}
    return sorted(scored, key=lambda s: (-round(s[1], 3), order[s[0]]))


def other_files(ws: Workspace, path: str, unit: str) -> list[str]:
    """The files `unit` has besides `path` (the question 保留哪一份 is asked when there are some)."""
    return [f.path for f in ws.files if f.unit == unit and f.path != path]


def assign_file(ws: Workspace, path: str, unit: str, keep: str = KEEP_BOTH) -> list[str]:
    """Give the file to `unit` by hand (never re-matched by name afterwards).  With KEEP_NEW the
    unit's other files are taken off it; returns their paths."""
    entry = _entry(ws, path)
    if ws.unit(unit) is None:
        raise ConsolidationError(f"名单中没有“{unit}”。")
    if keep not in (KEEP_BOTH, KEEP_NEW):
        raise ValueError(keep)
    entry.unit, entry.how = unit, "manual"
    dropped = other_files(ws, path, unit) if keep == KEEP_NEW else []
    for p in dropped:
        unassign_file(ws, p)
    return dropped


def unassign_file(ws: Workspace, path: str) -> str:
    """Take a file off its unit; it stays listed among the unmatched files and is not matched by name
    again (the user said it does not belong there).  Returns the unit it had ("" if none)."""
    entry = _entry(ws, path)
    before = entry.unit
    entry.unit, entry.how = "", "unassigned"
    return before


def confirm_match(ws: Workspace, path: str) -> None:
    """Accept a fuzzy match (名称相近) as it was proposed."""
    entry = _entry(ws, path)
    if entry.how == "fuzzy" and entry.unit:
        entry.how = "confirmed"


def mark_reviewed(ws: Workspace, reading: Reading) -> None:
    """The user checked the import review of this published report: it counts from now on, as long
    as the file's content stays the same (a resent, changed file needs a new check)."""
    entry = _entry(ws, reading.path)
    if not reading.digest:
        raise ConsolidationError(f"“{Path(reading.path).name}”不是已读入的已发布报告，无需核对。")
    entry.reviewed = reading.digest


def unmark_reviewed(ws: Workspace, path: str) -> None:
    _entry(ws, path).reviewed = ""
