"""Autosave snapshots for crash recovery.

The window writes the open report every minute to its own file in the
application's data folder — never over the user's draft — and deletes it on a
normal close.  A snapshot still there at the next start belongs to a session
that died; the window then offers to restore it.  Which snapshots belong to a
live session is the window's business (it holds a lock file per session).
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

from ..model.report import Report
from ..records import record
from .atomic import atomic_write_bytes
from .draft import DRAFT_SUFFIX, dumps, loads
from .errors import DraftError

_PREFIX = "autosave-"
_SOURCE_KEY = "_recovery"


@record
class Snapshot:
    path: Path
    source: Path | None  # the draft it was a copy of, if it had been saved
    saved_at: float  # seconds since the epoch
    title: str

    @property
    def session(self) -> str:
        return self.path.stem[len(_PREFIX):]


class RecoveryStore:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def path_for(self, session: str) -> Path:
        return self.directory / f"{_PREFIX}{session}{DRAFT_SUFFIX}"

    def write(self, session: str, report: Report, source: Path | None) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        data = json.loads(dumps(report))
        data[_SOURCE_KEY] = {"source": str(source) if source else None, "saved_at": time.time()}
        path = self.path_for(session)
        atomic_write_bytes(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        return path

    def discard(self, session: str) -> None:
        self.path_for(session).unlink(missing_ok=True)

    def snapshots(self) -> list[Snapshot]:
        if not self.directory.is_dir():
            return []
        out = []
        for path in sorted(self.directory.glob(f"{_PREFIX}*{DRAFT_SUFFIX}")):
            try:
                data = json.loads(path.read_text("utf-8"))
                info = data.get(_SOURCE_KEY, {})
                meta = data.get("metadata", {})
                source = info.get("source")
                out.append(Snapshot(path, Path(source) if source else None, float(info.get("saved_at", 0)),
                                    f"{meta.get('agency', '')}{meta.get('year', '')}年度报告"))
            except (OSError, ValueError, AttributeError, TypeError):
                continue  # a damaged snapshot is useless; it is left for the user to delete
        return out

    @staticmethod
    def load(snapshot: Snapshot) -> Report:
        """The report of a snapshot, without the recovery bookkeeping."""
        report = loads(snapshot.path.read_bytes(), snapshot.path)
        report.extra.pop(_SOURCE_KEY, None)
        return report


def new_session_id() -> str:
    return f"{os.getpid()}-{int(time.time() * 1000)}"


__all__ = ["DraftError", "RecoveryStore", "Snapshot", "new_session_id"]
