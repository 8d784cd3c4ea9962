"""The 图解 tab's page: the long image drawn from the open report (and the
earlier years of its `previous` chain), scaled to the window, with the export
button beside it.  Redrawn shortly after an edit while the tab is visible."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from .main_window import MainWindow

PREVIEW_WIDTH = 760  # px: enough to read, narrow enough to see a whole chart at once
NOTE = ("图解由报告中的数字自动生成，往年数字取自“从上年报告新建”时的上年草稿。"
        "导出后可直接在门户网站与年度报告一同发布。")


class ChartsView(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.doc = window.doc
        self._image: QImage | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        note = QLabel(NOTE)
        note.setWordWrap(True)
        bar.addWidget(note, 1)
        self.export_button = QPushButton("导出图解…")
        self.export_button.clicked.connect(self._export)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setWidget(self.picture)
        layout.addWidget(self.scroll, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self._refresh_if_visible)
        self.doc.changed.connect(lambda _change: self._timer.start())
        self.doc.replaced.connect(self._timer.start)
        self.doc.path_changed.connect(self._timer.start)

    def _refresh_if_visible(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        from core.charts import long_image_svg, report_years

        from .chart_png import render_image

        report = self.doc.report
        years = report_years(report, self.doc.path)
        self._image = render_image(long_image_svg(years, report.meta.agency, report.title, report.meta.date))
        self._show()

    def _show(self) -> None:
        if self._image is None:
            return
        ratio = self.devicePixelRatioF()
        width = min(PREVIEW_WIDTH, max(320, self.scroll.viewport().width() - 24))
        pixmap = QPixmap.fromImage(self._image.scaledToWidth(
            round(width * ratio), Qt.TransformationMode.SmoothTransformation))
        pixmap.setDevicePixelRatio(ratio)
        self.picture.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show()

    def _export(self) -> None:
        from .chart_actions import export_charts

        export_charts(self.window_)
