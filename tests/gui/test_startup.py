"""What `python -m gui [DRAFT] [--sample]` opens, and that the start-up path
stays free of PySide's Qt enum namespace (see gui/enum_props.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.model import Report
from core.resources import sample_path
from core.storage import save

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def start(qtbot, home, monkeypatch):
    """Run gui.app.main without its event loop; returns the window it made."""
    from PySide6.QtWidgets import QApplication

    import gui.app as app_module
    from gui import main_window

    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    created = []
    real = main_window.MainWindow

    def make(*a, **k):
        w = real(*a, **k)
        created.append(w)
        return w

    monkeypatch.setattr(main_window, "MainWindow", make)

    def run(*argv: str):
        assert app_module.main(["ogi-report-gui", *argv]) == 0
        return created[-1]

    yield run
    for w in created:
        w.doc._dirty = False
        w.close()


def test_sample_opens_untitled_so_saving_never_writes_into_the_installation(start, monkeypatch):
    before = sample_path().read_bytes()
    w = start("--sample")
    assert w.doc.report.meta.agency == "广州市海珠区政务服务数据管理局"
    assert w.doc.path is None and not w.doc.dirty
    assert "广州市海珠区政务服务数据管理局2019年度" in w.windowTitle()
    asked = []
    monkeypatch.setattr(w, "ask_save_path", lambda *a: asked.append(a) or None)
    w.doc.report.set_meta("contact", "020-00000000")
    assert w.save() is False  # cancelled in the 另存为 dialog
    assert asked and asked[0][0] == "另存为"
    assert sample_path().read_bytes() == before
    from gui import settings as app_settings
    assert str(sample_path()) not in app_settings.recent_files()


def test_draft_on_the_command_line_opens_and_is_remembered(start, tmp_path, qtbot):
    from gui import settings as app_settings

    p = tmp_path / "乙局2023.ogir"
    save(Report("乙局", 2023), p)
    w = start(str(p))
    assert w.doc.path == p and w.doc.report.meta.agency == "乙局" and not w.doc.dirty
    # remembered once the first frame is up (gui/first_frame.py)
    qtbot.waitUntil(lambda: app_settings.recent_files()[:1] == [str(p)])
    assert w.windowTitle().startswith("乙局2023.ogir - ")


def test_unreadable_draft_on_the_command_line_gives_a_message_and_an_empty_window(start, tmp_path, monkeypatch,
                                                                                 qtbot):

    shown = []
    monkeypatch.setattr("gui.messages.show_error", lambda parent, text, title="": shown.append((title, text)))
    p = tmp_path / "坏.ogir"
    p.write_bytes(b"\x00\x01 not a draft")
    w = start(str(p))
    assert w.isVisible() and not shown  # the message comes once the window is on screen
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0][0] == "无法打开" and "坏.ogir" in shown[0][1]
    assert w.doc.path is None and w.doc.report.meta.agency == ""
    assert p.read_bytes() == b"\x00\x01 not a draft"


def test_section_tabs_are_built_in_the_background_after_start(start, qtbot):
    w = start("--sample")
    assert w.tabs.currentWidget() is w.meta_tab  # the first frame shows 基本信息 only
    qtbot.waitUntil(lambda: set(w.section_tabs) == {s.key for s in w.doc.report.form.sections})
    assert w.tabs.currentWidget() is w.meta_tab  # built, not switched to
    assert w.table_tab("applications").model.rowCount() > 25


def test_help_menu_opens_the_sample(window):
    window.menu_actions["sample"].trigger()
    assert window.doc.report.meta.agency == "广州市海珠区政务服务数据管理局"
    assert window.doc.path is None


STARTUP_PROBE = r"""
import gc, json, sys
from PySide6 import QtCore
import gui.first_frame as first_frame
from gui.launch import run

at_first_frame = {}
register = first_frame.after_first_frame

def recording(window, callback):
    def run():
        # PySide adds `Qt` to the module dict the first time any Qt:: enum is needed
        at_first_frame.setdefault("qt_enums_created", "Qt" in QtCore.__dict__)
        at_first_frame.setdefault("gc_during_start_up", gc.isenabled())
        callback()
    register(window, run)

