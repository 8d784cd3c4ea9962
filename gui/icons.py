"""Icons.  The application icon is a file (drawn by installer/make_icons.py);
the small finding markers are painted on first use.  Qt's Python types are
imported inside the functions: each one costs start-up time when first named."""
from __future__ import annotations

from functools import cache

from core.resources import resources_dir


@cache
def finding_icon(kind: str):
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

    color = QColor("#C62828") if kind == "error" else QColor("#B7791F")
    pm = QPixmap(32, 32)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(color)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QRectF(2, 2, 28, 28))
    p.setPen(QColor("white"))
    f = QFont()
    f.setBold(True)
    f.setPixelSize(22)
    p.setFont(f)
    p.drawText(QRectF(2, 2, 28, 28), Qt.AlignmentFlag.AlignCenter, "!" if kind == "error" else "?")
    p.end()
    return QIcon(pm)


@cache
def app_icon():
    from PySide6.QtGui import QIcon

    return QIcon(str(resources_dir() / "icons" / "app.png"))
