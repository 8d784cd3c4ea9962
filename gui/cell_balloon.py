"""A note shown at a table cell: why what was typed there was not taken.

A child of the table's viewport, so it scrolls with the cell and shows in the
window (and in screenshots) rather than as a tooltip that a mouse move hides.
It goes away when the clerk types again, or after a while."""
from __future__ import annotations

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QLabel, QWidget

SHOW_MS = 10_000


class CellBalloon(QLabel):
    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.setObjectName("cellBalloon")
        self.setWordWrap(True)
        self.setStyleSheet(
            "#cellBalloon { background: #FFF4E5; color: #7A1F12; border: 1px solid #C0392B;"
            " border-radius: 3px; padding: 4px 8px; }")
        self.setMaximumWidth(380)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_at(self, cell: QRect, text: str) -> None:
        """Below the cell, or above it when there is no room below; kept inside the viewport."""
        self.setText(text)
        self.adjustSize()
        area = self.parentWidget().rect()
        x = max(0, min(cell.left(), area.width() - self.width()))
        y = cell.bottom() + 2
        if y + self.height() > area.height():
            y = max(0, cell.top() - self.height() - 2)
        self.move(x, y)
        self.show()
        self.raise_()
        self._timer.start()
