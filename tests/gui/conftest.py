from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """Settings, autosaves and logs of the window go to a fresh folder."""
    h = tmp_path / "home"
    monkeypatch.setenv("OGI_REPORT_HOME", str(h))
    return h


@pytest.fixture
def window(qtbot, home):
    from gui.main_window import MainWindow

    from gui.messages import DISCARD

    w = MainWindow(autosave_ms=3_600_000)
    w.ask_unsaved = lambda: DISCARD  # tests of the prompt replace this
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.ask_unsaved = lambda: DISCARD
    w.close()
    w.deleteLater()


@pytest.fixture(autouse=True)
def no_unexpected_modal_dialogs(monkeypatch):
    """A modal dialog nobody answers would hang the suite: fail fast instead.
    Tests that expect a dialog patch the function that shows it."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    def refuse(self, *args, **kwargs):
        text = self.text() if isinstance(self, QMessageBox) else self.windowTitle()
        raise AssertionError(f"unexpected modal dialog: {text}")

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    monkeypatch.setattr(QDialog, "exec", refuse)