first_frame.after_first_frame = recording
sys.argv = ["ogi-report-gui", *sys.argv[1:]]
code = run()
print(json.dumps({
    "code": code,
    **at_first_frame,
    "gc_after_start_up": gc.isenabled(),
    # loaded right after the first frame: Qt's own buttons speak Chinese
    "cancel": QtCore.QCoreApplication.translate("QPlatformTheme", "Cancel"),
}))
"""


@pytest.mark.parametrize("args", [[], ["--sample"]])
def test_start_up_to_the_first_frame_does_not_create_the_qt_enums(home, args):
    """Creating PySide's `Qt` enums costs about 20 ms, an eighth of a bare window's
    start; the budget of issue 5 leaves no room for it before the first frame."""
    env = {**os.environ, "OGI_REPORT_HOME": str(home), "OGI_REPORT_QUIT_AFTER_SHOW": "stamp",
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", STARTUP_PROBE, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("first-frame ")
    assert json.loads(lines[-1]) == {"code": 0, "qt_enums_created": False, "cancel": "取消",
                                     "gc_during_start_up": False, "gc_after_start_up": True}


def test_enum_properties_set_by_name_take_effect(window):
    from PySide6.QtCore import Qt

    assert window.tabs.elideMode() == Qt.TextElideMode.ElideNone
    assert window.splitter.orientation() == Qt.Orientation.Vertical
    assert window.menu_actions["clear"].shortcutContext() == Qt.ShortcutContext.WidgetShortcut
    assert window.findChild(type(window.addToolBar("x")), "main").toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly
    from PySide6.QtWidgets import QFormLayout
    assert window.meta_tab.findChild(QFormLayout).labelAlignment() & Qt.AlignmentFlag.AlignRight


def test_set_enum_property_refuses_a_typo(qtbot):
    from PySide6.QtWidgets import QTabWidget

    from gui.enum_props import set_enum_property

    w = QTabWidget()
    with pytest.raises(ValueError):
        set_enum_property(w, "elideMode", "ElideNoen")
    with pytest.raises(ValueError):
        set_enum_property(w, "elideMod", "ElideNone")


def test_finding_role_is_qt_user_role():
    from PySide6.QtCore import Qt

    from gui.findings_panel import FINDING_ROLE

    assert FINDING_ROLE == Qt.ItemDataRole.UserRole.value


def test_start_up_work_runs_even_if_the_window_is_never_exposed(qtbot, monkeypatch):
    """A window started minimised (or on a platform that never reports exposure)
    must still load its translations and offer recovery."""
    from PySide6.QtWidgets import QWidget

    import gui.first_frame as first_frame

    monkeypatch.setattr(first_frame, "GIVE_UP_S", 0.2)
    w = QWidget()
    w.winId()  # a native window that is never shown
    ran = []
    first_frame.after_first_frame(w, lambda: ran.append(w.windowHandle().isExposed()))
    qtbot.waitUntil(lambda: ran == [False], timeout=3000)


def test_start_up_work_runs_after_the_first_paint(qtbot):
    from PySide6.QtWidgets import QLabel

    import gui.first_frame as first_frame

    painted = []

    class Label(QLabel):
        def paintEvent(self, event):  # noqa: N802
            painted.append(True)
            super().paintEvent(event)

    w = Label("年报")
    w.show()
    seen = []
    first_frame.after_first_frame(w, lambda: seen.append(bool(painted)))
    qtbot.waitUntil(lambda: seen == [True])
    w.close()


def test_first_window_fits_the_screen_and_the_next_one_reopens_where_it_was(qtbot, home):
    from gui.main_window import MainWindow

    w = MainWindow(autosave_ms=3_600_000)
    room = w.screen().availableGeometry()  # 800×800 on the offscreen platform
    assert room.contains(w.geometry())
    assert w.width() <= 1440 and w.height() <= 900
    w.show()
    qtbot.waitExposed(w)
    w.setGeometry(room.x() + 10, room.y() + 20, 640, 500)
    w.splitter.setSizes([300, 150])
    qtbot.wait(10)
    size, sizes = (w.width(), w.height()), w.splitter.sizes()
    assert size[0] == 640  # (the height may grow to the window's minimum)
    w.close()

    again = MainWindow(autosave_ms=3_600_000)
    try:
        assert (again.width(), again.height()) == size
        again.show()
        qtbot.waitExposed(again)
        assert again.splitter.sizes() == sizes
    finally:
        again.close()


def test_a_damaged_window_state_falls_back_to_fitting_the_screen(qtbot, home):
    from gui import settings as app_settings
    from gui.main_window import MainWindow

    (app_settings.app_dir() / app_settings.WINDOW_STATE).write_text("{\"geometry\": \"zz", "utf-8")
    assert app_settings.window_state() is None  # a torn file reads as "nothing saved"
    app_settings.save_window_state(b"not a geometry", b"nor a splitter")
    w = MainWindow(autosave_ms=3_600_000)
    try:
        assert w.screen().availableGeometry().contains(w.geometry())
    finally:
        w.close()


def test_smoke_start_reports_the_start_up_time_not_a_clock_reading(home):
    """Build logs (installer/build_*.sh) show how long the window took to appear."""
    import re

    env = {**os.environ, "OGI_REPORT_HOME": str(home), "OGI_REPORT_QUIT_AFTER_SHOW": "1",
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "gui", "--sample"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    m = re.fullmatch(r"window shown (\d+\.\d\d) s after the process started", done.stdout.strip())
    assert m, done.stdout
    assert 0 < float(m.group(1)) < 60
