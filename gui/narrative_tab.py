"""Editors for the narrative sections 一, 五 and 六."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton

from core.forms import NarrativeSection
from core.model import Change

from .document import Document
from .section_tab import SectionTab

if TYPE_CHECKING:
    from core.forms.schema import CellRef


class NarrativeTab(SectionTab):
    KIND = NarrativeSection

    def __init__(self, doc: Document, section_key: str, parent=None) -> None:
        super().__init__(doc, section_key, parent)
        layout = self.body
        self.editor = QPlainTextEdit()
        ef = QFont(self.editor.font())
        ef.setPointSizeF(ef.pointSizeF() * 1.15)
        self.editor.setFont(ef)
        self.editor.textChanged.connect(self._edited)
        layout.addWidget(self.editor, 1)
        bottom = QHBoxLayout()
        self.insert_button = QPushButton("插入标准小标题")
        self.insert_button.setToolTip("在光标处插入本节常用的（一）（二）……小标题，每个小标题单独一段。")
        self.insert_button.clicked.connect(self.insert_subheadings)
        bottom.addWidget(self.insert_button)
        bottom.addStretch(1)
        self.count = QLabel()
        bottom.addWidget(self.count)
        layout.addLayout(bottom)
        self.follow_document()

    def refresh(self) -> None:
        s = self.section
        self.heading.setText(s.heading)
        self.guidance.setText("本节应说明：" + "；".join(s.prompts) + "。")
        self.editor.setPlaceholderText(
            "在此填写正文，每段一行。以（一）（二）……开头的段落按二级标题（楷体）排版，以 1. 2. 开头的按三级标题排版。\n\n"
            + "\n".join(f"· {p}" for p in s.prompts)
        )
        self.insert_button.setVisible(bool(s.subheadings))
        text = self.doc.report.texts.get(self.section_key, "")
        if self.editor.toPlainText() != text:
            self.editor.blockSignals(True)
            self.editor.setPlainText(text)
            self.editor.blockSignals(False)
        self._update_count()

    def _on_change(self, change: Change) -> None:
        if change.kind == "form" or (change.kind == "text" and change.section == self.section_key):
            self.refresh()

    def _edited(self) -> None:
        self.doc.set_text(self.section_key, self.editor.toPlainText())
        self._update_count()

    def _update_count(self) -> None:
        text = self.editor.toPlainText()
        chars = len("".join(text.split()))
        paragraphs = sum(1 for line in text.splitlines() if line.strip())
        self.count.setText(f"{chars} 字，{paragraphs} 段")

    def insert_subheadings(self) -> None:
        cursor = self.editor.textCursor()
        lead = "" if cursor.atBlockStart() else "\n"
        cursor.insertText(lead + "\n\n".join(self.section.subheadings) + "\n")
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def show_cells(self, cells: Sequence[CellRef]) -> None:
        self.editor.setFocus()
