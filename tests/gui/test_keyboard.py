"""Everything by keyboard: Ctrl+Tab through the tabs, F6 to the findings and
back, Enter on a finding jumps to its cell, and a visible cursor in the grid."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.model import Report
from gui.grid_view import CURSOR_COLOR

A = "applications"


def test_ctrl_tab_goes_through_every_tab_and_puts_the_keyboard_in_the_page(qtbot, window):
    tabs = window.tabs
    tabs.setCurrentIndex(0)
    window.meta_tab.agency.setFocus()
    seen = []
    for _ in range(tabs.count()):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        seen.append(tabs.tabText(tabs.currentIndex()))
    extras = [tabs.tabText(i) for i in range(8, tabs.count())]  # 图解 and any later extra tab
    assert seen == ["一、总体情况", "二、主动公开", "三、依申请公开", "四、复议诉讼", "五、问题改进", "六、其他事项", "预览",
                    *extras, "基本信息"]
    window.show_section(A)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tabs.tabText(tabs.currentIndex()) == "二、主动公开"
    assert QApplication.focusWidget() is window.table_tab("active").view
    # from a table the keyboard goes on: Ctrl+Tab is not taken for a move to the next cell
    qtbot.keyClick(window.table_tab("active").view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.tabText(tabs.currentIndex()) == "三、依申请公开"
    assert QApplication.focusWidget() is window.table_tab(A).view


def test_f6_goes_to_the_findings_and_enter_jumps_to_the_cell(qtbot, window):
    report = Report("某局", 2023)
    report.set_values({(A, "carried_over", "research"): 4})
    window.doc.replace(report, None)
    window.meta_tab.agency.setFocus()
    window.findings.set_folded(True)
    qtbot.keyClick(window.meta_tab.agency, Qt.Key.Key_F6)
    tree = window.findings.tree
    assert not window.findings.folded and tree.hasFocus()
    finding = window.findings.current_finding()
    assert finding is not None and finding.rule == "R-3.1"
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    view = window.table_tab(A).view
    assert window.tabs.tabText(window.tabs.currentIndex()) == "三、依申请公开"
    # the first cell of the finding: 一、本年新收 / 科研机构
    assert view.currentIndex() == view.grid_model().index_of((A, "new", "research"))
    assert view.hasFocus()
    # F6 again from the list returns to the page
    qtbot.keyClick(view, Qt.Key.Key_F6)
    assert tree.hasFocus()
    qtbot.keyClick(tree, Qt.Key.Key_F6)
    assert view.hasFocus()


def test_the_current_cell_has_a_strong_cursor_rectangle(qtbot, window):
    tab = window.show_section(A)
    view = tab.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    idx = view.grid_model().index_of((A, "granted", "research"))
    view.setCurrentIndex(idx)
    rect = view.visualRect(idx)
    image = view.viewport().grab().toImage()
    # the 2 px frame drawn 1 px inside the cell, on its left edge at mid-height
    assert image.pixelColor(rect.left() + 1, rect.center().y()) == CURSOR_COLOR
    assert image.pixelColor(rect.center().x(), rect.top() + 1) == CURSOR_COLOR



def test_the_chosen_finding_stays_chosen_while_its_numbers_change(qtbot, window):
    report = Report("某局", 2023)
    report.set_values({(A, "carried_over", "research"): 4})
    window.doc.replace(report, None)
    window.findings.focus_list()
    chosen = window.findings.current_finding()
    assert chosen.rule == "R-3.1" and "多 4" in chosen.message
    window.doc.set_cells({(A, "carried_over", "research"): 7})
    now = window.findings.current_finding()
    assert now.key == chosen.key and "多 7" in now.message
    assert "多 7" in window.findings.tree.currentItem().text(1)
