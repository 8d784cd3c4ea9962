from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from core.model import Report
from core.resources import sample_path
from core.storage import load, save
from gui.messages import CANCEL, DISCARD, SAVE

ROOT = Path(__file__).resolve().parents[2]
A = "applications"


def snapshot(report: Report):
    return (report.meta.agency, report.meta.year, report.meta.form_key, report.meta.date, dict(report.texts),
            dict(report.inputs), dict(report.units))


def test_save_close_reopen_identical(qtbot, window, tmp_path):
    window.open_path(sample_path(), ask=False)
    window.doc.set_cells({(A, "new", "natural"): 3, (A, "granted", "natural"): 3})
    window.narrative_tab("problems").editor.setPlainText("新的问题描述。")
    target = tmp_path / "我的报告.ogir"
    window.ask_save_path = lambda *a: target
    assert window.save_as()
    assert not window.doc.dirty and "*" not in window.windowTitle() and "我的报告.ogir" in window.windowTitle()
    expected = snapshot(window.doc.report)
    window.close()

    from gui.main_window import MainWindow
    again = MainWindow(autosave_ms=3_600_000)
    try:
        assert again.open_path(target, ask=False)
        assert snapshot(again.doc.report) == expected
        assert again.narrative_tab("problems").editor.toPlainText() == "新的问题描述。"
        assert again.table_tab(A).model.index_of((A, "results_total", "natural")).data() == "3"
    finally:
        again.close()


def test_title_marks_unsaved_changes(window, tmp_path):
    p = tmp_path / "a.ogir"
    save(Report("甲局", 2023), p)
    window.open_path(p, ask=False)
    assert window.windowTitle() == "a.ogir - 年报助手"
    window.doc.set_cells({(A, "new", "natural"): 1})
    assert window.windowTitle() == "a.ogir * - 年报助手"


def _dirty_window(window, tmp_path):
    p = tmp_path / "d.ogir"
    save(Report("甲局", 2023), p)
    window.open_path(p, ask=False)
    window.doc.set_cells({(A, "new", "natural"): 9})
    return p


def test_unsaved_prompt_save(window, tmp_path):
    p = _dirty_window(window, tmp_path)
    asked = []
    window.ask_unsaved = lambda: asked.append(1) or SAVE
    other = tmp_path / "other.ogir"
    save(Report("乙局", 2023), other)
    assert window.open_path(other)
    assert asked == [1]
    assert load(p).value((A, "new", "natural")) == 9
    assert window.doc.report.meta.agency == "乙局"


def test_unsaved_prompt_discard(window, tmp_path):
    p = _dirty_window(window, tmp_path)
    window.ask_unsaved = lambda: DISCARD
    other = tmp_path / "other.ogir"
    save(Report("乙局", 2023), other)
    assert window.open_path(other)
    assert load(p).value((A, "new", "natural")) is None
    assert window.doc.report.meta.agency == "乙局"


def test_unsaved_prompt_cancel_keeps_everything(window, tmp_path):
    p = _dirty_window(window, tmp_path)
    window.ask_unsaved = lambda: CANCEL
    other = tmp_path / "other.ogir"
    save(Report("乙局", 2023), other)
    assert not window.open_path(other)
    assert window.doc.report.value((A, "new", "natural")) == 9 and window.doc.path == p
    assert not window.close()  # close is refused too
    assert window.isVisible()


def test_open_cell_editor_is_committed_before_save(qtbot, window, tmp_path):
    p = tmp_path / "e.ogir"
    save(Report("甲局", 2023), p)
    window.open_path(p, ask=False)
    tab = window.show_section(A)
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index_of((A, "new", "research")))
    qtbot.keyClick(tab.view, "4")
    qtbot.keyClicks(tab.view.delegate.editor, "2")
    assert window.save()  # Ctrl+S while the editor is still open
    assert load(p).value((A, "new", "research")) == 42


