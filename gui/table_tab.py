"""A table section: heading, guidance, unit choices and the grid."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel

from core.forms import MatrixTable, TableSection
from core.model import Change, ChangeKind

from .document import Document
from .grid_model import GridModel
from .grid_view import GridView
from .section_tab import SectionTab

if TYPE_CHECKING:
    from core.forms.schema import CellRef

    from .host import Host

# 编辑 menu entries and the grid view's methods doing them
_GRID_ACTIONS = {"copy": "copy_selection", "paste": "paste", "clear": "clear_selection"}


class TableTab(SectionTab):
    KIND = TableSection

    def __init__(self, doc: Document, section_key: str, parent=None) -> None:
        super().__init__(doc, section_key, parent)
        layout = self.body
        self.units_row = QHBoxLayout()
        layout.addLayout(self.units_row)
        self.model = GridModel(doc, self.section.table.key, self)
        self.view = GridView(self.model, self)
        layout.addWidget(self.view, 1)
        self._unit_boxes: list[QComboBox] = []
        self.follow_document()

    def refresh(self) -> None:
        s = self.section
        self.heading.setText(s.heading)
        hint = "白色单元格填写数字，留空按0计；灰色为自动计算的总计"
        if isinstance(s.table, MatrixTable) and s.table.balances:
            # the rule itself is printed in the table's corner (the national note)
            hint += "；不符合勾稽关系的单元格标红"
        hint += "。可从 Excel/WPS 复制一块数字后按 Ctrl+V 粘贴。"
        if self.doc.report.register_drives and s.table.key == "applications":
            hint = "本表由“台账”自动统计（由台账生成），不能直接修改；鼠标悬停可看计入的申请，双击列出这些申请。"
        self.guidance.setText(hint)
        self._build_unit_boxes()

    def _build_unit_boxes(self) -> None:
        while self.units_row.count():
            item = self.units_row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self._unit_boxes = []
        report = self.doc.report
        for ref, spec in report.form.cells.items():
            if ref[0] != self.section.table.key or not spec.domain.units:
                continue
            label = QLabel(f"“{spec.column_label}”的单位：")
            box = QComboBox()
            box.addItems(list(spec.domain.units))
            box.setCurrentText(report.unit(ref))
            box.activated.connect(lambda _i, r=ref, b=box: self.doc.set_unit(r, b.currentText()))
            box.setProperty("ref", ref)
            self.units_row.addWidget(label)
            self.units_row.addWidget(box)
            self._unit_boxes.append(box)
        self.units_row.addStretch(1)

    def _on_change(self, change: Change) -> None:
        if change.kind == ChangeKind.FORM:
            self.refresh()
        elif change.kind == ChangeKind.CELLS:
            for box in self._unit_boxes:
                ref = tuple(box.property("ref"))
                if ref in change.cells:
                    box.setCurrentText(self.doc.report.unit(ref))

    def attach(self, host: Host) -> None:
        def paste_refused(refused: list[str]) -> None:
            shown = "\n".join(refused[:10]) + (f"\n……共 {len(refused)} 处" if len(refused) > 10 else "")
            host.show_error(f"粘贴的内容中有不能填入的值，本次粘贴未执行：\n\n{shown}", "无法粘贴")

        self.view.message.connect(lambda text: host.status(text, 5000))
        self.view.doubleClicked.connect(lambda index: self._drill_down(host, index))
        self.view.paste_refused.connect(paste_refused)
        self.model.edit_refused.connect(lambda text: host.status(text, 8000))

    def _drill_down(self, host: Host, index: object) -> None:
        """由台账生成: double-clicking a 表三 cell lists the requests counted in it."""
        ref = self.model.ref_at(index)
        report = self.doc.report
        if ref is not None and report.register_drives and ref[0] == "applications":
            from .register_page import drill_down

            drill_down(host, ref)

    def commit_editor(self) -> None:
        self.view.commit_editor()

    def clipboard(self, action: str) -> bool:
        getattr(self.view, _GRID_ACTIONS[action])()
        return True

    def show_cells(self, cells: Sequence[CellRef]) -> None:
        ref = next((r for r in cells if r[0] == self.model.table_key), None)
        if ref is not None:
            idx = self.model.index_of(ref)
            self.view.setCurrentIndex(idx)
            self.view.scrollTo(idx)
            self.view.setFocus()
