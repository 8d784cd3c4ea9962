"""One window per draft: a second window may not open, or save over, a draft
another window is editing (whichever saved last would silently win)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.model import Report
from core.storage import save

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def two_windows(qtbot, home, monkeypatch):
    import gui.main_window as mw
    from gui.messages import DISCARD

    errors: list[tuple[str, str]] = []
    monkeypatch.setattr("gui.messages.show_error", lambda parent, text, title="": errors.append((title, text)))
    windows = []
    for _ in range(2):
        w = mw.MainWindow(autosave_ms=3_600_000)
        w.ask_unsaved = lambda: DISCARD
        windows.append(w)
    yield windows[0], windows[1], errors
    for w in windows:
        w.close()


@pytest.fixture
def draft(tmp_path) -> Path:
    p = tmp_path / "甲局2023.ogir"
    save(Report("甲局", 2023), p)
    return p


def test_second_window_cannot_open_a_draft_that_is_open(two_windows, draft):
    a, b, errors = two_windows
    assert a.open_path(draft, ask=False)
    assert not b.open_path(draft, ask=False)
    assert b.doc.path is None and b.doc.report.meta.agency == ""
    assert errors and errors[-1][0] == "草稿已打开" and "甲局2023.ogir" in errors[-1][1]
    # the same file by another spelling is the same file
    assert not b.open_path(draft.parent / "." / draft.name, ask=False)
    a.close()  # closing releases it
    assert b.open_path(draft, ask=False)


def test_opening_another_file_releases_the_first(two_windows, draft, tmp_path):
    a, b, _ = two_windows
    other = tmp_path / "乙局2023.ogir"
    save(Report("乙局", 2023), other)
    assert a.open_path(draft, ask=False)
    assert a.open_path(other, ask=False)
    assert b.open_path(draft, ask=False)
    assert not b.open_path(other, ask=False)


def test_save_as_over_a_draft_another_window_edits_is_refused(two_windows, draft, tmp_path, monkeypatch):
    a, b, errors = two_windows
    assert a.open_path(draft, ask=False)
    before = draft.read_bytes()
    b.doc.replace(Report("丙局", 2023), None)
    monkeypatch.setattr(b, "ask_save_path", lambda *args: draft)
    assert not b.save_as()
    assert draft.read_bytes() == before
    assert errors[-1][0] == "无法保存"
    target = tmp_path / "丙局.ogir"
    monkeypatch.setattr(b, "ask_save_path", lambda *args: target)
    assert b.save_as() and b.doc.path == target
    assert not a.open_path(target, ask=False)  # b holds its new file now


def test_a_lock_left_by_a_crashed_window_is_taken_over(qtbot, home, draft):
    from gui.draft_locks import lock_name

    locks = home / "locks"
    locks.mkdir(parents=True)
    script = (
        "import sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)\n"
        "print('LOCKED' if lock.tryLock(0) else 'FAILED', flush=True)\n"
        "sys.stdin.readline()\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(locks / lock_name(draft))],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "LOCKED"
        from gui.draft_locks import in_use_elsewhere

        assert in_use_elsewhere(draft, locks)  # alive: in use
    finally:
        proc.kill()  # a crash: the lock file stays behind
        proc.wait(timeout=10)
    assert (locks / lock_name(draft)).exists()
    from gui.main_window import MainWindow

    w = MainWindow(autosave_ms=3_600_000)
    try:
        assert w.open_path(draft, ask=False)
    finally:
        w.close()


def test_double_clicking_an_open_draft_again_starts_an_empty_window_with_a_message(qtbot, home, draft,
                                                                                   monkeypatch):
    from PySide6.QtWidgets import QApplication

    import gui.app as app_module
    import gui.main_window as mw

    holder = mw.MainWindow(autosave_ms=3_600_000)
    assert holder.open_path(draft, ask=False)
    shown = []
    monkeypatch.setattr("gui.messages.show_error", lambda parent, text, title="": shown.append((title, text)))
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    made = []
    real = mw.MainWindow
    monkeypatch.setattr(mw, "MainWindow", lambda *a, **k: made.append(real(*a, **k)) or made[-1])
    try:
        assert app_module.main(["ogi-report-gui", str(draft)]) == 0
        second = made[-1]
        assert second.doc.path is None and second.doc.report.meta.agency == ""
        qtbot.waitUntil(lambda: bool(shown))
        assert shown[0][0] == "草稿已打开"
        assert holder.doc.path == draft  # the first window keeps it
    finally:
        for w in made:
            w.close()
        holder.close()


def test_lock_names_ignore_how_the_path_is_spelled(tmp_path, monkeypatch):
    from gui.draft_locks import lock_name

    p = tmp_path / "a.ogir"
    p.write_text("x")
    monkeypatch.chdir(tmp_path)
    assert lock_name(Path("a.ogir")) == lock_name(p) == lock_name(tmp_path / "sub" / ".." / "a.ogir")
    assert lock_name(tmp_path / "b.ogir") != lock_name(p)
    if os.name == "nt":
        assert lock_name(Path(str(p).upper())) == lock_name(p)
