"""The list of errors and warnings, grouped by section."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTreeWidget, QTreeWidgetItem

from core.checks import Finding
from core.model import format_value

from .document import Document
from .icons import finding_icon

META_GROUP = "基本信息"


class FindingsDock(QDockWidget):
    activated = Signal(object)  # Finding

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__("校验结果", parent)
        self.setObjectName("findings")
        self.doc = doc
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["类别", "说明", "应为 / 实际"])
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.setWidget(self.tree)
        doc.findings_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        report = self.doc.report
        groups: dict[str, QTreeWidgetItem] = {}
        order = [META_GROUP] + [s.heading for s in report.form.sections]
        for f in sorted(self.doc.findings, key=lambda f: (order.index(self._group(f)), not f.is_error)):
            name = self._group(f)
            group = groups.get(name)
            if group is None:
                group = groups[name] = QTreeWidgetItem(self.tree, [name])
                group.setFirstColumnSpanned(True)
                group.setExpanded(True)
            numbers = f"{format_value(f.expected)} / {format_value(f.actual)}" if f.expected is not None else ""
            item = QTreeWidgetItem(group, [f.severity.label, f.message, numbers])
            item.setIcon(0, finding_icon("error" if f.is_error else "warning"))
            item.setToolTip(1, f"[{f.rule}] {f.message}")
            item.setData(0, Qt.ItemDataRole.UserRole, f)
        if not self.doc.findings:
            QTreeWidgetItem(self.tree, ["", "未发现错误或警告。"])
        self.setWindowTitle(f"校验结果（{self.doc.error_count} 个错误，{self.doc.warning_count} 个警告）")

    def _group(self, f: Finding) -> str:
        if f.section == "meta":
            return META_GROUP
        try:
            return self.doc.report.form.section(f.section).heading
        except KeyError:
            return META_GROUP

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        f = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(f, Finding):
            self.activated.emit(f)
