"""One generic Qt model for every official table, driven by the grid layout.

The whole national table — captions, multi-level headers, row labels and
values — is laid out in the model's cells, and the view applies the same
spans, so the user sees exactly the official header structure.
"""
from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from core.forms.layout import Grid, GridCell, Role, layout
from core.forms.schema import CellRef
from core.model import Change, ChangeKind, InvalidValue, format_value, parse_number
from core.model.report import REGISTER_TABLE, Report

from .document import Document
from .icons import finding_icon


BG_COMPUTED = QColor("#E8EDF3")
BG_HEADER = QColor("#F2F3F5")
BG_LABEL = QColor("#FAFAFA")
BG_ERROR = QColor("#F9D6D5")
BG_WARNING = QColor("#FFF1C2")
FG_COMPUTED = QColor("#1F3A5F")

_FINDING_ROLES = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole]


class _Style:
    """Brushes and fonts made once: data() runs for every cell and role on each
    repaint, and building Qt objects there is what makes a repaint slow."""

    def __init__(self) -> None:
        self.computed = QBrush(BG_COMPUTED)
        self.header = QBrush(BG_HEADER)
        self.label = QBrush(BG_LABEL)
        self.error = QBrush(BG_ERROR)
        self.warning = QBrush(BG_WARNING)
        self.computed_text = QBrush(FG_COMPUTED)
        self.bold = QFont()
        self.bold.setBold(True)
        self.plain = QFont()


_STYLE: _Style | None = None


def _style() -> _Style:
    global _STYLE
    if _STYLE is None:
        _STYLE = _Style()
    return _STYLE


_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _register_tooltip(report: Report, ref: CellRef) -> str:
    """Which requests of the register a 表三 cell counts (由台账生成)."""
    spec = report.form.cells[ref]
    inputs: list[CellRef] = []
    todo = [(spec.table, r, c) for r, c in spec.terms]
    while todo:
        t = todo.pop()
        if report.form.cells[t].computed:
            todo += [(t[0], r, c) for r, c in report.form.cells[t].terms]
        else:
            inputs.append(t)
    indices = report.register_live.requests_in(ref, inputs)
    if not indices:
        return "由台账生成：没有计入此处的申请。"
    names = [report.register[i].number or f"第{i + 1}行" for i in indices[:8]]
    more = f"等{len(indices)}件" if len(indices) > 8 else ""
    return f"由台账生成：{len(indices)}件申请（{'、'.join(names)}{more}）。双击查看。"


