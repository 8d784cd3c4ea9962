"""Reading the files units send and matching each to a roster unit.

A unit may send the app's draft (.ogir), the filled Excel attachment (.xlsx)
or its published report (web page, Word, PDF).  Each is read into a normal
Report; a file that cannot be read gives a Chinese message instead, never an
exception.  Matching uses the agency name inside the file: an exact match
(ignoring spaces and punctuation) is taken, a close one is proposed and needs
the user's confirmation, and the file name is the last resort."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING

from ..checks.findings import Finding
from ..file_search import TooManyFiles, find_files
from ..model.report import Report
from ..records import field, record
from .workspace import Unit, Workspace

if TYPE_CHECKING:
    from ..importers.published import ImportResult

DRAFT = "草稿"
EXCEL = "Excel附表"
PUBLISHED = "已发布的报告"
DRAFT_SUFFIXES = (".ogir",)
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
PUBLISHED_SUFFIXES = (".html", ".htm", ".shtml", ".mht", ".mhtml", ".docx", ".pdf", ".doc", ".wps")
SUFFIXES = DRAFT_SUFFIXES + EXCEL_SUFFIXES + PUBLISHED_SUFFIXES
MAX_FILES = 5000
FUZZY = 0.8  # a name at least this similar is proposed (never taken without confirmation)


@record(frozen=False)
class Reading:
    """What one file holds, as far as 汇总 needs it."""

    path: str
    kind: str  # DRAFT / EXCEL / PUBLISHED
    report: Report | None = None
    problem: str = ""  # why the file could not be read (Chinese)
    notes: list[str] = field(default_factory=list)  # how it was read (fuzzy labels, cleaned characters)
    modified: str = ""  # file date, "YYYY-MM-DD HH:MM"
    mtime: float = 0.0
    findings: list[Finding] | None = None  # the checks of `report`, run once (status.findings_of)
    imported: ImportResult | None = None  # a published report: the importer's result, for its review
    digest: str = ""  # a published report: SHA-256 of the file as read (what a review applies to)

    @property
    def agency(self) -> str:
        return self.report.meta.agency if self.report is not None else ""


def kind_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(DRAFT_SUFFIXES):
        return DRAFT
    if name.endswith(EXCEL_SUFFIXES):
        return EXCEL
    return PUBLISHED


def gather(paths: Iterable[Path | str]) -> tuple[list[Path], list[str]]:
    """The report files among files and folders (searched recursively, sorted), and what was skipped."""
    try:
        found = find_files(paths, SUFFIXES, MAX_FILES)
    except TooManyFiles:
        from .errors import ConsolidationError

        raise ConsolidationError(f"文件过多（超过{MAX_FILES}个），请只选择各单位报送的文件。") from None
    return found.files, ([f"{p.name}（不是草稿、Excel附表或已发布的报告）" for p in found.wrong_type]
                         + [f"{p}（不存在）" for p in found.missing])


def read_file(path: Path | str) -> Reading:
    """Read one unit's file; failures become `problem`, never an exception."""
    path = Path(path)
    kind = kind_of(path)
    out = Reading(str(path), kind)
    try:
        out.mtime = path.stat().st_mtime
        out.modified = datetime.fromtimestamp(out.mtime).strftime("%Y-%m-%d %H:%M")
    except OSError:
        out.problem = f"找不到文件“{path}”。"
        return out
    try:
        if kind == DRAFT:
            from ..storage import DraftError, load

            try:
                out.report = load(path)
            except DraftError as exc:
                out.problem = str(exc)
        elif kind == EXCEL:
            from ..importers.errors import XlsxImportError
            from ..importers.xlsx import import_xlsx

            try:
                out.report = import_xlsx(path)
            except XlsxImportError as exc:
                out.problem = str(exc)
        else:
            import hashlib

            from ..importers.published import MAX_BYTES, PublishedImportError, import_published_bytes

            try:
                if path.stat().st_size > MAX_BYTES:
                    raise PublishedImportError([f"“{path.name}”过大，不像是一份年度报告。"])
                data = path.read_bytes()
                out.digest = hashlib.sha256(data).hexdigest()  # what a review of this file applies to
                result = import_published_bytes(data, path.name)
                out.imported = result
                out.report = result.to_report()
                out.notes = [n.message for n in result.problems][:20]
                if result.year is None:
                    out.problem = f"“{path.name}”中没有找到报告年度。"
            except PublishedImportError as exc:
                out.problem = str(exc)
    except Exception as exc:  # a damaged file must not stop the collection of the others
        out.report = None
        out.problem = f"“{path.name}”无法读取（{type(exc).__name__}），文件可能已损坏。"
    if out.report is not None:
        out.notes.extend(out.report.notices)
    return out


