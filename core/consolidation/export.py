"""Exporting a 汇总: 本级汇总.ogir, 全行政区域汇总.ogir and 汇总.xlsx in one folder.

Everything is built in memory first (the slow part, with progress and a chance
to cancel between steps); only then are the three files written, each
atomically (core/storage/atomic), so a cancelled export leaves no file at all
and a failed one never a half-written file."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .sums import LOCAL, REGION

if TYPE_CHECKING:
    from .session import Consolidation

Progress = Callable[[int, int, str], None]  # (done, total, what); may raise to cancel
LOCAL_FILE = "本级汇总.ogir"
REGION_FILE = "全行政区域汇总.ogir"
WORKBOOK_FILE = "汇总.xlsx"
FILES = (LOCAL_FILE, REGION_FILE, WORKBOOK_FILE)


def export_all(c: Consolidation, folder: Path | str, progress: Progress | None = None) -> list[Path]:
    """Write the three files into `folder`; returns their paths.  Raises DraftError or ExportError
    (Chinese messages) when a file cannot be written, or whatever `progress` raises to cancel."""
    from ..export.files import write_output
    from ..storage import save
    from .workbook import build_bytes

    assert c.sums is not None, "nothing to export: the caller checks c.sums"
    step: Progress = progress or (lambda done, total, text: None)
    folder = Path(folder)
    reports = {LOCAL_FILE: c.sums.report(LOCAL), REGION_FILE: c.sums.report(REGION)}
    workbook = build_bytes(c, step)
    step(1, 1, "正在保存文件")  # the last chance to cancel: from here on the files are written
    paths = []
    for name, report in reports.items():
        save(report, folder / name)
        paths.append(folder / name)
    write_output(folder / WORKBOOK_FILE, workbook)
    paths.append(folder / WORKBOOK_FILE)
    return paths
