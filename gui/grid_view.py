"""A spreadsheet-like view of one official table.

Excel habits: typing starts editing (replacing the cell), Enter moves down,
Tab moves right, Delete clears the selection, Ctrl+C/Ctrl+V copy and paste
tab-separated blocks.  The editor refuses characters the cell cannot hold.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QStyledItemDelegate, QTableView

from core.clipboard import copy_block, plan_paste
from core.forms.layout import Role

from .cell_balloon import CellBalloon
from .table_selection import commit_open_editor, selection_rect
from .frozen_headers import ColumnHeadings, CornerNote, RowLabels
from .grid_model import GridModel
from .grid_sizes import column_widths, header_texts, row_heights

CURSOR_COLOR = QColor("#1F5FBF")


class CellDelegate(QStyledItemDelegate):
    """The cell editor.  It takes any text; what the cell cannot hold ("12a",
    "-3" in a count, "1.5"件) is refused when the clerk presses Enter or Tab:
    the reason appears at the cell and the editor stays open with the text
    selected, so it can be corrected at once.  (core.model.parse_number
    decides what is refused; nothing different is stored.)"""

    def __init__(self, view: GridView) -> None:
        super().__init__(view)
        self.view = view
        self.editor: QLineEdit | None = None
        self.move_after_commit: tuple[int, int] | None = None

    def createEditor(self, parent, option, index):  # noqa: N802
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setFrame(False)
        editor.installEventFilter(self)
        editor.textEdited.connect(lambda _t: self.view.balloon.hide())
        self.editor = editor
        editor.destroyed.connect(lambda *_: setattr(self, "editor", None))
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.selectAll()

    def setModelData(self, editor, model, index):  # noqa: N802
        # Leaving the editor some other way (a click elsewhere, save, another tab):
        # a refused entry is explained at its own cell, which may no longer be the current one.
        problem = model.refusal(index, editor.text())
        if problem:
            self.view.show_refusal(index, problem)
            return
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and obj is self.editor:
            key = event.key()
            moves = {Qt.Key.Key_Return: (1, 0), Qt.Key.Key_Enter: (1, 0), Qt.Key.Key_Tab: (0, 1),
                     Qt.Key.Key_Backtab: (0, -1), Qt.Key.Key_Down: (1, 0), Qt.Key.Key_Up: (-1, 0)}
            if key in moves:
                problem = self.view.grid_model().refusal(self.view.currentIndex(), obj.text())
                if problem:
                    self.view.show_refusal(self.view.currentIndex(), problem)
                    obj.selectAll()
                    return True
                self.move_after_commit = moves[key]
                self.commitData.emit(obj)
                self.closeEditor.emit(obj, QStyledItemDelegate.EndEditHint.NoHint)
                return True
            if key == Qt.Key.Key_Escape:
                self.view.balloon.hide()
                self.closeEditor.emit(obj, QStyledItemDelegate.EndEditHint.RevertModelCache)
                return True
        return super().eventFilter(obj, event)


class GridView(QTableView):
    message = Signal(str)  # a short note for the status bar
    paste_refused = Signal(list)  # the refused cells of a paste

    def __init__(self, model: GridModel, parent=None) -> None:
        super().__init__(parent)
        self.frozen = False
        self.corner: CornerNote | None = None
        self.col_widths: list[int] = []
        self.row_heights: list[int] = []
        self.header_texts: dict[tuple[int, int], str] = {}
        self.setModel(model)
        self.delegate = CellDelegate(self)
        self.setItemDelegate(self.delegate)
        self.delegate.closeEditor.connect(self._after_close)
        self.balloon = CellBalloon(self.viewport())
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setStyleSheet("QTableView { gridline-color: #9AA5B1; } QTableView::item:selected { background: #CFE3FA; color: black; }")
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        model.modelReset.connect(self.apply_layout)
        self.apply_layout()

    def grid_model(self) -> GridModel:
        return self.model()  # type: ignore[return-value]

    # --- layout --------------------------------------------------------------------

    def apply_layout(self) -> None:
        grid = self.grid_model().grid
        self.clearSpans()
        for cell in grid.cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self._freeze_panes(grid.header_rows > 0)
        self.apply_sizes()
        first = self._first_editable()
        if first.isValid():
            self.setCurrentIndex(first)

    def _freeze_panes(self, freeze: bool) -> None:
        """Matrix tables keep their heading rows and label columns in place
        while the values scroll (frozen_headers.py); block tables (表二) repeat
        a heading for each block and are shown whole."""
        grid = self.grid_model().grid
        if freeze and not isinstance(self.horizontalHeader(), ColumnHeadings):
            self.setHorizontalHeader(ColumnHeadings(self))
            self.setVerticalHeader(RowLabels(self))
            self.corner = CornerNote(self)
        self.frozen = freeze
        for r in range(grid.n_rows):
            self.setRowHidden(r, freeze and r < grid.header_rows)
        for c in range(grid.n_cols):
            self.setColumnHidden(c, freeze and c < grid.label_cols)
        self.horizontalHeader().setVisible(freeze)
        self.verticalHeader().setVisible(freeze and grid.label_cols > 0)
        if self.corner is not None:
            self.corner.setVisible(freeze and grid.label_cols > 0)

    def apply_sizes(self) -> None:
        """Column widths filling the visible width (grid_sizes.py), row heights
        from the wrapped label text."""
        grid = self.grid_model().grid
        fm = self.fontMetrics()
        measure = fm.horizontalAdvance
        # The whole inside width less the scroll bar: the label columns (in the
        # vertical header when frozen) and the values share it.
        available = self.contentsRect().width() - 1
        if self.verticalScrollBar().isVisibleTo(self):
            available -= self.verticalScrollBar().width()
        widths = column_widths(grid, measure, measure("国"), available)
        self.header_texts = header_texts(grid, measure, widths)
        heights = row_heights(grid, measure, fm.height(), widths, self.header_texts)
        self.col_widths, self.row_heights = widths, heights
        for c, w in enumerate(widths):
            self.setColumnWidth(c, w)
        for r, h in enumerate(heights):
            self.setRowHeight(r, h)
        if self.frozen:
            self.updateGeometries()

    def updateGeometries(self) -> None:  # noqa: N802
        super().updateGeometries()
        if self.corner is not None:
            self.corner.setGeometry(self.verticalHeader().x(), self.horizontalHeader().y(),
                                    self.verticalHeader().width(), self.horizontalHeader().height())
            self.corner.raise_()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.apply_sizes()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        idx = self.currentIndex()
        if idx.isValid() and self.hasFocus():
            # A plain, strong cursor rectangle, as in Excel: the style's dotted
            # focus frame is hard to see on the tinted cells.  Drawn once per
            # paint here rather than by the delegate for every cell.
            rect = self.visualRect(idx)
            if rect.intersects(event.rect()):
                painter = QPainter(self.viewport())
                pen = QPen(CURSOR_COLOR)
                pen.setWidth(2)
                painter.setPen(pen)
                painter.drawRect(rect.adjusted(1, 1, -2, -2))
                painter.end()

    def currentChanged(self, current, previous) -> None:  # noqa: N802
        super().currentChanged(current, previous)
        # the cursor rectangle is drawn over the cell: repaint both cells whole
        for idx in (previous, current):
            if idx.isValid():
                self.viewport().update(self.visualRect(idx).adjusted(-2, -2, 2, 2))

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.viewport().update(self.visualRect(self.currentIndex()))

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.viewport().update(self.visualRect(self.currentIndex()))

    def _first_editable(self) -> QModelIndex:
        m = self.grid_model()
        for cell in sorted(m.grid.value_cells, key=lambda c: (c.row, c.col)):
            idx = m.index(cell.row, cell.col)
            if m.is_editable(idx):
                return idx
        return QModelIndex()

    # --- navigation ------------------------------------------------------------------

    def next_editable(self, index: QModelIndex, drow: int, dcol: int) -> QModelIndex:
        """The next input cell from index in a direction (skipping labels, totals
        and the covered parts of merged cells); index itself if there is none."""
        m = self.grid_model()
        grid = m.grid
        r, c = index.row(), index.column()
        cell = grid.covering(r, c)
        if cell is not None:
            r = cell.row + (cell.rowspan - 1 if drow > 0 else 0)
            c = cell.col + (cell.colspan - 1 if dcol > 0 else 0)
        while True:
            r, c = r + drow, c + dcol
            if dcol and not 0 <= c < grid.n_cols:  # wrap Tab to the next row, like Excel's Enter-in-selection
                c = 0 if dcol > 0 else grid.n_cols - 1
                r += dcol
            if not (0 <= r < grid.n_rows and 0 <= c < grid.n_cols):
                return index
            target = grid.covering(r, c)
            if target is None or target.role is not Role.VALUE:
                continue
            idx = m.index(target.row, target.col)
            if m.is_editable(idx):
                return idx

    def show_refusal(self, index: QModelIndex, text: str) -> None:
        """Why an entry was not taken, at its cell (and on the status bar)."""
        self.balloon.show_at(self.visualRect(index), f"未填入：{text}")
        self.message.emit(f"未填入：{text}")

    def _after_close(self, editor, hint) -> None:
        move = self.delegate.move_after_commit
        self.delegate.move_after_commit = None
        if move:
            self.setCurrentIndex(self.next_editable(self.currentIndex(), *move))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        idx = self.currentIndex()
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_selection()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.setCurrentIndex(self.next_editable(idx, -1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1, 0))
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.setCurrentIndex(self.next_editable(idx, 0, -1 if key == Qt.Key.Key_Backtab else 1))
            return
        text = event.text()
        if (text and text.isprintable() and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
                and self.grid_model().is_editable(idx) and self.state() != QAbstractItemView.State.EditingState):
            # Typing replaces the cell, as in Excel.  The one-argument edit() slot
            # does not forward the key, and Qt selects the editor's text after
            # setEditorData, so the typed character is put in afterwards.
            self.edit(idx)
            editor = self.delegate.editor
            if editor is not None:
                editor.setText("")
                editor.insert(text)
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802
        return False  # Tab navigates cells, not widgets

    # --- editing helpers ------------------------------------------------------------------

    def commit_editor(self) -> None:
        """Commit an open cell editor (before save, export or tab switch)."""
        commit_open_editor(self, self.delegate.editor, self.delegate)

    def _selected_rect(self) -> tuple[int, int, int, int] | None:
        return selection_rect(self)

    def selected_input_refs(self):
        m = self.grid_model()
        refs = []
        for idx in self.selectionModel().selectedIndexes() or [self.currentIndex()]:
            if m.is_editable(idx):
                refs.append(m.ref_at(idx))
        return refs

    def clear_selection(self) -> None:
        refs = [r for r in self.selected_input_refs() if self.grid_model().doc.report.value(r) is not None]
        if refs:
            self.grid_model().doc.set_cells({r: None for r in refs}, "清除")

    def copy_selection(self) -> None:
        rect = self._selected_rect()
        if rect is None:
            return
        m = self.grid_model()
        QGuiApplication.clipboard().setText(copy_block(m.doc.report, m.table_key, *rect))
        self.message.emit("已复制")

    def paste(self, text: str | None = None) -> bool:
        if text is None:
            text = QGuiApplication.clipboard().text()
        idx = self.currentIndex()
        if not text or not idx.isValid():
            return False
        m = self.grid_model()
        rect = self._selected_rect()
        top, left = (rect[0], rect[1]) if rect else (idx.row(), idx.column())
        plan = plan_paste(m.doc.report, m.table_key, top, left, text)
        if plan.refused:
            self.paste_refused.emit(plan.refused)
            return False
        if not plan.values:
            self.message.emit("粘贴区域内没有可填写的单元格。")
            return False
        m.doc.set_cells(plan.values, "粘贴")
        note = f"已粘贴 {len(plan.values)} 个单元格"
        if plan.skipped:
            note += f"，跳过 {plan.skipped} 个标题或总计单元格"
        self.message.emit(note + "。")
        return True
