"""Draw the icons once and write them to resources/icons/: app.png for the
window, app.ico for the Windows executable and installer, finding-error.png and
finding-warning.png for the marks on cells and in the findings list.

The window loads the files instead of painting at every start: painting meant
initialising QPainter, text rendering and PySide's Qt enums before the first frame.
Run: QT_QPA_PLATFORM=offscreen python installer/make_icons.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor("#C0392B"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(0, 0, size, size), size * 0.18, size * 0.18)
    p.setPen(QColor("white"))
    f = QFont("Noto Sans CJK SC")
    f.setPixelSize(int(size * 0.66))
    f.setBold(True)
    p.setFont(f)
    p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "报")
    p.end()
    return img


def draw_finding(kind: str, size: int = 64) -> QImage:
    """A filled circle with "!" (error, red) or "?" (warning, amber)."""
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor("#C62828") if kind == "error" else QColor("#B7791F"))
    p.setPen(Qt.PenStyle.NoPen)
    box = QRectF(size / 16, size / 16, size * 7 / 8, size * 7 / 8)
    p.drawEllipse(box)
    p.setPen(QColor("white"))
    f = QFont()
    f.setBold(True)
    f.setPixelSize(int(size * 0.69))
    p.setFont(f)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, "!" if kind == "error" else "?")
    p.end()
    return img


def main() -> int:
    QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "app.png"))
    for kind in ("error", "warning"):
        draw_finding(kind).save(str(OUT / f"finding-{kind}.png"))
    for size in SIZES:
        draw(size).save(str(OUT / f"app-{size}.png"))
    # Windows .ico with every size (Qt's ico writer stores one image; write the container by hand).
    import struct

    images = [(s, (OUT / f"app-{s}.png").read_bytes()) for s in SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for s, data in images:
        entries += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    (OUT / "app.ico").write_bytes(header + entries + blobs)
    for size in SIZES:
        (OUT / f"app-{size}.png").unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
