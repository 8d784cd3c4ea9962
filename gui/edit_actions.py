"""编辑 menu: undo, redo, copy, paste, clear.  Text fields keep their own undo
and clipboard; the grid on screen gets the rest."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QLineEdit

from .menus import MenuAction

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from .main_window import MainWindow

EDIT = "编辑(&E)"


def is_text_editor(widget: QWidget | None) -> bool:
    """A narrative editor (QPlainTextEdit), without naming the class at start-up."""
    return widget is not None and widget.metaObject().className() == "QPlainTextEdit"


def undo(window: MainWindow) -> None:
    focus = QApplication.focusWidget()
    if is_text_editor(focus) or (isinstance(focus, QLineEdit) and focus.isUndoAvailable()):
        focus.undo()  # type: ignore[union-attr]  # text fields keep their own undo
        return
    window.commit_editors()
    window.doc.undo_stack.undo()


def redo(window: MainWindow) -> None:
    focus = QApplication.focusWidget()
    if is_text_editor(focus) or (isinstance(focus, QLineEdit) and focus.isRedoAvailable()):
        focus.redo()  # type: ignore[union-attr]
        return
    window.doc.undo_stack.redo()


def clipboard(window: MainWindow, action: str) -> None:
    """"copy", "paste" or "clear": in the grid on screen, or else in the focused text field."""
    tab = window.tabs.current_section_tab()
    if tab is not None and tab.clipboard(action):
        return
    extra = window.tabs.current_extra()
    if extra is not None and hasattr(extra, "clipboard") and not isinstance(QApplication.focusWidget(), QLineEdit):
        extra.clipboard(action)
        return
    focus = QApplication.focusWidget()
    if action != "clear" and (is_text_editor(focus) or isinstance(focus, QLineEdit)):
        getattr(focus, action)()


def _follow_undo_stack(window: MainWindow, action: QAction, can: str) -> None:
    getattr(window.doc.undo_stack, can).connect(action.setEnabled)
    action.setEnabled(False)


ACTIONS = (
    MenuAction("undo", EDIT, "history", "撤销(&U)", undo, "Undo", toolbar="history",
               setup=lambda w, a: _follow_undo_stack(w, a, "canUndoChanged")),
    MenuAction("redo", EDIT, "history", "重做(&R)", redo, "Ctrl+Y", toolbar="history",
               setup=lambda w, a: _follow_undo_stack(w, a, "canRedoChanged")),
    # the grid handles these keys itself; the menu entries stay as visible entry points
    MenuAction("copy", EDIT, "clipboard", "复制(&C)", lambda w: clipboard(w, "copy"), "Copy", widget_shortcut=True),
    MenuAction("paste", EDIT, "clipboard", "粘贴(&P)", lambda w: clipboard(w, "paste"), "Paste",
               widget_shortcut=True),
    MenuAction("clear", EDIT, "clipboard", "清除(&D)", lambda w: clipboard(w, "clear"), "Delete",
               widget_shortcut=True),
)
