from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from core.model import Report
from gui.document import Document
from gui.grid_model import GridModel

A = "applications"


@pytest.mark.parametrize("form_key,year", [("2019", 2019), ("2021", 2023)])
@pytest.mark.parametrize("table", ["active", "applications", "review"])
def test_model_passes_qtmodeltester(qtmodeltester, form_key, year, table):
    doc = Document(Report("某局", year, form_key))
    model = GridModel(doc, table)
    qtmodeltester.check(model, force_py=True)


def tab_for(window, key):
    tab = window.show_section(key)
    tab.view.setFocus()
    return tab


def type_into(qtbot, view, index, text):
    view.setCurrentIndex(index)
    for ch in text:
        qtbot.keyClick(view if view.state() != view.State.EditingState else view.delegate.editor, ch)
    qtbot.keyClick(view.delegate.editor, Qt.Key.Key_Return)


def test_typing_updates_totals_and_marks_exactly_the_rule_cells(qtbot, window):
    window.doc.replace(Report("某局", 2023), None)
    tab = tab_for(window, A)
    m, view = tab.model, tab.view
    type_into(qtbot, view, m.index_of((A, "new", "natural")), "12")
    assert window.doc.report.value((A, "new", "natural")) == 12
    assert m.index_of((A, "new", "total")).data() == "12"
    # Enter moved the cursor down to the next input cell
    assert view.currentIndex() == m.index_of((A, "carried_over", "natural"))
    # 一+二 = 12 but （七）+四 = 0: the four cells of that column and of the 总计 column are marked
    marked = set(m.marks())
    expected = {(A, r, c) for r in ("new", "carried_over", "results_total", "carry_forward") for c in ("natural", "total")}
    assert marked == expected
    assert m.index_of((A, "new", "natural")).data(Qt.ItemDataRole.DecorationRole) is not None
    tip = m.index_of((A, "new", "natural")).data(Qt.ItemDataRole.ToolTipRole)
    # the message states the difference and its direction, and names the one edit that broke the column
    assert "第一项加第二项之和比第三项加第四项之和多 12" in tip
    assert "最近修改的是 一、本年新收政府信息公开申请数量 / 申请人情况 自然人：空 → 12" in tip
    type_into(qtbot, view, m.index_of((A, "granted", "natural")), "12")
    assert m.index_of((A, "results_total", "natural")).data() == "12"
    assert m.index_of((A, "results_total", "total")).data() == "12"
    assert m.marks() == {}
    assert m.index_of((A, "new", "natural")).data(Qt.ItemDataRole.DecorationRole) is None


def test_refused_entry_is_explained_at_the_cell_and_the_editor_stays_open(qtbot, window):
    window.doc.replace(Report("某局", 2023), None)
    tab = tab_for(window, A)
    view = tab.view
    idx = tab.model.index_of((A, "new", "natural"))
    view.setCurrentIndex(idx)
    qtbot.keyClick(view, "7")
    editor = view.delegate.editor
    assert editor is not None and editor.text() == "7"
    qtbot.keyClicks(editor, "a")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    # nothing stored, the cursor stays, the editor stays open with the whole text selected
    assert window.doc.report.value((A, "new", "natural")) is None
    assert view.currentIndex() == idx and view.delegate.editor is editor
    assert editor.text() == "7a" and editor.selectedText() == "7a"
    # the reason is shown at the cell: just below (or above) its rectangle, inside the table
    balloon = view.balloon
    assert balloon.isVisible() and "“7a”不是数字" in balloon.text()
    cell = view.visualRect(idx)
    assert abs(balloon.x() - cell.left()) < 5 and (balloon.y() >= cell.bottom() or balloon.geometry().bottom() <= cell.top())
    # typing replaces the selected text; the note goes away and the entry is taken
    qtbot.keyClicks(editor, "7")
    assert not balloon.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert window.doc.report.value((A, "new", "natural")) == 7
    assert view.currentIndex() == tab.model.index_of((A, "new", "commercial"))


@pytest.mark.parametrize("text,reason", [("-3", "是负数"), ("1.5", "不是整数"), ("=1+1", "不是数字")])
def test_count_cells_refuse_negative_fraction_and_formula(qtbot, window, text, reason):
    window.doc.replace(Report("某局", 2023), None)
    tab = tab_for(window, A)
    idx = tab.model.index_of((A, "new", "natural"))
    tab.view.setCurrentIndex(idx)
    qtbot.keyClick(tab.view, text[0])
    qtbot.keyClicks(tab.view.delegate.editor, text[1:])
    qtbot.keyClick(tab.view.delegate.editor, Qt.Key.Key_Return)
    assert window.doc.report.value((A, "new", "natural")) is None
    assert tab.view.delegate.editor is not None and tab.view.delegate.editor.selectedText() == text
    assert reason in tab.view.balloon.text()
    qtbot.keyClick(tab.view.delegate.editor, Qt.Key.Key_Escape)
    assert not tab.view.balloon.isVisible()


