"""Audit many published reports: import each, run every check, chain the same
agency's consecutive years (V7, V8, V11 through the cross-year rules) and find
paragraphs copied between agencies."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ..checks import run_checks
from ..checks.findings import Finding, Severity
from ..file_search import TooManyFiles, find_files
from ..importers.published import SUFFIXES, ImportResult, PublishedImportError, import_published
from ..model.report import PreviousYear, Report
from ..narrative import paragraphs
from ..records import field, record
from .copies import CopiedPair, Paragraph, copied_paragraphs

Progress = Callable[[int, int, str], None]  # (done, total, what is being done); may raise to cancel
MAX_FILES = 5000


@record(frozen=False)
class AuditEntry:
    path: Path
    result: ImportResult | None = None
    report: Report | None = None
    error: str = ""  # the file could not be read at all
    findings: list[Finding] = field(default_factory=list)
    previous: Path | None = None  # the same agency's report of the year before, when audited too

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if not f.is_error)

    @property
    def import_problems(self) -> int:
        # blank totals are counted once, as the error R-BLANK below, not again as an import problem
        return sum(1 for n in self.result.problems if n.kind != "total") if self.result is not None else 0


@record(frozen=False)
class AuditResult:
    entries: list[AuditEntry] = field(default_factory=list)
    copies: list[CopiedPair] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files given that are not reports (by type)


def collect_files(paths: Iterable[Path | str]) -> tuple[list[Path], list[str]]:
    """Report files among the given files and folders (folders searched recursively), sorted."""
    try:
        found = find_files(paths, SUFFIXES, MAX_FILES)
    except TooManyFiles:
        raise PublishedImportError([f"文件过多（超过{MAX_FILES}个），请分批审核。"]) from None
    return found.files, [str(p) for p in found.wrong_type] + [f"{p}（不存在）" for p in found.missing]


def _agency_key(agency: str) -> str:
    return "".join(agency.split())


def _chain_years(entries: list[AuditEntry]) -> None:
    by_agency: dict[tuple[str, int], AuditEntry] = {}
    for e in entries:
        if e.report is not None and e.report.meta.agency.strip():
            by_agency.setdefault((_agency_key(e.report.meta.agency), e.report.meta.year), e)
    for (agency, year), e in by_agency.items():
        before = by_agency.get((agency, year - 1))
        if before is None or before.report is None or e.report is None:
            continue
        prev = before.report
        e.report.previous = PreviousYear(str(before.path), prev.meta.year, prev.form.key,
                                         dict(prev.inputs), dict(prev.texts))
        e.previous = before.path


def _import_findings(entry: AuditEntry) -> list[Finding]:
    """Totals printed blank although their items are not all zero: the published
    table leaves the reader to add up (an error of the publication)."""
    result, report = entry.result, entry.report
    if result is None or report is None:
        return []
    out = []
    for ref, text in result.printed_blank.items():
        spec = report.form.cells[ref]
        if spec.computed and report.number(ref) != 0:
            label = f"{spec.row_label} / {spec.column_label}" if spec.row_label else spec.column_label
            shown = f"印为“{text}”" if text else "空白"
            out.append(Finding("R-BLANK", Severity.ERROR,
                               f"{report.form.table(ref[0]).name}“{label}”是总计，{shown}，而各项之和为{report.number(ref)}。",
                               report.form.section_of_table(ref[0]).key, (ref,), report.number(ref), None))
    return out


def run_audit(paths: Iterable[Path | str], progress: Progress | None = None) -> AuditResult:
    files, skipped = collect_files(paths)
    out = AuditResult(skipped=skipped)
    total = len(files) + 1
    for i, path in enumerate(files):
        if progress is not None:
            progress(i, total, f"正在读取 {path.name}")
        entry = AuditEntry(path)
        try:
            entry.result = import_published(path)
            entry.report = entry.result.to_report()
        except PublishedImportError as exc:
            entry.error = str(exc)
        out.entries.append(entry)
    if progress is not None:
        progress(len(files), total, "正在比对各报告")
    _chain_years(out.entries)
    paras: list[Paragraph] = []
    for n, e in enumerate(out.entries):
        if e.report is None:
            continue
        e.findings = _import_findings(e) + run_checks(e.report)
        group = _agency_key(e.report.meta.agency) or f"#{n}"
        for section, text in e.report.texts.items():
            paras.extend(Paragraph(n, group, section, p.text) for p in paragraphs(text))
    out.copies = copied_paragraphs(paras)
    if progress is not None:
        progress(total, total, "完成")
    return out
