"""What every section tab starts with: the section heading and a guidance line,
and the section it shows, re-read from the report after every change of form."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.model import Change

from .document import Document

if TYPE_CHECKING:
    from core.forms.schema import CellRef

    from .host import Host


class SectionTab(QWidget):
    KIND: type = object  # the section class of core.forms this tab presents
    def __init__(self, doc: Document, section_key: str, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.section_key = section_key
        self.body = QVBoxLayout(self)
        # Tight margins and the heading beside its guidance: on a 1366×768 laptop
        # every line taken here is a row of 表三 less on screen.
        self.body.setContentsMargins(12, 4, 12, 4)
        self.body.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(16)
        self.heading = QLabel()
        f = QFont(self.heading.font())
        f.setPointSizeF(f.pointSizeF() * 1.15)
        f.setBold(True)
        self.heading.setFont(f)
        top.addWidget(self.heading)
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setStyleSheet("color: #4A5568;")
        top.addWidget(self.guidance, 1)
        self.body.addLayout(top)

    @property
    def section(self):
        s = self.doc.report.form.section(self.section_key)
        assert isinstance(s, self.KIND)
        return s

    def follow_document(self) -> None:
        """Call at the end of a subclass's __init__: fill in now, and again on every change."""
        self.doc.replaced.connect(self.refresh)
        self.doc.changed.connect(self._on_change)
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def _on_change(self, change: Change) -> None:
        raise NotImplementedError

    # --- what the window asks of every section tab (gui/report_tabs.py) ---

    def attach(self, host: Host) -> None:
        """Route this tab's notes and refusals to the window."""

    def commit_editor(self) -> None:
        """Finish an edit in progress (before save, undo, switching tabs)."""

    def clipboard(self, action: str) -> bool:
        """"copy", "paste" or "clear" from the 编辑 menu: True if this tab did it."""
        return False

    def show_cells(self, cells: Sequence[CellRef]) -> None:
        """Bring the first of `cells` shown here into view (a finding was double-clicked)."""
