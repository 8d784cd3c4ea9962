"""文件 → 导出 → 导出图解…: the long image as PNG (and SVG) where the user says,
and every chart as SVG and PNG in a folder beside it."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .menus import MenuAction
from .transfer_actions import EXPORT, export_with

if TYPE_CHECKING:
    from .main_window import MainWindow

WHAT = "政府信息公开工作年度报告图解"


def charts_folder(long_image: Path) -> Path:
    return long_image.with_name(f"{long_image.stem}-分图")


def write_charts(window: MainWindow, path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCursor, QGuiApplication

    from core.charts import graphics
    from core.export.files import ExportError, write_output

    from .chart_png import png_bytes, write_graphics

    QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        items = graphics(window.doc.report, window.doc.path)
        long_image, charts = items[0], items[1:]
        write_output(path, png_bytes(long_image.svg))
        write_output(path.with_suffix(".svg"), long_image.svg.encode("utf-8"))
        folder = charts_folder(path)
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise ExportError(f"无法创建文件夹“{folder.name}”（{exc.strerror or exc}）。") from None
        write_graphics(charts, folder)
    finally:
        QGuiApplication.restoreOverrideCursor()


def export_charts(window: MainWindow) -> None:
    path = export_with(window, "导出图解", ".png", "PNG 图片 (*.png)", lambda p: write_charts(window, p), WHAT)
    if path is not None:
        window.show_info("导出图解", f"长图（PNG 和 SVG）：\n{path}\n\n各分图（PNG 和 SVG）在文件夹：\n{charts_folder(path)}")


ACTIONS = (
    MenuAction("export_charts", EXPORT, "export", "导出图解(&G)…", export_charts,
               tip="导出可与年度报告一同发布的图解：长图和各分图（PNG、SVG）"),
)
