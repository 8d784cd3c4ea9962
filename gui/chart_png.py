"""PNG from the 图解 SVG of core/charts, through Qt's SVG renderer.

Used by the window (导出图解, the 图解 tab) and, imported lazily, by the command
line.  QtSvg is loaded only here, never before the window's first frame.
"""
from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from core.charts import Graphic
from core.charts.svg import FONT_FAMILY, FONT_NAMES
from core.export.files import write_output

PNG_WIDTH = 1080
MAX_HEIGHT = 30000  # px; a long image is ~6000, anything far beyond is a bug, not a picture


def ensure_app() -> QGuiApplication:
    """Qt needs an application object for fonts.  Without a display (a server,
    CI) the command line renders offscreen."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    argv = [sys.argv[0] if sys.argv else "ogi-report"]
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        argv += ["-platform", "offscreen"]
    return QGuiApplication(argv)


@cache
def installed_font() -> str:
    """The first of the charts' fonts this machine has.  Qt's SVG renderer takes
    only the first name of a font-family list, and a missing 黑体 would give
    Latin glyphs from the default font (DejaVu Sans on Linux) beside CJK ones."""
    families = set(QFontDatabase.families())
    return next((name for name in FONT_NAMES if name in families), "")


def render_image(svg: str, width: int = PNG_WIDTH) -> QImage:
    font = installed_font()
    if font:
        svg = svg.replace(f'font-family="{escape(FONT_FAMILY)}"', f'font-family="{escape(font)}"')
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError("图解的 SVG 无法解析。")
    size = renderer.defaultSize()
    height = min(MAX_HEIGHT, max(1, round(size.height() * width / max(size.width(), 1))))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(svg: str, width: int = PNG_WIDTH) -> bytes:
    # A light zlib level (quality 80) halves the encoding time, which is most of
    # the cost, for files no larger than the default level gives.
    image = render_image(svg, width)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG", 80)
    buffer.close()
    return bytes(data.data())


def write_graphics(graphics: list[Graphic], out_dir: Path, *, svg: bool = True, png: bool = True) -> list[Path]:
    """Write every graphic as SVG and PNG into out_dir; returns the files written."""
    ensure_app()
    written: list[Path] = []
    for g in graphics:
        if svg:
            path = out_dir / f"{g.stem}.svg"
            write_output(path, g.svg.encode("utf-8"))
            written.append(path)
        if png:
            path = out_dir / f"{g.stem}.png"
            write_output(path, png_bytes(g.svg))
            written.append(path)
    return written
