"""What the Excel-like tables (report grids, 台账) share about editors and
selections, so copy, paste and commit behave the same in both."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QTableView, QWidget


def commit_open_editor(view: QTableView, editor: QWidget | None, delegate: QStyledItemDelegate) -> None:
    """Commit an open cell editor (before save, export, a tab switch or a copy)."""
    if editor is not None and view.state() == QAbstractItemView.State.EditingState:
        delegate.commitData.emit(editor)
        delegate.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)


def selection_rect(view: QTableView) -> tuple[int, int, int, int] | None:
    """(top, left, bottom, right) around the selection, or the current cell."""
    ranges = view.selectionModel().selection()
    if ranges.isEmpty():
        idx = view.currentIndex()
        return (idx.row(), idx.column(), idx.row(), idx.column()) if idx.isValid() else None
    return (min(r.top() for r in ranges), min(r.left() for r in ranges),
            max(r.bottom() for r in ranges), max(r.right() for r in ranges))