_NOISE = re.compile(r"[\s\u3000·・,，.。、:：;；()（）\[\]【】〔〕<>《》\"'“”‘’_\-—–]")
_TITLE = re.compile(r"(\d{4}年度?)?政府信息公开(工作)?年度?报告.*$|\d{4}年度?$")


def normalise(name: str) -> str:
    """A name as compared: no spaces or punctuation, no report title after it."""
    text = _NOISE.sub("", name)
    return _TITLE.sub("", text)


def abbreviates(short: str, name: str) -> bool:
    """Whether `short` is a customary short form of `name` (both normalised): its characters appear in
    `name` in order, e.g. 县科技局 for 某某县科学技术局, 人社局 for 人力资源和社会保障局, 卫健委 for 卫生健康委员会."""
    if len(short) < 3 or len(short) >= len(name):
        return False
    if name.startswith(short):  # 城关镇 for 城关镇人民政府
        return True
    if short[-1] not in name[-4:]:  # the kind of body (局, 委, 办, 镇) ends both names
        return False
    rest = iter(name)
    return all(ch in rest for ch in short)


@record
class Match:
    unit: str  # roster name, "" when nothing fits
    how: str  # "exact" or "fuzzy"
    score: float


class Matcher:
    """Names of a roster, indexed once: exact lookups are a dict hit, and only
    a name without an exact match is compared with every unit."""

    def __init__(self, units: Iterable[Unit]) -> None:
        self.names = [(normalise(u.name), u.name) for u in units]
        self.exact = {key: name for key, name in reversed(self.names) if key}

    def match(self, name: str) -> Match:
        """The roster unit `name` denotes: exact (after normalising) or the closest
        fuzzy candidate when at least FUZZY similar or one name contains the other."""
        key = normalise(name)
        if not key:
            return Match("", "", 0.0)
        if key in self.exact:
            return Match(self.exact[key], "exact", 1.0)
        best = Match("", "", 0.0)
        # a short form (人社局) is proposed when it fits one roster name only
        short_of = [unit for other, unit in self.names if abbreviates(key, other)]
        for other, unit in self.names:
            score = 0.0
            if len(other) >= 4 and len(key) >= 4 and (other in key or key in other):
                score = FUZZY
            elif short_of == [unit]:
                score = FUZZY
            m = SequenceMatcher(None, key, other, autojunk=False)
            if m.real_quick_ratio() > max(score, best.score) and m.quick_ratio() > max(score, best.score):
                score = max(score, m.ratio())
            if score > best.score:
                best = Match(unit, "fuzzy", score)
        return best if best.score >= FUZZY else Match("", "", best.score)

    def reading(self, reading: Reading) -> Match:
        """By the agency name inside the file, then (fuzzy only) by the file name."""
        by_agency = self.match(reading.agency)
        if by_agency.how == "exact":
            return by_agency
        by_name = self.match(Path(reading.path).stem)
        if by_name.unit and by_name.score > by_agency.score:
            return Match(by_name.unit, "fuzzy", by_name.score)
        return by_agency


def match_name(name: str, units: Iterable[Unit]) -> Match:
    return Matcher(units).match(name)


def assign(ws: Workspace, readings: dict[str, Reading]) -> None:
    """Match every collected file not matched by the user yet (exact and manual
    choices are kept; a fuzzy proposal stays "fuzzy" until confirmed)."""
    matcher = Matcher(ws.units)
    for entry in ws.files:
        if entry.how == "unassigned" or (entry.unit and entry.how in ("exact", "confirmed", "manual")
                                         and ws.unit(entry.unit) is not None):
            continue
        reading = readings.get(entry.path)
        if reading is None:
            continue
        m = matcher.reading(reading)
        entry.unit, entry.how = m.unit, m.how