def test_signed_cells_accept_negative(qtbot, window):
    window.doc.replace(Report("某局", 2020), None)
    tab = tab_for(window, "active")
    tab.view.setCurrentIndex(tab.model.index_of(("active", "licensing", "change")))
    qtbot.keyClick(tab.view, "-")
    qtbot.keyClicks(tab.view.delegate.editor, "8")
    qtbot.keyClick(tab.view.delegate.editor, Qt.Key.Key_Return)
    assert window.doc.report.value(("active", "licensing", "change")) == -8


def test_paste_block_is_one_undo_step(qtbot, window):
    window.doc.replace(Report("某局", 2023), None)
    tab = tab_for(window, A)
    m, view = tab.model, tab.view
    view.setCurrentIndex(m.index_of((A, "new", "natural")))
    block = "1\t2\t3\t4\n5\t6\t7\t8\n９\t1,000\t—\t11\n"
    QGuiApplication.clipboard().setText(block)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    r = window.doc.report
    assert [r.value((A, "new", c)) for c in ("natural", "commercial", "research", "nonprofit")] == [1, 2, 3, 4]
    # the block's second line lands on 二、上年结转, its third on （一）予以公开
    assert [r.value((A, "carried_over", c)) for c in ("natural", "commercial", "research", "nonprofit")] == [5, 6, 7, 8]
    assert [r.value((A, "granted", c)) for c in ("natural", "commercial", "research", "nonprofit")] == [9, 1000, None, 11]
    assert m.index_of((A, "new", "total")).data() == "10"
    assert m.index_of((A, "results_total", "commercial")).data() == "1000"
    assert m.index_of((A, "granted", "total")).data() == "1020"
    assert window.doc.undo_stack.count() == 1
    window.undo()
    assert r.inputs == {}
    assert m.index_of((A, "new", "total")).data() == "0"


def test_paste_with_letters_is_refused_with_one_message(qtbot, window, monkeypatch):
    window.doc.replace(Report("某局", 2023), None)
    shown = []
    monkeypatch.setattr("gui.messages.show_error", lambda parent, text, title="": shown.append(text))
    tab = tab_for(window, A)
    tab.view.setCurrentIndex(tab.model.index_of((A, "new", "natural")))
    assert not tab.view.paste("1\tabc\n2\tx3\n")
    assert window.doc.report.inputs == {}
    assert len(shown) == 1 and "abc" in shown[0] and "x3" in shown[0]


def test_delete_clears_selection_and_copy_gives_tsv(qtbot, window):
    window.doc.replace(Report("某局", 2023), None)
    window.doc.set_cells({(A, "new", "natural"): 3, (A, "new", "commercial"): 4})
    tab = tab_for(window, A)
    m, view = tab.model, tab.view
    view.setCurrentIndex(m.index_of((A, "new", "natural")))
    view.selectionModel().select(m.index_of((A, "new", "commercial")), view.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "3\t4\n"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.doc.report.inputs == {}
    window.undo()
    assert window.doc.report.value((A, "new", "commercial")) == 4


def test_totals_are_read_only(window):
    window.doc.replace(Report("某局", 2023), None)
    m = window.table_tab(A).model
    idx = m.index_of((A, "new", "total"))
    assert not (m.flags(idx) & Qt.ItemFlag.ItemIsEditable)
    assert not m.setData(idx, "5")
    label = m.index(3, 0)
    assert label.data() == "一、本年新收政府信息公开申请数量" and not (m.flags(label) & Qt.ItemFlag.ItemIsEditable)


def test_spans_follow_the_national_layout(window):
    view = window.table_tab(A).view
    window.doc.replace(Report("某局", 2023), None)
    assert (view.rowSpan(0, 0), view.columnSpan(0, 0)) == (3, 3)
    assert view.columnSpan(0, 3) == 7
    assert view.rowSpan(5, 0) == 22
    window.doc.replace(Report("某局", 2020), None)  # 2019 format: 三 spans 20 rows
    assert view.rowSpan(5, 0) == 20
