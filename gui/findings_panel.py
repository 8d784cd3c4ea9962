"""The list of errors and warnings, grouped by section: a panel below the
section tabs (a splitter pane, so it cannot be undocked and lost by accident)."""
from __future__ import annotations

from PySide6.QtCore import Signal
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

from core.checks import Finding
from core.model import format_value

from .document import Document
from .icons import finding_icon

REGISTER_GROUP = "台账（依申请公开登记）"
META_GROUP = "基本信息"
# Qt.ItemDataRole.UserRole.  Roles are plain ints in Qt's item API; naming the enum
# would create PySide's Qt enums before the first frame (see enum_props.py).
FINDING_ROLE = 0x0100


class FindingsPanel(QWidget):
    activated = Signal(object)  # Finding

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("findings")
        self.doc = doc
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["类别", "说明", "应为 / 实际"])
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.explain_button = QPushButton("标记为已核实…")
        self.explain_button.setToolTip("警告所指情况确实如此（例如机构合并导致结转数不同）时，写明原因后标记为已核实。错误不能标记。")
        self.explain_button.clicked.connect(self.explain_current)
        self.unexplain_button = QPushButton("取消核实")
        self.unexplain_button.clicked.connect(self.unexplain_current)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 4, 6, 4)
        buttons.addWidget(self.title)
        buttons.addStretch(1)
        buttons.addWidget(self.explain_button)
        buttons.addWidget(self.unexplain_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        doc.findings_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        report = self.doc.report
        groups: dict[str, QTreeWidgetItem] = {}
        order = [META_GROUP] + [s.heading for s in report.form.sections] + [REGISTER_GROUP]
        for f in sorted(self.doc.findings, key=lambda f: (order.index(self._group(f)), not f.is_error)):
            name = self._group(f)
            group = groups.get(name)
            if group is None:
                group = groups[name] = QTreeWidgetItem(self.tree, [name])
                group.setFirstColumnSpanned(True)
                group.setExpanded(True)
            numbers = f"{format_value(f.expected)} / {format_value(f.actual)}" if f.expected is not None else ""
            if f.explanation is not None:
                item = QTreeWidgetItem(group, ["已核实", f"{f.message}（核实说明：{f.explanation}）", numbers])
                for col in range(3):
                    item.setForeground(col, QBrush(QColor("#7A8594")))
            else:
                item = QTreeWidgetItem(group, [f.severity.label, f.message, numbers])
                item.setIcon(0, finding_icon("error" if f.is_error else "warning"))
            item.setToolTip(1, f"[{f.rule}] {f.message}")
            item.setData(0, FINDING_ROLE, f)
        if not self.doc.findings:
            QTreeWidgetItem(self.tree, ["", "未发现错误或警告。"])
        explained = f"，{self.doc.explained_count} 个已核实" if self.doc.explained_count else ""
        self.title.setText(f"校验结果（{self.doc.error_count} 个错误，{self.doc.warning_count} 个警告{explained}）")
        self._update_buttons()

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
        if f.section == "meta":
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
