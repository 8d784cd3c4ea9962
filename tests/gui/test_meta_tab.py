"""基本信息: what the clerk types lands in the report, bad dates are explained."""
from __future__ import annotations

from core.model import Report


def hint_shown(tab, label) -> bool:
    return tab._form.isRowVisible(tab._hint_rows[label]) and bool(label.text())


def test_agency_is_stored_and_undoable(window):
    tab = window.meta_tab
    tab.agency.setText("  某某市某某局 ")
    tab.agency.editingFinished.emit()
    assert window.doc.report.meta.agency == "某某市某某局"
    assert "某某市某某局" in window.windowTitle()
    window.doc.undo_stack.undo()
    assert window.doc.report.meta.agency == "" and tab.agency.text() == ""


def test_bad_date_is_explained_and_not_stored(window):
    window.doc.replace(Report("甲局", 2023), None)
    tab = window.meta_tab
    assert not hint_shown(tab, tab.date_hint)  # no empty red row before anything is typed
    assert tab.date.placeholderText() == "如 2024-01-20，或只填年月 2024-01"
    tab.date.setText("2024年1月")
    tab.date.editingFinished.emit()
    assert hint_shown(tab, tab.date_hint) and "2024-01-20" in tab.date_hint.text()
    assert window.doc.report.meta.date == ""
    tab.date.setText("2024/1/20")
    tab.date.editingFinished.emit()
    assert not hint_shown(tab, tab.date_hint)
    assert window.doc.report.meta.date == "2024-1-20"


def test_year_sets_format_and_overriding_it_warns(window):
    tab = window.meta_tab
    window.doc.replace(Report("甲局", 2020), None)
    assert tab.form_combo.currentData() == "2019"
    assert not hint_shown(tab, tab.form_hint)
    tab.year.setValue(2022)
    tab.year.editingFinished.emit()
    assert window.doc.report.form.key == "2021" and tab.form_combo.currentData() == "2021"
    assert tab.date.placeholderText().startswith("如 2023-01-20")
    tab.form_combo.activated.emit(tab.form_combo.findData("2019"))
    assert window.doc.report.form.key == "2019"
    assert hint_shown(tab, tab.form_hint) and "2022年度应使用2021年版格式" in tab.form_hint.text()


def test_edit_menu_copy_and_paste_work_in_text_fields_and_grids(qtbot, window):
    from PySide6.QtWidgets import QApplication

    field = window.meta_tab.agency
    field.setText("某某市某某局")
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    field.selectAll()
    window.copy()
    assert QApplication.clipboard().text() == "某某市某某局"
    window.meta_tab.contact.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.meta_tab.contact)
    window.paste()
    assert window.meta_tab.contact.text() == "某某市某某局"

    tab = window.show_section("applications")
    window.doc.set_cells({("applications", "new", "natural"): 7})
    tab.view.setCurrentIndex(tab.model.index_of(("applications", "new", "natural")))
    window.copy()
    assert QApplication.clipboard().text().strip() == "7"


def test_title_is_editable_warned_and_reset_by_clearing(window):
    window.doc.replace(Report("广州市海珠区政务服务数据管理局", 2019), None)
    tab = window.meta_tab
    assert tab.title.text() == ""
    assert tab.title.placeholderText() == "默认：广州市海珠区政务服务数据管理局2019年政府信息公开工作年度报告"
    tab.title.setText("广州市海珠区政务服务数据管理局2019年政府信息公开年度报告")
    tab.title.editingFinished.emit()
    report = window.doc.report
    assert report.title == "广州市海珠区政务服务数据管理局2019年政府信息公开年度报告"
    assert hint_shown(tab, tab.title_hint)
    window.doc.undo_stack.undo()
    assert report.title == "广州市海珠区政务服务数据管理局2019年政府信息公开工作年度报告"
    assert not hint_shown(tab, tab.title_hint)