class GridModel(QAbstractTableModel):
    edit_refused = Signal(str)  # why a typed value was not taken (for the status bar)

    def __init__(self, doc: Document, table_key: str, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.table_key = table_key
        self.grid: Grid = layout(doc.report.form.table(table_key))
        self._marks: dict[CellRef, str] = {}  # ref -> "error" / "warning"
        doc.changed.connect(self._on_change)
        doc.replaced.connect(self._reset)
        doc.findings_changed.connect(self._on_findings)
        self._on_findings()

    # --- structure --------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else self.grid.n_rows

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.grid.n_cols

    def cell_at(self, index: QModelIndex | QPersistentModelIndex) -> GridCell | None:
        """The grid cell anchored at this index (None inside a merged area)."""
        if not index.isValid():
            return None
        return self.grid.at(index.row(), index.column())

    def ref_at(self, index) -> CellRef | None:
        cell = self.cell_at(index)
        return cell.ref if cell is not None and cell.role is Role.VALUE else None

    def index_of(self, ref: CellRef) -> QModelIndex:
        r, c = self.grid.position(ref)
        return self.index(r, c)

    def is_editable(self, index) -> bool:
        ref = self.ref_at(index)
        return ref is not None and self.doc.report.is_input(ref)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(index):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    # --- data ---------------------------------------------------------------------

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell_at(index)
        if cell is None:
            return None
        if cell.role is not Role.VALUE:
            return self._label_data(cell, role)
        ref = cell.ref
        assert ref is not None
        report = self.doc.report
        spec = report.form.cells[ref]
        if role == Qt.ItemDataRole.DisplayRole:
            text = format_value(report.value(ref))
            unit = report.unit(ref)
            return f"{text} {unit}" if text and unit else text
        if role == Qt.ItemDataRole.EditRole:
            return format_value(report.value(ref))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER
        if role == Qt.ItemDataRole.BackgroundRole:
            mark = self._marks.get(ref)
            if mark == "error":
                return _style().error
            if mark == "warning":
                return _style().warning
            # totals, and 表三's cells while the register fills them, cannot be typed
            return _style().computed if spec.computed or not report.is_input(ref) else None
        if role == Qt.ItemDataRole.ForegroundRole and spec.computed:
            return _style().computed_text
        if role == Qt.ItemDataRole.FontRole and spec.computed:
            return _style().bold
        if role == Qt.ItemDataRole.DecorationRole:
            mark = self._marks.get(ref)
            return finding_icon(mark) if mark else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(ref)
        return None

    def _label_data(self, cell: GridCell, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if cell.role is Role.LABEL else _CENTER
        if role == Qt.ItemDataRole.BackgroundRole:
            return _style().label if cell.role is Role.LABEL else _style().header
        if role == Qt.ItemDataRole.FontRole and cell.role is Role.CAPTION:
            return _style().bold
        if role == Qt.ItemDataRole.ToolTipRole and len(cell.text) > 12:
            return cell.text
        return None

    def _tooltip(self, ref: CellRef) -> str:
        report = self.doc.report
        spec = report.form.cells[ref]
        lines = [spec.label]
        if report.register_drives and ref[0] == REGISTER_TABLE:
            lines.append(_register_tooltip(report, ref))
        elif spec.computed:
            lines.append(f"自动计算：{spec.rule_name}")
        else:
            lines.append(f"填写{spec.domain.describe()}；留空按0计。")
        # every message states its numbers (expected, actual, the difference)
        lines += [f"【{f.severity.label} {f.rule}】{f.message}" for f in self.doc.findings_for(ref)]
        # rich text, so that Qt wraps a long message instead of one screen-wide line
        return "".join(f"<p>{escape(line)}</p>" for line in lines)

    def refusal(self, index, text: str) -> str | None:
        """Why `text` cannot go into the cell at index (Chinese), or None if it can."""
        ref = self.ref_at(index)
        if ref is None:
            return None
        spec = self.doc.report.form.cells[ref]
        try:
            parse_number(text, spec.domain)
        except InvalidValue as exc:
            return str(exc)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not self.is_editable(index):
            return False
        ref = self.ref_at(index)
        assert ref is not None
        spec = self.doc.report.form.cells[ref]
        try:
            parsed = parse_number(str(value or ""), spec.domain)
        except InvalidValue as exc:
            self.edit_refused.emit(f"{spec.label}：{exc}")
            return False
        self.doc.set_cells({ref: parsed})
        return True

    # --- change propagation ----------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.kind == ChangeKind.FORM:
            self._reset()
            return
        if change.kind not in (ChangeKind.CELLS, ChangeKind.REGISTER):
            return
        for ref in change.cells:
            if ref[0] == self.table_key:
                idx = self.index_of(ref)
                self.dataChanged.emit(idx, idx)

    def _reset(self) -> None:
        self.beginResetModel()
        self.grid = layout(self.doc.report.form.table(self.table_key))
        self._marks = {}
        self.endResetModel()
        self._on_findings()

    def _on_findings(self) -> None:
        marks: dict[CellRef, str] = {}
        for f in self.doc.findings:
            for ref in f.cells:
                if ref[0] == self.table_key:
                    if f.is_error or marks.get(ref) != "error":
                        marks[ref] = "error" if f.is_error else "warning"
        changed = {ref for ref in set(marks) | set(self._marks) if marks.get(ref) != self._marks.get(ref)}
        self._marks = marks
        for ref in changed:
            if ref in self.doc.report.form.cells and ref[0] == self.table_key:
                idx = self.index_of(ref)
                self.dataChanged.emit(idx, idx, _FINDING_ROLES)

    def marks(self) -> dict[CellRef, str]:
        return dict(self._marks)

