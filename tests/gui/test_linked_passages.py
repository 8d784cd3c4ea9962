"""插入数据说明 in the narrative tab: the passage is inserted at the cursor,
tinted, follows the numbers as one undo step with them, unlinks when typed
into, and comes back with the editor's undo."""
from __future__ import annotations

from PySide6.QtGui import QTextCursor

from core.model import Report

A = "applications"
NONE = "本年度未收到政府信息公开申请。"
THREE = "本年度共收到政府信息公开申请3件，其中自然人申请3件。本年度没有办结的政府信息公开申请。"


def _overview(window):
    window.doc.replace(Report("甲局", 2023), None)
    tab = window.narrative_tab("overview")
    tab.editor.setPlainText("（二）依申请公开\n")
    tab.editor.moveCursor(QTextCursor.MoveOperation.End)
    return tab


def _tinted(tab) -> list[str]:
    return [s.cursor.selectedText() for s in tab.editor.extraSelections()]


def test_insert_link_follow_numbers_and_undo(window):
    tab = _overview(window)
    tab.passage_menu.aboutToShow.emit()
    titles = [a.text() for a in tab.passage_menu.actions() if a.text()]
    assert titles == ["主动公开情况（表二）", "依申请公开情况（表三）", "行政复议、行政诉讼情况（表四）", "全部插入"]
    next(a for a in tab.passage_menu.actions() if a.text() == "依申请公开情况（表三）").trigger()
    assert window.doc.report.texts["overview"] == f"（二）依申请公开\n{NONE}"
    assert _tinted(tab) == [NONE] and tab.link_hint.isVisibleTo(tab)

    # a number typed in 表三 rewrites the passage, one undo step with the number
    window.doc.set_cells({(A, "new", "natural"): 3})
    assert tab.editor.toPlainText() == f"（二）依申请公开\n{THREE}"
    assert _tinted(tab) == [THREE]
    window.doc.undo_stack.undo()
    assert tab.editor.toPlainText() == f"（二）依申请公开\n{NONE}"
    assert _tinted(tab) == [NONE]


def test_typing_into_a_passage_unlinks_it_and_undo_relinks(window):
    tab = _overview(window)
    tab.passage_menu.aboutToShow.emit()
    next(a for a in tab.passage_menu.actions() if a.text() == "依申请公开情况（表三）").trigger()
    cursor = tab.editor.textCursor()
    cursor.setPosition(len("（二）依申请公开\n本年度"))
    tab.editor.setTextCursor(cursor)
    tab.editor.insertPlainText("仍")
    assert window.doc.report.linked_spans("overview") == []
    assert _tinted(tab) == [] and not tab.link_hint.isVisibleTo(tab)
    window.doc.set_cells({(A, "new", "natural"): 3})
    assert "本年度仍未收到政府信息公开申请。" in tab.editor.toPlainText()  # left as typed
    assert any(f.rule == "V9" for f in window.doc.findings)  # and checked instead
    window.doc.undo_stack.undo()  # the number back ...
    tab.editor.undo()  # ... and the typing undone in the editor: linked again
    assert tab.editor.toPlainText() == f"（二）依申请公开\n{NONE}"
    assert _tinted(tab) == [NONE]
    assert len(window.doc.report.linked_spans("overview")) == 1


def test_insert_everything_in_the_middle_of_a_line(window):
    tab = _overview(window)
    tab.editor.setPlainText("甲。乙。")
    cursor = tab.editor.textCursor()
    cursor.setPosition(2)
    tab.editor.setTextCursor(cursor)
    tab.passage_menu.aboutToShow.emit()
    next(a for a in tab.passage_menu.actions() if a.text() == "全部插入").trigger()
    lines = tab.editor.toPlainText().split("\n")
    assert lines[0] == "甲。" and lines[-1] == "乙。" and len(lines) == 5
    assert len(_tinted(tab)) == 3


def test_no_passage_button_where_there_are_none(window):
    window.doc.replace(Report("甲局", 2023), None)
    assert not window.narrative_tab("problems").passage_button.isVisibleTo(window.narrative_tab("problems"))
    assert window.narrative_tab("other").passage_button.isVisibleTo(window.narrative_tab("other"))
    window.doc.replace(Report("甲局", 2020), None)  # the 2019 format has no 信息处理费 passage
    assert not window.narrative_tab("other").passage_button.isVisibleTo(window.narrative_tab("other"))


def test_new_report_offers_the_skeleton(window):
    offered = []
    window.ask_new_report = lambda agency: ("乙局", 2024)
    window.ask_skeleton = lambda sections, last: offered.append((sections, last)) or {"overview"}
    window.drafts.new_report()
    assert offered[0][1] is False and [s[0] for s in offered[0][0]] == ["overview", "problems", "other"]
    report = window.doc.report
    assert report.texts["overview"].startswith("（一）主动公开\n") and report.texts["problems"] == ""
    tab = window.narrative_tab("overview")
    assert len(_tinted(tab)) == 3


def test_from_last_year_relinks_last_years_passages(window, tmp_path, monkeypatch):
    from core.skeleton import apply_skeleton
    from core.storage import save

    last = Report("甲局", 2023)
    apply_skeleton(last)
    last.set_values({(A, "carry_forward", "natural"): 2})
    path = tmp_path / "2023.ogir"
    save(last, path)
    offered = []
    monkeypatch.setattr("gui.messages.show_info", lambda parent, title, text: None)
    window.ask_open_path = lambda *a: path
    window.ask_skeleton = lambda sections, from_last: offered.append(sections) or set()
    window.drafts.new_from_last_year()
    # every section had text last year: none is offered pre-ticked for the skeleton
    assert [(key, checked, has_text) for key, _, checked, has_text in offered[0]] == [
        ("overview", False, True), ("problems", False, True), ("other", False, True)]
    tab = window.narrative_tab("overview")
    assert "本年度未收到政府信息公开申请；上年结转政府信息公开申请2件。本年度没有办结的政府信息公开申请。" in _tinted(tab)


def test_skeleton_dialog_returns_the_ticked_sections(qtbot):
    from gui.skeleton_dialog import SkeletonDialog

    dialog = SkeletonDialog(None, [("overview", "一、总体情况", True, False), ("problems", "五、存在的主要问题及改进情况", False, True)],
                            True)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == {"overview"}
    dialog.boxes["problems"].setChecked(True)
    dialog.boxes["overview"].setChecked(False)
    assert dialog.chosen() == {"problems"}
    assert "上年有文字" in dialog.boxes["problems"].text()
