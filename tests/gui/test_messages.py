"""The three-way questions (unsaved changes, which file to keep) share one message box:
Chinese buttons, the first the default, Esc = the last."""
from __future__ import annotations


def _answer_with(monkeypatch, button_text):
    from PySide6.QtWidgets import QMessageBox

    seen = {}

    def fake_exec(box):
        seen["buttons"] = [b.text() for b in box.buttons()]
        seen["default"] = box.defaultButton().text()
        seen["escape"] = box.escapeButton().text()
        seen["text"] = box.text()
        if button_text is not None:
            next(b for b in box.buttons() if b.text() == button_text).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return seen


def test_unsaved_question(qtbot, monkeypatch):
    from gui import messages

    seen = _answer_with(monkeypatch, "不保存")
    assert messages.ask_unsaved(None, "某局.ogir") == messages.DISCARD
    assert sorted(seen["buttons"]) == sorted(["保存", "不保存", "取消"])
    assert (seen["default"], seen["escape"]) == ("保存", "取消")
    assert seen["text"] == "“某局.ogir”有尚未保存的修改。是否保存？"
    _answer_with(monkeypatch, None)  # the box closed without a button: cancel
    assert messages.ask_unsaved(None, "某局.ogir") == messages.CANCEL


def test_keep_question(qtbot, monkeypatch):
    from core.consolidation.assignment import KEEP_BOTH, KEEP_NEW
    from gui.consolidation_assign import ask_keep

    seen = _answer_with(monkeypatch, "都保留")
    assert ask_keep(None, "某某县财政局", "新.xlsx", ["旧.xlsx"]) == KEEP_BOTH
    assert (seen["default"], seen["escape"]) == ("用新指定的文件", "取消")
    assert seen["text"].startswith("“某某县财政局”已有文件：旧.xlsx。")
    _answer_with(monkeypatch, "用新指定的文件")
    assert ask_keep(None, "某某县财政局", "新.xlsx", ["旧.xlsx"]) == KEEP_NEW
    _answer_with(monkeypatch, "取消")
    assert ask_keep(None, "某某县财政局", "新.xlsx", ["旧.xlsx"]) == ""
