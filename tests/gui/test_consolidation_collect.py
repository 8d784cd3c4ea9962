"""Collecting the units' Excel attachments in the 汇总 workspace (issue 16): a
progress dialog naming the file being read, and 取消 that stops the reading
before the next file, leaving the workspace as it was."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from core.consolidation import Unit, Workspace
from core.export.excel import export_xlsx
from tests.core.consolidation_helpers import unit_report


def test_collect_shows_progress_and_cancel_stops_before_the_next_file(window, qtbot, tmp_path: Path,
                                                                       monkeypatch) -> None:
    from core.consolidation import session
    from gui import jobs

    got = tmp_path / "收到"
    got.mkdir()
    names = [f"某某县第{i}局" for i in range(12)]
    for i, name in enumerate(names):
        export_xlsx(unit_report(name, issued=i + 1), got / f"u{i:02d}.xlsx", [])
    real_read = session.read_file
    reads: list[str] = []
    release = threading.Event()

    def read_file(path: str):  # the real import, holding the third file until 取消 is pressed
        reads.append(Path(path).name)
        reading = real_read(path)
        if len(reads) == 3:
            release.wait(10)
        return reading

    monkeypatch.setattr(session, "read_file", read_file)
    from gui.messages import DISCARD

    view = window.workspaces.show_workspace("consolidate")
    view.ask_unsaved = lambda: DISCARD  # closing the window at the end must not ask
    view.ws = Workspace(2021, "某某县人民政府", [Unit(n) for n in names])
    view.refresh()
    before = set(jobs._RUNNING)  # a job of an earlier test may still be listed
    view.add_paths([str(got)])
    (job,) = [j for j in jobs._RUNNING - before if j.title == "正在读取各单位的文件"]
    qtbot.waitUntil(lambda: job._dialog is not None and job._dialog.labelText() == "正在读取 u02.xlsx",
                    timeout=10_000)
    assert (job._dialog.value(), job._dialog.maximum()) == (2, 12)
    button = job._dialog.findChild(QPushButton)
    assert button.text() == "取消"
    button.click()
    release.set()
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    assert reads == ["u00.xlsx", "u01.xlsx", "u02.xlsx"]  # nothing read after 取消
    assert view.state.readings == {}  # the cancelled reading left nothing behind
    assert {view.status.item(r, 4).text() for r in range(view.status.rowCount())} == {"未收到"}
    # collected again without 取消, every unit's attachment arrives
    view.collect([f.path for f in view.ws.files])
    qtbot.waitUntil(lambda: len(view.state.readings) == 12, timeout=20_000)
    states = {view.status.item(r, 0).text(): view.status.item(r, 4).text() for r in range(view.status.rowCount())}
    assert states == dict.fromkeys(names, "已收到")
