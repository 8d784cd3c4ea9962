"""Editors for the narrative sections 一, 五 and 六."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPlainTextEdit, QPushButton, QToolButton

from core.forms import NarrativeSection
from core.model import Change, ChangeKind

from . import linked_passages
from .document import Document
from .enum_props import set_enum_property
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
        self.passage_button = QToolButton()
        self.passage_button.setText("插入数据说明")
        self.passage_button.setToolTip("在光标处插入根据表格数字生成的数据说明；表格数字改变时，插入的文字自动更新。")
        set_enum_property(self.passage_button, "popupMode", "InstantPopup")
        self.passage_menu = QMenu(self.passage_button)
        self.passage_menu.aboutToShow.connect(
            lambda: linked_passages.fill_menu(self.passage_menu, self.editor, self.doc, self.section_key))
        self.passage_button.setMenu(self.passage_menu)
        bottom.addWidget(self.passage_button)
        self.link_hint = QLabel(linked_passages.HINT)
        self.link_hint.setWordWrap(True)
        self.link_hint.setStyleSheet("color: #4A5568;")
        bottom.addWidget(self.link_hint, 1)
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
        self.passage_button.setVisible(self._has_passages())
        linked_passages.apply_text(self.editor, self.doc.report.texts.get(self.section_key, ""))
        self._update_count()
        self._show_links()

    def _has_passages(self) -> bool:
        from core.forms.passages import passages

        return any(p.section == self.section_key for p in passages(self.doc.report.form.key))

    def _show_links(self) -> None:
        spans = self.doc.report.linked_spans(self.section_key)
        linked_passages.tint_spans(self.editor, spans)
        self.link_hint.setVisible(bool(spans))

    def _on_change(self, change: Change) -> None:
        if change.kind == ChangeKind.FORM or (change.kind == ChangeKind.TEXT and change.section == self.section_key):
            self.refresh()

    def _edited(self) -> None:
        self.doc.set_text(self.section_key, self.editor.toPlainText())
        self._update_count()
        self._show_links()  # a passage typed into is no longer linked; an undone edit links it again

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
