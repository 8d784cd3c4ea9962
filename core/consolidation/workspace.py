"""The 汇总 workspace of one year: the roster of units and the files collected.

Only what the user decided is kept here (who is on the roster, which file
belongs to which unit, which units with errors are included anyway); what a
file contains is read again from the file (collect.py), so a unit that sends
a corrected file is simply re-read.
"""
from __future__ import annotations

from ..records import field, record

KINDS = ("部门", "乡镇街道", "下级政府", "其他")
# Where a unit counts when a list does not say: departments belong to the
# government's own level (本级); towns and lower governments only to the region.
DEFAULT_LOCAL = {"部门": True, "乡镇街道": False, "下级政府": False, "其他": True}


@record(frozen=False)
class Unit:
    name: str
    kind: str = "部门"
    local: bool = True  # counts in 本级 (the government and its departments)
    region: bool = True  # counts in 全行政区域 (本级 plus towns/streets and lower governments)
    contact: str = ""


@record(frozen=False)
class Collected:
    """A file given for the 汇总 and the unit it was matched to."""

    path: str
    unit: str = ""  # roster name; "" while unmatched
    # "exact", "fuzzy" (needs confirmation), "confirmed", "manual" (assigned by the user),
    # "unassigned" (the user took it off a unit: never matched again automatically)
    how: str = ""
    # A published report (web page, Word, PDF) is read by machine: it counts once the user has
    # checked the import review.  The SHA-256 of the file as checked; a changed file needs a new check.
    reviewed: str = ""


@record(frozen=False)
class Workspace:
    year: int
    name: str = ""  # the government doing the 汇总, e.g. 某某县人民政府
    units: list[Unit] = field(default_factory=list)
    files: list[Collected] = field(default_factory=list)
    # Units whose report has errors that the user chose to include anyway.
    include_with_errors: list[str] = field(default_factory=list)
    last_year: str = ""  # path of last year's workspace file, for the cross-year checks

    def unit(self, name: str) -> Unit | None:
        for u in self.units:
            if u.name == name:
                return u
        return None

    def entry(self, path: str) -> Collected | None:
        for f in self.files:
            if f.path == path:
                return f
        return None

    def files_of(self, name: str) -> list[Collected]:
        return [f for f in self.files if f.unit == name]

    def add_file(self, path: str) -> Collected:
        """The entry of `path`, added if new (adding a file twice keeps one entry)."""
        for f in self.files:
            if f.path == path:
                return f
        entry = Collected(path)
        self.files.append(entry)
        return entry

    def next_year(self) -> Workspace:
        """Next year's workspace started from this roster (units change with 机构改革:
        the user edits it), without files."""
        units = [Unit(u.name, u.kind, u.local, u.region, u.contact) for u in self.units]
        return Workspace(self.year + 1, self.name, units)
