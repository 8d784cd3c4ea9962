"""The 台账 tab: editing with undo, paste, filters, sorting, 由台账生成 and drill-down."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from core.model import Report
from core.register.request import Request

A = "applications"


def _report() -> Report:
    r = Report("某县人民政府办公室", 2024)
    r.register_live.set_context(2024, r.meta.form_key, date(2024, 10, 24))
    r.register.insert(0, [
        Request("1", date(2024, 3, 1), "网络", "natural", answered=date(2024, 3, 10), result="granted"),
        Request("2", date(2024, 9, 2), "当面", "commercial"),  # due 9月30日: overdue on 10月24日
        Request("3", date(2024, 9, 26), "邮寄", "natural"),  # due 10月29日: due soon
        Request("4", date(2024, 1, 5), "网络", "natural", answered=date(2024, 1, 20), result="not_held"),
    ])
    return r


def _page(window):
    window.doc.replace(_report(), None)
    return window.tabs.show_extra("register")


def test_edit_undo_and_table_follow(window, qtbot):
    page = _page(window)
    m = page.model
    assert m.rowCount() == 4 and m.index(1, 3).data() == "法人或其他组织-商业企业"
    assert m.index(1, 16).data() == "已逾期" and m.index(2, 16).data() == "即将到期"
    page.drives.click()
    report = window.doc.report
    assert report.register_drives and report.number((A, "new", "natural")) == 3
    assert not window.tabs.table_tab(A).model.is_editable(window.tabs.table_tab(A).model.index_of((A, "new", "natural")))
    assert m.setData(m.index(1, 11), "2024年10月20日") and m.setData(m.index(1, 12), "予以公开")
    assert report.register[1].answered == date(2024, 10, 20) and report.register[1].result == "granted"
    assert report.number((A, "granted", "commercial")) == 1
    assert not m.setData(m.index(1, 11), "明天")  # refused, nothing changes
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert report.register[1].answered is None and report.number((A, "granted", "commercial")) == 0
    window.doc.undo_stack.undo()  # 由台账生成 off again
    assert not report.register_drives and not page.drives.isChecked()


def test_paste_adds_rows_and_refuses_bad_values(window, qtbot, monkeypatch):
    page = _page(window)
    errors = []
    monkeypatch.setattr(window, "show_error", lambda text, title="": errors.append(text))
    m, view = page.model, page.view
    view.setCurrentIndex(m.index(3, 0))
    view.paste_text("5\t2024/11/1\t传真\t自然人\n6\t2024.11.2\t网络\t商业企业\n")
    reg = window.doc.report.register
    # the 4th row is overwritten, the 2nd pasted line becomes a new request
    assert len(reg) == 5 and reg[4] == Request("6", date(2024, 11, 2), "网络", "commercial")
    assert reg[3] == Request("5", date(2024, 11, 1), "传真", "natural", answered=date(2024, 1, 20), result="not_held")
    view.paste_text("7\t2024-02-30\n")
    assert errors and "2024-02-30" in errors[0] and len(reg) == 5
    window.doc.undo_stack.undo()
    assert len(reg) == 4 and reg[3].number == "4"


def test_filters_sort_and_drill_down(window, qtbot):
    page = _page(window)
    m = page.model
    page.filter.setCurrentIndex(list(page.filter.itemData(i) for i in range(page.filter.count())).index("open"))
    assert [m.index(r, 0).data() for r in range(m.rowCount())] == ["2", "3"]
    page.filter.setCurrentIndex(3)  # 到期提醒
    assert [m.index(r, 0).data() for r in range(m.rowCount())] == ["2", "3"]
    page.filter.setCurrentIndex(0)
    m.sort(1, Qt.SortOrder.AscendingOrder)
    assert [m.index(r, 0).data() for r in range(m.rowCount())] == ["4", "1", "2", "3"]
    page.drives.click()
    tab = window.tabs.table_tab(A)
    idx = tab.model.index_of((A, "new", "total"))
    assert "由台账生成：4件申请" in idx.data(Qt.ItemDataRole.ToolTipRole)
    tab.view.doubleClicked.emit(tab.model.index_of((A, "carry_forward", "natural")))
    assert window.tabs.currentWidget() is not tab and page.drill_bar.isVisibleTo(page)
    assert [m.index(r, 0).data() for r in range(m.rowCount())] == ["3"]
    page.drill_clear.click()
    assert m.rowCount() == 4


def test_register_finding_selects_its_row(window, qtbot):
    page = _page(window)
    f = next(f for f in window.doc.findings if f.rule == "D1")
    window.tabs.show_section("overview")
    window.tabs.show_finding(f)
    assert window.tabs.current_extra() is page
    assert page.model.register_index(page.view.currentIndex().row()) == 1


def test_import_dialog_needs_every_value_chosen(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from gui.register_import_dialog import RegisterImportDialog
    from tests.core.test_register_import import messy

    window.doc.replace(Report("某县自然资源局", 2024), None)
    path = messy(tmp_path / "台账.xlsx")
    window.ask_open_path = lambda *a: path
    infos = []
    monkeypatch.setattr(window, "show_info", lambda title, text: infos.append(text))

    def answer(dialog: RegisterImportDialog) -> int:
        dialog._go(1)
        assert not dialog.ok.isEnabled()  # 同意公开 is not an official name: must be chosen
        asked = {q.text: box for q, box in dialog.value_boxes}
        assert asked["企业"].currentData() == "commercial"  # a suggestion, shown for review
        assert asked["同意公开"].currentData() is None
        asked["同意公开"].setCurrentIndex(asked["同意公开"].findData("granted"))
        assert dialog.ok.isEnabled()
        assert "第9行无法读取" in dialog.rows_text.toPlainText()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RegisterImportDialog, "exec", answer)
    from gui.register_import_dialog import run_import

    run_import(window)
    report = window.doc.report
    assert [r.number for r in report.register] == ["1", "2", "3", "5"] and report.register_drives
    assert infos == ["已导入 4 件申请。"]
    window.doc.undo_stack.undo()
    assert len(report.register) == 0 and not report.register_drives
