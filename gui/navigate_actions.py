"""视图 menu: moving around the report editor by keyboard.

Ctrl+Tab / Ctrl+Shift+Tab go through the tabs (基本信息, the sections, 预览)
and put the keyboard in the page shown; F6 moves between the page and the
校验结果 list (Enter on a finding then jumps to its cell); the list folds to
one line and back."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from .menus import MenuAction

if TYPE_CHECKING:
    from .main_window import MainWindow

VIEW = "视图(&V)"


def focus_page(window: MainWindow) -> None:
    """The keyboard into the tab shown: the grid, the text, or the first field."""
    tabs = window.tabs
    tab = tabs.current_section_tab()
    target = getattr(tab, "view", None) or getattr(tab, "editor", None)
    if target is None and tabs.currentWidget() is tabs.meta_tab:
        target = tabs.meta_tab.agency
    (target or tabs.currentWidget()).setFocus()


def step_tab(window: MainWindow, step: int) -> None:
    window.workspaces.show_workspace("report")
    tabs = window.tabs
    tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())
    focus_page(window)


def toggle_findings_focus(window: MainWindow) -> None:
    """F6: into the findings list (unfolding it), or back to the page from there."""
    panel = window.findings
    focus = QApplication.focusWidget()
    if focus is not None and (focus is panel or panel.isAncestorOf(focus)):
        focus_page(window)
    else:
        window.workspaces.show_workspace("report")
        panel.focus_list()


ACTIONS = (
    MenuAction("next_section", VIEW, "navigate", "下一部分(&N)", lambda w: step_tab(w, 1), "Ctrl+Tab",
               tip="切换到下一个标签页"),
    MenuAction("previous_section", VIEW, "navigate", "上一部分(&P)", lambda w: step_tab(w, -1), "Ctrl+Shift+Tab",
               tip="切换到上一个标签页"),
    MenuAction("findings_focus", VIEW, "findings", "转到校验结果(&F)", toggle_findings_focus, "F6",
               tip="在表格与下方“校验结果”之间切换；在校验结果中按回车跳到对应单元格"),
    MenuAction("findings_fold", VIEW, "findings", "收起/展开校验结果(&C)",
               lambda w: w.findings.set_folded(not w.findings.folded), "Ctrl+Shift+F6",
               tip="把下方“校验结果”收起为一行，或展开"),
)
