"""What every section tab starts with: the section heading and a guidance line."""
from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .document import Document


class SectionTab(QWidget):
    def __init__(self, doc: Document, section_key: str, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.section_key = section_key
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.heading = QLabel()
        f = QFont(self.heading.font())
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.heading.setFont(f)
        self.body.addWidget(self.heading)
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setStyleSheet("color: #4A5568;")
        self.body.addWidget(self.guidance)
