"""The 汇总 workspace: collect off the UI thread, status board, sums with drill-down, export."""
from __future__ import annotations

from pathlib import Path

from core.consolidation import Unit, Workspace
from core.storage import load, save
from tests.core.consolidation_helpers import RULES_ISSUED, unit_report


def _view(window):
    """The 汇总 workspace; closing the window at the end of a test discards its unsaved changes."""
    from gui.messages import DISCARD

    view = window.workspaces.show_workspace("consolidate")
    view.ask_unsaved = lambda: DISCARD
    return view


def _roster() -> Workspace:
    return Workspace(2021, "某某县人民政府", [Unit("某某县教育局", "部门", True, True),
                                           Unit("某某县财政局", "部门", True, False),
                                           Unit("某某镇人民政府", "乡镇街道", False, True)])


def test_workspace_collects_sums_drills_and_exports(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    got = tmp_path / "收到"
    got.mkdir()
    save(unit_report("某某县教育局", issued=2), got / "a.ogir")
    save(unit_report("某某镇人民政府", issued=5), got / "c.ogir")
    view = _view(window)
    assert window.menu_actions["workspace_consolidate"] is not None
    view.ws = _roster()
    view.refresh()
    view.add_paths([str(got)])
    qtbot.waitUntil(lambda: view.status.item(0, 4) is not None and view.status.item(0, 4).text() == "已收到",
                    timeout=10_000)
    states = {view.status.item(r, 0).text(): view.status.item(r, 4).text() for r in range(view.status.rowCount())}
    assert states == {"某某县教育局": "已收到", "某某县财政局": "未收到", "某某镇人民政府": "已收到"}
    assert "未收到1" in view.summary.text()
    # sums and drill-down: 规章 本年制发件数, 全行政区域 = 2 + 5, 本级 = 2
    row = view.sum_refs.index(RULES_ISSUED)
    assert (view.sums.item(row, 2).text(), view.sums.item(row, 3).text()) == ("2", "7")
    view.scope.setCurrentText("全行政区域")
    view.sums.selectRow(row)
    drilled = [(view.drill_list.item(r, 0).text(), view.drill_list.item(r, 1).text())
               for r in range(view.drill_list.rowCount())]
    assert drilled == [("某某县教育局", "2"), ("某某镇人民政府", "5")]
    # numbers right-aligned (digits line up by place), labels left
    from PySide6.QtCore import Qt

    def right(item) -> bool:
        return bool(Qt.AlignmentFlag(item.textAlignment()) & Qt.AlignmentFlag.AlignRight)

    assert right(view.sums.item(row, 2)) and right(view.sums.item(row, 3)) and right(view.drill_list.item(0, 1))
    assert not right(view.sums.item(row, 1)) and not right(view.sums.item(row, 4))
    assert not right(view.drill_list.item(0, 0))
    # double-click opens a copy of the unit's report in a new window
    view.open_unit(0)
    from gui import consolidation_board as consolidation_view

    copy = consolidation_view._OPEN_COPIES[-1]
    assert copy.doc.report.meta.agency == "某某县教育局" and copy.doc.path is None
    copy.ask_unsaved = window.ask_unsaved
    copy.close()
    out = tmp_path / "out"
    out.mkdir()
    shown: list[str] = []
    monkeypatch.setattr("gui.messages.show_info", lambda parent, title, text: shown.append(text))
    job = view.export_to(out)
    qtbot.waitUntil(lambda: job.finished, timeout=20_000)
    assert shown and "全行政区域汇总.ogir" in shown[0]
    assert load(out / "全行政区域汇总.ogir").number(RULES_ISSUED) == 7
    assert (out / "汇总.xlsx").exists()


def test_last_year_workspace_in_the_view(window, qtbot, tmp_path: Path) -> None:
    from core.consolidation.storage import save as save_ws

    last_ws = _roster()
    last_ws.year = 2021
    save(unit_report("某某县教育局", 2021, issued=1, applications=3), tmp_path / "last.ogir")
    last_ws.add_file(str(tmp_path / "last.ogir"))
    save_ws(last_ws, tmp_path / "2021.ogiw")
    now = _roster()
    now.year = 2022
    save(unit_report("某某县教育局", 2022, issued=9), tmp_path / "now.ogir")
    now.add_file(str(tmp_path / "now.ogir"))
    now.last_year = str(tmp_path / "2021.ogiw")
    view = _view(window)
    view.set_workspace(now, None)

    def carry_found() -> bool:
        return any("结转数不一致" in view.findings.item(i).text() for i in range(view.findings.count()))

    qtbot.waitUntil(carry_found, timeout=10_000)
    assert view.year.value() == 2022


def test_first_files_set_the_year_of_a_new_consolidation(window, qtbot, tmp_path: Path) -> None:
    save(unit_report("某某县教育局", 2023, issued=1), tmp_path / "a.ogir")
    view = _view(window)
    ws = _roster()
    ws.year = 2026
    view.ws = ws
    view.refresh()
    view.add_paths([str(tmp_path / "a.ogir")])
    qtbot.waitUntil(lambda: view.year.value() == 2023, timeout=10_000)
    assert view.status.item(0, 4).text() == "已收到" and view.status.item(0, 7).text() == "0"


def test_export_runs_off_the_ui_thread_shows_progress_and_cancel_writes_nothing(window, qtbot, tmp_path: Path,
                                                                                monkeypatch) -> None:
    import threading

    from core.consolidation import workbook

    got = tmp_path / "收到"
    got.mkdir()
    save(unit_report("某某县教育局", issued=2), got / "a.ogir")
    view = _view(window)
    view.ws = _roster()
    view.refresh()
    view.add_paths([str(got)])
    qtbot.waitUntil(lambda: view.state is not None and view.state.sums is not None
                    and len(view.state.readings) == 1, timeout=10_000)
    shown: list[str] = []
    monkeypatch.setattr("gui.messages.show_info", lambda parent, title, text: shown.append(text))
    release, threads = threading.Event(), []
    build = workbook.build_bytes

    def held(c, step=None):  # the workbook waits until the test has pressed 取消
        threads.append(threading.current_thread())
        release.wait(10)
        return build(c, step)

    monkeypatch.setattr(workbook, "build_bytes", held)
    out = tmp_path / "out"
    out.mkdir()
    (out / "汇总.xlsx").write_bytes(b"earlier export")
    job = view.export_to(out)
    assert not job.finished  # export_to returned while the work goes on: the window stays responsive
    qtbot.waitUntil(lambda: job._dialog is not None and job._dialog.isVisible(), timeout=5_000)
    dialog = job._dialog
    assert dialog.windowTitle() == "正在导出汇总" and dialog.isModal()
    assert threads and threads[0] is not threading.main_thread()
    dialog.cancel()  # the 取消 button
    release.set()
    qtbot.waitUntil(lambda: job.finished, timeout=20_000)
    assert [p.name for p in out.iterdir()] == ["汇总.xlsx"] and (out / "汇总.xlsx").read_bytes() == b"earlier export"
    assert shown == []  # cancelled: no 已保存 message
