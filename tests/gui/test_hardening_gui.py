"""Issue 12 in the window: opening and importing hostile files gives a Chinese
message and releases the draft lock; imports and exports run off the UI thread."""
from __future__ import annotations

import os
import zipfile
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest

from core.export.excel import xlsx_bytes
from core.model import Report
from core.storage import load, save
from core.checks import run_checks


@pytest.fixture
def two_windows(qtbot, home, monkeypatch):
    import gui.main_window as mw
    from gui.messages import DISCARD

    errors: list[tuple[str, str]] = []
    infos: list[tuple[str, str]] = []
    monkeypatch.setattr("gui.messages.show_error", lambda parent, text, title="": errors.append((title, text)))
    monkeypatch.setattr("gui.messages.show_info", lambda parent, title, text: infos.append((title, text)))
    windows = []
    for _ in range(2):
        w = mw.MainWindow(autosave_ms=3_600_000)
        w.ask_unsaved = lambda: DISCARD
        windows.append(w)
    yield windows[0], windows[1], errors, infos
    for w in windows:
        w.close()


def test_an_unexpected_failure_while_opening_releases_the_lock(two_windows, tmp_path, monkeypatch):
    a, b, errors, _ = two_windows
    path = tmp_path / "甲局.ogir"
    save(Report("甲局", 2024), path)

    def broken(p):
        raise MemoryError

    monkeypatch.setattr("gui.document.load", broken)
    assert not a.open_path(path, ask=False)
    assert errors and "甲局.ogir" in errors[-1][1] and "MemoryError" in errors[-1][1]
    monkeypatch.undo()
    # The other window is not told the draft is open elsewhere.
    assert b.open_path(path, ask=False)
    assert b.doc.report.meta.agency == "甲局"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_opening_a_fifo_gives_a_message_and_keeps_no_lock(two_windows, tmp_path):
    a, b, errors, _ = two_windows
    fifo = tmp_path / "pipe.ogir"
    os.mkfifo(fifo)
    assert not a.open_path(fifo, ask=False)
    assert "不是普通文件" in errors[-1][1]
    assert not b.open_path(fifo, ask=False)
    assert errors[-1][0] != "草稿已打开"


def test_cleaned_characters_are_told_once_and_the_draft_saves(two_windows, tmp_path):
    a, _, _, infos = two_windows
    path = tmp_path / "坏字.ogir"
    path.write_text('{"app": "ogi-report", "format_version": 1, "metadata": {"agency": "某\\ud800局", '
                    '"year": 2024, "form": "2021"}, "sections": {}, "tables": {}}', encoding="utf-8")
    assert a.open_path(path, ask=False)
    assert len(infos) == 1 and "机关名称" in infos[0][1]
    a.doc.save()
    assert load(path).meta.agency == "某\ufffd局"
    assert a.open_path(path, ask=False)
    assert len(infos) == 1


def bomb(tmp_path: Path) -> Path:
    data = xlsx_bytes(Report("某局", 2024), [])
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet3.xml":
                content = content.replace(b"<sheetData>", b"<sheetData>" + b" " * (40 * 1024 * 1024), 1)
            dst.writestr(info.filename, content)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(out.getvalue())
    return path


def test_import_excel_refuses_a_zip_bomb_off_the_ui_thread(qtbot, two_windows, tmp_path):
    a, _, errors, _ = two_windows
    path = bomb(tmp_path)
    a.ask_open_path = lambda *args: path
    a.menu_actions["import"].trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert errors[-1][0] == "导入失败" and "远超年报附表的规模" in errors[-1][1]
    assert a.doc.report.inputs == {}


def test_import_excel_reads_a_workbook_in_the_background(qtbot, two_windows, tmp_path):
    a, _, errors, infos = two_windows
    r = Report("某局", 2024)
    r.set_value(("applications", "new", "natural"), 7)
    path = tmp_path / "ok.xlsx"
    path.write_bytes(xlsx_bytes(r, run_checks(r)))
    a.ask_open_path = lambda *args: path
    a.menu_actions["import"].trigger()
    qtbot.waitUntil(lambda: bool(infos or errors), timeout=10_000)
    assert not errors
    assert a.doc.report.value(("applications", "new", "natural")) == 7


def test_export_runs_in_the_background_on_a_copy(qtbot, two_windows, tmp_path):
    a, _, errors, _ = two_windows
    a.doc.report.set_meta("agency", "=HYPERLINK(\"x\")")
    target = tmp_path / "out.xlsx"
    a.ask_save_path = lambda *args: target
    a.confirm = lambda *args, **kwargs: True
    a.menu_actions["export_xlsx"].trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert not errors
    from openpyxl import load_workbook

    cell = load_workbook(target)["封面"]["B3"]
    assert cell.value == "=HYPERLINK(\"x\")" and cell.data_type == "s"


def test_pasted_control_characters_are_dropped_and_the_user_is_told(window):
    tab = window.narrative_tab("overview")
    tab.editor.setPlainText("第一段\x07内容\x1f。")
    assert window.doc.report.texts["overview"] == "第一段内容。"
    assert "已清除2个" in window.statusBar().currentMessage()
    window.doc.set_meta("agency", "某\x1b局")
    assert window.doc.report.meta.agency == "某局"
    assert "已清除1个" in window.statusBar().currentMessage()


def test_import_excel_tells_an_amount_in_yuan_was_converted(qtbot, two_windows, tmp_path):
    from openpyxl import load_workbook

    from core.consolidation.templates import template_bytes

    a, _, errors, infos = two_windows
    path = tmp_path / "附表.xlsx"
    path.write_bytes(template_bytes(a.doc.report.meta.agency or "某局", a.doc.report.meta.year))
    book = load_workbook(path)
    sheet = book["表二 主动公开"]
    assert sheet["A16"].value == "行政事业性收费"
    sheet["B16"].value = "12000元"  # 本年收费金额（单位：万元）typed in 元
    book.save(path)
    a.ask_open_path = lambda *args: path
    a.menu_actions["import"].trigger()
    qtbot.waitUntil(lambda: bool(infos or errors), timeout=10_000)
    assert not errors
    assert a.doc.report.number(("active", "fees", "fee_amount")) == Decimal("1.2")
    assert infos[-1][0] == "导入完成" and "“12000元”已换算为1.2万元。" in infos[-1][1]
