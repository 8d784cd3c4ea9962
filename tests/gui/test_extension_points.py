"""The window's extension points: a menu action, a report tab and a workspace
each added by a module of their own (gui/menus.py, gui/report_tabs.py,
gui/workspaces.py), without touching the window class."""
from __future__ import annotations

import sys
import types

import pytest


@pytest.fixture
def extra_module(monkeypatch):
    """Install a throwaway module under `name` holding `attrs`."""

    def install(name, **attrs):
        module = types.ModuleType(name)
        module.__dict__.update(attrs)
        monkeypatch.setitem(sys.modules, name, module)
        return module

    return install


def _texts(menu):
    return ["----" if a.isSeparator() else a.text() for a in menu.actions()]


def test_a_menu_action_from_its_own_module(qtbot, home, extra_module, monkeypatch):
    from gui import menus
    from gui.main_window import MainWindow
    from gui.menus import MenuAction

    ran = []
    extra_module("tests_extra_actions", ACTIONS=(
        MenuAction("export_charts", "文件(&F)/导出", "export", "导出图解(&G)…", ran.append, tip="导出图解"),
        MenuAction("import_published", "文件(&F)", "transfer", "导入已发布的报告(&R)…", ran.append),
    ))
    monkeypatch.setattr(menus, "ACTION_MODULES", (*menus.ACTION_MODULES, "tests_extra_actions"))
    w = MainWindow(autosave_ms=3_600_000)
    try:
        assert _texts(w.menus["文件(&F)/导出"]) == ["导出 Word 文档(&W)…", "导出 Excel 附表(&X)…", "导出网页(&H)…",
                                                "导出空白填报模板(&T)…", "导出图解(&G)…", "----", "导出设置…"]
        file_menu = _texts(w.menus["文件(&F)"])
        assert file_menu[file_menu.index("导入 Excel 附表(&I)…") + 1] == "导入已发布的报告(&R)…"
        w.menu_actions["export_charts"].trigger()
        assert ran == [w]
    finally:
        w.close()


def test_a_report_tab_and_a_workspace_from_their_own_modules(qtbot, home, extra_module, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from gui import report_tabs, workspaces
    from gui.main_window import MainWindow
    from gui.report_tabs import ReportTab
    from gui.workspaces import Workspace

    built, shown = [], []

    def build_tab(window):
        built.append("tab")
        return QLabel("图解")

    extra_module("tests_extra_tab", TAB=ReportTab("charts", "图解", build_tab, lambda w, page: shown.append(page)))
    extra_module("tests_extra_workspace",
                 WORKSPACE=Workspace("consolidate", "汇总(&C)", lambda window: built.append("ws") or QLabel("汇总")))
    monkeypatch.setattr(report_tabs, "TAB_MODULES", (*report_tabs.TAB_MODULES, "tests_extra_tab"))
    monkeypatch.setattr(workspaces, "WORKSPACE_MODULES", ("tests_extra_workspace",))
    monkeypatch.setattr(sys.modules["gui.workspaces"], "ACTIONS", workspaces._menu())
    w = MainWindow(autosave_ms=3_600_000)
    try:
        tabs = w.tabs
        assert tabs.tabText(tabs.count() - 1) == "图解" and built == []  # built when first shown
        tabs.setCurrentIndex(tabs.count() - 1)
        assert built == ["tab"] and shown == [tabs.extra_widgets["charts"]]
        # the workspaces first, then the keyboard navigation entries (gui/navigate_actions.py)
        assert _texts(w.menus["视图(&V)"])[:3] == ["报告编辑(&R)", "汇总(&C)", "----"]
        w.menu_actions["workspace_consolidate"].trigger()
        assert built == ["tab", "ws"] and w.workspaces.current_key() == "consolidate"
        w.show_section("applications")  # a finding or a menu entry brings the report editor back
        assert w.workspaces.current_key() == "report"
    finally:
        w.close()


def test_every_registered_module_imports_and_the_package_build_collects_them():
    """Registries name modules as strings: a typo, or a packaged app without
    them (PyInstaller cannot follow importlib), would only show at run time."""
    import importlib
    from pathlib import Path

    from gui import menus, report_tabs, workspaces

    for name in menus.ACTION_MODULES:
        assert isinstance(importlib.import_module(name).ACTIONS, tuple), name
    for name in report_tabs.TAB_MODULES:
        assert isinstance(importlib.import_module(name).TAB, report_tabs.ReportTab), name
    for name in workspaces.WORKSPACE_MODULES:
        assert isinstance(importlib.import_module(name).WORKSPACE, workspaces.Workspace), name
    for module, cls in report_tabs.SECTION_TAB_CLASSES.values():
        assert hasattr(importlib.import_module(module), cls)
    spec = (Path(__file__).resolve().parents[2] / "installer" / "ogi_report.spec").read_text("utf-8")
    assert 'collect_submodules("gui")' in spec


def test_report_toolbar_and_count_only_in_the_report_editor(window, qtbot):
    """In 汇总 the toolbar (新建/打开/保存 of a draft) and the report's error count would
    speak of a report that is not on screen; a report opened from anywhere comes back
    into view with them."""
    from PySide6.QtWidgets import QToolBar

    from gui.workspaces import REPORT

    window.show()
    bars = window.findChildren(QToolBar)
    assert bars and all(b.isVisible() for b in bars)
    assert window.findings_label.isVisible()

    window.workspaces.show_workspace("consolidate")
    assert window.workspaces.current_key() == "consolidate"
    assert not any(b.isVisible() for b in bars)
    assert not window.findings_label.isVisible()

    assert window.drafts.open_sample(ask=False)
    assert window.workspaces.current_key() == REPORT
    assert all(b.isVisible() for b in bars)
    assert window.findings_label.isVisible()


def test_edit_menu_never_reaches_the_hidden_report(window, qtbot):
    """Ctrl+Z / 编辑 → 撤销 in 汇总 undoes the 汇总's last change, never the last edit of
    the report hidden behind it; 清除 there leaves the report's cells alone."""
    from core.consolidation.roster_edit import add_unit

    window.show()
    assert window.drafts.open_sample(ask=False)
    report = window.doc.report
    ref = next(iter(report.inputs))
    before = report.value(ref)
    window.doc.set_cells({ref: 4321})
    assert report.value(ref) == 4321

    view = window.workspaces.show_workspace("consolidate")
    assert view.change("添加单位", lambda: add_unit(view.ws, "某某县教育局"))
    assert [u.name for u in view.ws.units] == ["某某县教育局"]

    window.undo()  # the 汇总's change goes, the report keeps its edit
    assert view.ws.units == []
    assert report.value(ref) == 4321
    window.undo()  # nothing left to undo in 汇总: still not the report's
    assert report.value(ref) == 4321
    window.clear()
    window.paste()
    assert report.value(ref) == 4321

    window.workspaces.show_workspace("report")
    window.undo()
    assert report.value(ref) == before
    view.mark_modified(False)  # closing the window would ask about the 汇总 otherwise
