"""预览: the report on a page, as the Word export lays it out.

A white page of A4 proportions on a grey desk, centred in the tab, as large as
the window allows (within limits); its text is core.export.preview_html, which
takes the type-area width and sizes everything from it, so a line holds the
28 characters it holds on paper."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QTextBrowser, QWidget

from core.export.preview_html import column_shares, preview_html

from .document import Document

# GB/T 9704 page: 210 mm wide, type area 156 mm, left margin 28 mm, right 26 mm
PAGE_MM, TEXT_MM, TOP_MM, LEFT_MM, RIGHT_MM = 210, 156, 37, 28, 26
# about a page at 100 % (156 mm at 96 dpi is 590 px), a little larger on wide screens
MIN_TEXT_PX, MAX_TEXT_PX = 480, 660


class PreviewPane(QWidget):
    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("previewDesk")
        self.setStyleSheet("#previewDesk { background: #D9DCE1; }")
        self.setAutoFillBackground(True)
        self.page = QTextBrowser()
        self.page.setObjectName("previewPage")
        self.page.setOpenLinks(False)
        self.page.setFrameShape(QFrame.Shape.NoFrame)
        self.page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page.setStyleSheet("#previewPage { background: white; color: black; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 12, 0, 0)
        row.addStretch(1)
        row.addWidget(self.page)
        row.addStretch(1)
        self.text_px = 0
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(80)
        self._relayout.timeout.connect(self.refresh)

    def _text_width(self) -> int:
        room = self.width() - 60  # the grey desk shows on both sides
        page_px = min(room, int(MAX_TEXT_PX * PAGE_MM / TEXT_MM))
        return max(MIN_TEXT_PX, int(page_px * TEXT_MM / PAGE_MM))

    def refresh(self) -> None:
        """Lay the page out again from the report (each time the tab is shown)."""
        text_px = self._text_width()
        self.text_px = text_px
        margin_l = int(text_px * LEFT_MM / TEXT_MM)
        margin_r = int(text_px * RIGHT_MM / TEXT_MM)
        scroll = self.page.verticalScrollBar().sizeHint().width()
        self.page.setFixedWidth(text_px + margin_l + margin_r + scroll)
        self.page.document().setDocumentMargin(0)
        self.page.setViewportMargins(margin_l, 0, margin_r, 0)
        # lines as long as on paper, whatever the viewport: the type area is the page's
        self.page.setLineWrapMode(QTextBrowser.LineWrapMode.FixedPixelWidth)
        self.page.setLineWrapColumnOrWidth(text_px)
        value = self.page.verticalScrollBar().value()
        self.page.setHtml(preview_html(self.doc.report, text_px))
        self._fix_column_widths()
        # the top margin scrolls away with the text, as on a page
        root = self.page.document().rootFrame()
        fmt = root.frameFormat()
        fmt.setTopMargin(text_px * TOP_MM / TEXT_MM)
        fmt.setBottomMargin(text_px * TOP_MM / TEXT_MM)
        root.setFrameFormat(fmt)
        self.page.verticalScrollBar().setValue(value)

    def _fix_column_widths(self) -> None:
        """The Word export's column widths on every table: the HTML says them per
        cell, but Qt spreads a merged cell's width evenly over its columns."""
        from PySide6.QtGui import QTextLength, QTextTable

        tables = [f for f in self.page.document().rootFrame().childFrames() if isinstance(f, QTextTable)]
        for table, shares in zip(tables, column_shares(self.doc.report)):
            if table.columns() != len(shares):
                continue
            fmt = table.format()
            fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, p) for p in shares])
            table.setFormat(fmt)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.text_px and self._text_width() != self.text_px:
            self._relayout.start()
