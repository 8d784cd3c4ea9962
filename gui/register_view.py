"""The register's table view: Excel-like keys (typing replaces a cell, Enter moves
down, Delete clears, Ctrl+C / Ctrl+V blocks, pasting below the last row adds
requests), a drop-down of official labels for 申请人类型 and 办理结果."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QStyledItemDelegate, QTableView, QWidget

from core.clipboard import parse_tsv
from core.register.dates import DateError
from core.register.mapping import choice_options
from core.register.request import FieldKind, Request

from .register_commands import InsertRequests, SetRegisterFields
from .register_model import RegisterModel
from .table_selection import commit_open_editor, selection_rect

_CHOICE_KINDS = (FieldKind.APPLICANT, FieldKind.RESULT, FieldKind.CHANNEL)


class RegisterDelegate(QStyledItemDelegate):
    def __init__(self, model: RegisterModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model
        self.editor: QWidget | None = None

    def _track(self, editor: QWidget) -> QWidget:
        self.editor = editor
        editor.destroyed.connect(lambda *_: setattr(self, "editor", None))
        return editor

    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:  # noqa: N802
        spec = self.model.spec(index.column())
        if spec is not None and spec.kind in _CHOICE_KINDS:
            box = QComboBox(parent)
            box.addItem("", "")
            for value, label in choice_options(spec.key, self.model.doc.report.meta.form_key):
                box.addItem(label, value)
            box.setMaxVisibleItems(30)
            return self._track(box)
        editor = super().createEditor(parent, option, index)
        if spec is not None and spec.kind is FieldKind.DATE:
            editor.setPlaceholderText("如 2024-01-05、2024/1/5、2024年1月5日")  # type: ignore[attr-defined]
        return self._track(editor)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class RegisterView(QTableView):
    message = Signal(str)
    paste_refused = Signal(list)

    def __init__(self, model: RegisterModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.register_model = model
        self.setModel(model)
        self.delegate = RegisterDelegate(model, self)
        self.setItemDelegate(self.delegate)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicatorShown(True)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: 20,000 of them stay cheap
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setWordWrap(False)
        self._keep: tuple[int, int] | None = None
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_current)
        for col, width in ((0, 90), (1, 96), (3, 160), (4, 90), (5, 220), (12, 260), (14, 120)):
            self.setColumnWidth(col, width)

    def _remember_current(self) -> None:
        idx = self.currentIndex()
        self._keep = (self.register_model.register_index(idx.row()), idx.column()) if idx.isValid() else None

    def _restore_current(self) -> None:
        """Sorting, filtering and inserting rebuild the rows: stay on the same request."""
        if self._keep is None:
            return
        row = self.register_model.row_of(self._keep[0])
        if row is not None:
            self.setCurrentIndex(self.register_model.index(row, self._keep[1]))

    def event(self, e: Any) -> bool:
        # Let the table, not the menu actions, take Copy/Paste/Delete while it has focus.
        if e.type() == e.Type.ShortcutOverride and (
                e.matches(QKeySequence.StandardKey.Copy) or e.matches(QKeySequence.StandardKey.Paste)
                or e.key() == Qt.Key.Key_Delete):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            self.clear_selection()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            idx = self.currentIndex()
            self.setCurrentIndex(self.model().index(min(idx.row() + 1, self.model().rowCount() - 1), idx.column()))
            return
        super().keyPressEvent(event)

    def commit_editor(self) -> None:
        commit_open_editor(self, self.delegate.editor, self.delegate)

    # --- clipboard -----------------------------------------------------------------------

    def _rect(self) -> tuple[int, int, int, int] | None:
        return selection_rect(self)

    def copy_selection(self) -> None:
        rect = self._rect()
        if rect is None:
            return
        top, left, bottom, right = rect
        m = self.register_model
        lines = ["\t".join(str(m.index(r, c).data() or "") for c in range(left, right + 1))
                 for r in range(top, bottom + 1)]
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")
        self.message.emit(f"已复制 {bottom - top + 1} 行 × {right - left + 1} 列")

    def clear_selection(self) -> None:
        m = self.register_model
        edits: dict[tuple[int, str], Any] = {}
        for idx in self.selectionModel().selectedIndexes() or [self.currentIndex()]:
            spec = m.spec(idx.column()) if idx.isValid() else None
            if spec is None:
                continue
            for k, v in m.parse(spec, "").items():
                edits[(m.register_index(idx.row()), k)] = v
        if edits:
            m.doc.undo_stack.push(SetRegisterFields(m.doc, edits, "清除台账内容"))

    def paste(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        """Paste a block at the current cell; rows past the end become new requests.
        All or nothing: any value that does not fit refuses the whole paste."""
        m = self.register_model
        start = self.currentIndex()
        rows = [r for r in parse_tsv(text)]
        if not rows or not start.isValid() and m.rowCount() > 0:
            return
        top = start.row() if start.isValid() else 0
        left = start.column() if start.isValid() else 0
        register = m.doc.report.register
        refused: list[str] = []
        edits: dict[tuple[int, str], Any] = {}
        new_rows: list[dict[str, Any]] = []
        for r, cells in enumerate(rows):
            target: dict[str, Any] = {}
            for c, raw in enumerate(cells):
                spec = m.spec(left + c)
                if spec is None:
                    continue
                try:
                    target.update(m.parse(spec, raw))
                except (DateError, ValueError) as exc:
                    refused.append(f"第{r + 1}行第{c + 1}列 {spec.label}：{exc}")
            if top + r < m.rowCount():
                i = m.register_index(top + r)
                edits.update({(i, k): v for k, v in target.items()})
            else:
                new_rows.append(target)
        if refused:
            self.paste_refused.emit(refused)
            return
        stack = m.doc.undo_stack
        stack.beginMacro("粘贴到台账")
        if edits:
            stack.push(SetRegisterFields(m.doc, edits, "粘贴到台账"))
        if new_rows:
            stack.push(InsertRequests(m.doc, len(register), [Request(**f) for f in new_rows], "粘贴新增申请"))
        stack.endMacro()
        self.message.emit(f"已粘贴 {len(rows)} 行" + (f"，其中新增 {len(new_rows)} 件申请" if new_rows else ""))
