"""The list of errors and warnings, grouped by section: a panel below the
section tabs (a splitter pane, so it cannot be undocked and lost by accident).

The message takes the whole width and wraps (it states the numbers itself);
the panel folds to its title line (收起) to give the tables the height, and
unfolds to the height it had (展开)."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.checks import METADATA, Finding

from .document import Document
from .enum_props import set_enum_property
from .icons import finding_icon

REGISTER_GROUP = "台账（依申请公开登记）"
META_GROUP = "基本信息"
# Qt.ItemDataRole.UserRole.  Roles are plain ints in Qt's item API; naming the enum
# would create PySide's Qt enums before the first frame (see enum_props.py).
FINDING_ROLE = 0x0100


_WORD_WRAP = 0x1000  # Qt.TextFlag.TextWordWrap, as an int (see above)


class _FindingsTree(QTreeWidget):
    """Rows as tall as their wrapped message: QTreeView does not measure wrapped
    text against the column width by itself.  Each row gets its height as a size
    hint when it is made and when the width changes (a Python delegate measuring
    on every layout would slow down typing in the grid, which refreshes this list)."""

    def __init__(self) -> None:
        super().__init__()
        self._heights: dict[tuple[str, int], int] = {}  # (text, width) -> wrapped height
        self._width = 0

    def fit_row(self, item: QTreeWidgetItem, column_width: int) -> None:
        width = max(80, column_width - 8)
        text = item.text(1)
        height = self._heights.get((text, width))
        if height is None:
            if len(self._heights) > 500:
                self._heights.clear()
            height = self.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), _WORD_WRAP, text).height()
            self._heights[(text, width)] = height
        item.setSizeHint(1, QSize(width, height + 6))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        width = self.columnWidth(1)
        if width != self._width:
            self._width = width
            for g in range(self.topLevelItemCount()):
                group = self.topLevelItem(g)
                for i in range(group.childCount()):
                    self.fit_row(group.child(i), width)


class FindingsPanel(QWidget):
    activated = Signal(object)  # Finding

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("findings")
        self.doc = doc
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.tree = _FindingsTree()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["类别", "说明"])
        self.tree.setHeaderHidden(True)
        self.tree.header().setStretchLastSection(False)
        # a fixed first column: measuring it from the contents (ResizeToContents)
        # walks every row on each refresh, that is on every keystroke in the grid
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.tree.setColumnWidth(0, self.tree.indentation() + 24 + self.tree.fontMetrics().horizontalAdvance("已核实") + 12)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.setWordWrap(True)
        set_enum_property(self.tree, "textElideMode", "ElideNone")
        self.tree.setUniformRowHeights(False)
        self.tree.setAccessibleName("校验结果")
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.explain_button = QPushButton("标记为已核实…")
        self.explain_button.setToolTip("警告所指情况确实如此（例如机构合并导致结转数不同）时，写明原因后标记为已核实。错误不能标记。")
        self.explain_button.clicked.connect(self.explain_current)
        self.unexplain_button = QPushButton("取消核实")
        self.unexplain_button.clicked.connect(self.unexplain_current)
        self.fold_button = QPushButton("收起")
        self.fold_button.setToolTip("把校验结果收起为一行，让表格有更多空间；再点一次展开。")
        self.fold_button.clicked.connect(lambda: self.set_folded(not self.folded))
        self.folded = False
        self._unfolded_sizes: list[int] | None = None
        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 4, 6, 4)
        buttons.addWidget(self.title)
        buttons.addStretch(1)
        buttons.addWidget(self.explain_button)
        buttons.addWidget(self.unexplain_button)
        buttons.addWidget(self.fold_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        self._shown: list[tuple[object, ...]] | None = None
        self._shape: list[tuple[object, ...]] | None = None
        self._items: list[QTreeWidgetItem] = []
        doc.findings_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        # Typing in the grid refreshes this list on every keystroke: leave it alone
        # when nothing changed, and when only the messages changed (numbers in an
        # text), update the rows in place instead of rebuilding the tree.
        shown = [(f.rule, f.section, f.message, f.explanation) for f in self.doc.findings]
        if shown == self._shown:
            return
        self._shown = shown
        report = self.doc.report
        order = [META_GROUP] + [s.heading for s in report.form.sections] + [REGISTER_GROUP]
        ordered = sorted(self.doc.findings, key=lambda f: (order.index(self._group(f)), not f.is_error))
        shape = [(self._group(f), f.key, f.severity, f.explanation is None) for f in ordered]
        width = self.tree.columnWidth(1)
        if shape == self._shape and len(self._items) == len(ordered):
            for item, f in zip(self._items, ordered):
                self._fill(item, f, width)
            self._update_title()
            return
        self._shape = shape
        self.tree.clear()
        self._items = []
        groups: dict[str, QTreeWidgetItem] = {}
        for f in ordered:
            name = self._group(f)
            group = groups.get(name)
            if group is None:
                group = groups[name] = QTreeWidgetItem(self.tree, [name])
                group.setFirstColumnSpanned(True)
                group.setExpanded(True)
            if f.explanation is not None:
                item = QTreeWidgetItem(group, ["已核实", ""])
                for col in range(2):
                    item.setForeground(col, QBrush(QColor("#7A8594")))
            else:
                item = QTreeWidgetItem(group, [f.severity.label, ""])
                item.setIcon(0, finding_icon("error" if f.is_error else "warning"))
            self._fill(item, f, width)
            self._items.append(item)
        if not self.doc.findings:
            QTreeWidgetItem(self.tree, ["", "未发现错误或警告。"])
        self._update_title()

    def _fill(self, item: QTreeWidgetItem, f: Finding, width: int) -> None:
        text = f.message if f.explanation is None else f"{f.message}（核实说明：{f.explanation}）"
        if item.text(1) != text:
            item.setText(1, text)
            item.setToolTip(1, f"[{f.rule}] {f.message}")
            self.tree.fit_row(item, width)
        item.setData(0, FINDING_ROLE, f)

    def _update_title(self) -> None:
        explained = f"，{self.doc.explained_count} 个已核实" if self.doc.explained_count else ""
        self.title.setText(f"校验结果（{self.doc.error_count} 个错误，{self.doc.warning_count} 个警告{explained}）")
        self._update_buttons()

    # --- folding -----------------------------------------------------------------------

    def default_height(self) -> int:
        """The title line and three lines of the list."""
        title = self.layout().itemAt(0).sizeHint().height()
        return title + 3 * (self.tree.fontMetrics().height() + 4) + 6

    def _splitter(self):
        parent = self.parentWidget()
        return parent if parent is not None and parent.metaObject().className() == "QSplitter" else None

    def set_folded(self, folded: bool) -> None:
        """Fold the panel to its title line, or unfold it to the height it had."""
        if folded == self.folded:
            return
        splitter = self._splitter()
        self.folded = folded
        self.tree.setVisible(not folded)
        self.fold_button.setText("展开" if folded else "收起")
        if splitter is None:
            return
        sizes = splitter.sizes()
        me = splitter.indexOf(self)
        if folded:
            self._unfolded_sizes = list(sizes)
            title = self.layout().itemAt(0).sizeHint().height()
            sizes[me - 1] += sizes[me] - title
            sizes[me] = title
        elif self._unfolded_sizes is not None and sum(self._unfolded_sizes) == sum(sizes):
            sizes = self._unfolded_sizes
        else:
            share = sum(sizes) // 5
            sizes[me - 1] -= share - sizes[me]
            sizes[me] = share
        splitter.setSizes(sizes)

    def focus_list(self) -> None:
        """F6: unfold if folded, and put the keyboard in the list (Enter jumps to
        the cell), on the first error if nothing is chosen yet."""
        self.set_folded(False)
        self.tree.setFocus()
        if self.current_finding() is None:
            items = [self.tree.topLevelItem(g).child(i) for g in range(self.tree.topLevelItemCount())
                     for i in range(self.tree.topLevelItem(g).childCount())]
            found = [(item, item.data(0, FINDING_ROLE)) for item in items]
            first = next((item for item, f in found if isinstance(f, Finding) and f.is_error), None)
            if first is None and found:
                first = found[0][0]
            if first is not None:
                self.tree.setCurrentItem(first)

    def current_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        f = item.data(0, FINDING_ROLE) if item is not None else None
        return f if isinstance(f, Finding) else None

    def _update_buttons(self) -> None:
        f = self.current_finding()
        self.explain_button.setEnabled(f is not None and not f.is_error and f.explanation is None)
        self.unexplain_button.setEnabled(f is not None and f.explanation is not None)

    def _ask_explanation(self, finding: Finding) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getMultiLineText(
            self, "标记为已核实", f"{finding.message}\n\n请写明核实情况（将保存在草稿中，并列入 Excel 附表的“校验”表）：")
        return text.strip() if ok and text.strip() else None

    def explain_current(self) -> None:
        f = self.current_finding()
        if f is None or f.is_error:
            return
        note = self._ask_explanation(f)
        if note:
            self.doc.explain(f, note)

    def unexplain_current(self) -> None:
        f = self.current_finding()
        if f is not None and f.explanation is not None:
            self.doc.explain(f, None)

    def _group(self, f: Finding) -> str:
        if f.section == METADATA:
            return META_GROUP
        if f.section == "register":
            return REGISTER_GROUP
        try:
            return self.doc.report.form.section(f.section).heading
        except KeyError:
            return META_GROUP

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        f = item.data(0, FINDING_ROLE)
        if isinstance(f, Finding):
            self.activated.emit(f)