def test_damaged_draft_gives_chinese_message(window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.ogir"
    bad.write_bytes(b"\x00\x01garbage")
    shown = []
    monkeypatch.setattr("gui.messages.show_error", lambda parent, text, title="": shown.append((title, text)))
    assert not window.open_path(bad, ask=False)
    assert shown and shown[0][0] == "无法打开" and "bad.ogir" in shown[0][1] and "Traceback" not in shown[0][1]
    assert bad.read_bytes() == b"\x00\x01garbage"


def test_findings_double_click_selects_tab_and_cell(qtbot, window):
    window.doc.replace(Report("某局", 2023), None)
    window.doc.set_cells({("review", "cases", "recon_upheld"): 1, (A, "carry_forward", "legal_service"): 2})
    tree = window.findings.tree
    target = None
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        for j in range(group.childCount()):
            item = group.child(j)
            f = item.data(0, Qt.ItemDataRole.UserRole)
            if f is not None and f.rule == "R-3.1" and f.cells[0][2] == "legal_service":
                target = item
    assert target is not None
    tree.itemDoubleClicked.emit(target, 1)
    tab = window.table_tab(A)
    assert window.tabs.key_of(window.tabs.currentWidget()) == A
    assert tab.view.currentIndex() == tab.model.index_of((A, "new", "legal_service"))


def test_status_bar_counts(window):
    window.doc.replace(Report("某局", 2023), None)
    window.doc.set_cells({(A, "new", "natural"): 1})
    e, w = window.doc.error_count, window.doc.warning_count
    assert e == 2  # 自然人 and 总计 columns
    assert window.findings_label.text() == f"{e} 个错误，{w} 个警告"


def test_undo_redo_of_metadata_and_year_switches_format(window):
    window.doc.replace(Report("某局", 2020), None)
    assert window.doc.report.form.key == "2019"
    window.doc.set_meta("year", 2021)
    assert window.doc.report.form.key == "2021"
    assert window.table_tab(A).view.rowSpan(5, 0) == 22
    window.undo()
    assert (window.doc.report.meta.year, window.doc.report.form.key) == (2020, "2019")
    assert window.table_tab(A).view.rowSpan(5, 0) == 20
    window.redo()
    assert window.doc.report.form.key == "2021"


CRASH_SCRIPT = r"""
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.main_window import MainWindow
w = MainWindow(autosave_ms=100)
w.show()
w.open_path(Path(sys.argv[1]), ask=False)
w.doc.set_cells({("applications", "new", "natural"): 77})
w.narrative_tab("overview").editor.setPlainText("崩溃前输入的文字。")
deadline = time.time() + 30
path = w.drafts.recovery.path_for(w.drafts.session_id)
while not path.exists() and time.time() < deadline:
    app.processEvents()
    time.sleep(0.02)
# wait for a snapshot that has both edits
while time.time() < deadline:
    app.processEvents()
    if "崩溃前" in path.read_text("utf-8"):
        break
    time.sleep(0.02)
print("AUTOSAVED", flush=True)
app.exec()
"""


def test_crash_then_restore(qtbot, home, tmp_path):
    draft = tmp_path / "crash.ogir"
    save(Report("甲局", 2023), draft)
    original = draft.read_bytes()
    env = {**os.environ, "OGI_REPORT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", CRASH_SCRIPT, str(draft)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.strip() == "AUTOSAVED", proc.stderr.read()
        # while it runs, its snapshot is not offered to another window
        from gui.main_window import MainWindow
        live = MainWindow(autosave_ms=3_600_000)
        assert live.drafts.orphaned_snapshots() == []
        live.close()
    finally:
        proc.kill()  # a crash: no closeEvent, no cleanup
        proc.wait(timeout=10)
    assert list((home / "autosave").glob("autosave-*.ogir"))
    assert draft.read_bytes() == original  # the user's file was never written by autosave

    from gui.main_window import MainWindow
    w = MainWindow(autosave_ms=3_600_000)
    offered = []
    w.ask_restore = lambda snap, others: offered.append(snap) or True
    try:
        assert w.drafts.offer_recovery()
        assert len(offered) == 1 and offered[0].source == draft
        assert w.doc.report.value((A, "new", "natural")) == 77
        assert w.narrative_tab("overview").editor.toPlainText() == "崩溃前输入的文字。"
        assert w.doc.path == draft and w.doc.dirty
        # the crashed session's snapshot is gone, and nothing is offered twice
        assert w.drafts.orphaned_snapshots() == []
    finally:
        w.ask_unsaved = lambda: DISCARD
        w.close()


def test_autosave_writes_recovery_file_not_the_draft(window, tmp_path):
    p = tmp_path / "a.ogir"
    save(Report("甲局", 2023), p)
    before = p.read_bytes()
    window.open_path(p, ask=False)
    window.doc.set_cells({(A, "new", "natural"): 5})
    window.drafts.autosave()
    snap = window.drafts.recovery.path_for(window.drafts.session_id)
    assert snap.exists() and p.read_bytes() == before
    assert '"natural": 5' in snap.read_text("utf-8")
    window.save()
    assert not snap.exists()  # saved: nothing left to recover


def test_recent_files_persist(window, tmp_path):
    from gui import settings as app_settings
    p = tmp_path / "r.ogir"
    save(Report("甲局", 2023), p)
    window.open_path(p, ask=False)
    assert app_settings.recent_files()[0] == str(p)


def test_qt_options_are_not_taken_for_the_draft():
    from gui.app import parse_args

    args = parse_args(["-platform", "offscreen", "--sample"])
    assert args.draft is None and args.sample
    args = parse_args(["-style", "fusion", "报告.ogir", "-reverse"])
    assert args.draft == "报告.ogir"


def test_portable_copy_keeps_data_beside_the_program(tmp_path, monkeypatch):
    from gui import settings as app_settings

    monkeypatch.delenv("OGI_REPORT_HOME", raising=False)
    exe = tmp_path / "OGIReport" / "OGIReport.exe"
    exe.parent.mkdir()
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert app_settings.portable_dir() is None  # installed copy: the user's AppData
    (exe.parent / app_settings.PORTABLE_MARKER).write_text("x")
    assert app_settings.app_dir() == exe.parent / "data"
    assert (exe.parent / "data").is_dir()


def test_command_line_options():
    from gui.app import parse_args

    args = parse_args(["--self-test", "out"])
    assert args.self_test == "out" and args.draft is None
    assert parse_args(["--self-test=结果"]).self_test == "结果"
    args = parse_args(["--future-option", "甲.ogir", "乙.ogir"])
    assert args.draft == "甲.ogir" and not args.sample  # unknown options are not drafts; the first file wins


def test_help_prints_usage_in_chinese(capsys):
    from gui.app import parse_args

    with pytest.raises(SystemExit) as exit_info:
        parse_args(["--help"])
    assert exit_info.value.code == 0
    assert "--sample" in capsys.readouterr().out
