"""编辑 menu: undo, redo, copy, paste, clear.  Text fields keep their own undo
and clipboard; the grid on screen gets the rest.  In another workspace (汇总, 审核)
the report editor is hidden, so these never reach it there: Ctrl+Z in 汇总 must not
silently undo the last edit of a report that is not on screen."""
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


def other_workspace(window: MainWindow) -> QWidget | None:
    """The page on screen when it is not the report editor, else None."""
    from .workspaces import REPORT

    return None if window.workspaces.current_key() == REPORT else window.workspaces.currentWidget()


def undo(window: MainWindow) -> None:
    focus = QApplication.focusWidget()
    if is_text_editor(focus) or (isinstance(focus, QLineEdit) and focus.isUndoAvailable()):
        focus.undo()  # type: ignore[union-attr]  # text fields keep their own undo
        return
    page = other_workspace(window)
    if page is not None:
        if hasattr(page, "undo"):
            page.undo()  # the workspace's own undo (汇总: 撤销上一步)
        return
    window.commit_editors()
    window.doc.undo_stack.undo()


def redo(window: MainWindow) -> None:
    focus = QApplication.focusWidget()
    if is_text_editor(focus) or (isinstance(focus, QLineEdit) and focus.isRedoAvailable()):
        focus.redo()  # type: ignore[union-attr]
        return
    if other_workspace(window) is None:
        window.doc.undo_stack.redo()


def clipboard(window: MainWindow, action: str) -> None:
    """"copy", "paste" or "clear": in the grid on screen, or else in the focused text field."""
    focus = QApplication.focusWidget()
    if other_workspace(window) is not None:  # only a text field of that workspace
        if action != "clear" and isinstance(focus, QLineEdit):
            getattr(focus, action)()
        return
    tab = window.tabs.current_section_tab()
    if tab is not None and tab.clipboard(action):
        return
    extra = window.tabs.current_extra()
    if extra is not None and hasattr(extra, "clipboard") and not isinstance(QApplication.focusWidget(), QLineEdit):
        extra.clipboard(action)
        return
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
