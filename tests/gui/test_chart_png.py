"""图解 PNG through Qt's SVG renderer: 1080 px wide, really drawn, and written
beside the SVG files."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from core.charts import graphics
from core.resources import sample_path
from core.storage import load
from gui.chart_png import ensure_app, render_image, write_graphics

from ..core.chart_fixtures import build_chain


def _ink(image: QImage, step: int = 12) -> float:
    """Share of sampled pixels that are not white."""
    dark = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            if image.pixelColor(x, y).lightness() < 200:
                dark += 1
    return dark / total


def test_long_image_renders_at_1080_px(qapp: object, tmp_path: Path) -> None:
    ensure_app()
    report_path = build_chain(tmp_path)[1]
    long_image = graphics(load(report_path), report_path)[0]
    image = render_image(long_image.svg)
    height = int(long_image.svg.split('height="', 1)[1].split('"', 1)[0])
    assert (image.width(), image.height()) == (1080, height)
    assert height > 2500
    assert 0.04 < _ink(image) < 0.6  # drawn: text, bars and the title band, not a blank page
    # the title band is the accent red, the page under it white
    assert image.pixelColor(5, 5).red() > 120 and image.pixelColor(5, 5).green() < 80
    assert image.pixelColor(5, height - 5).lightness() > 250


def test_write_graphics_writes_svg_and_png(qapp: object, tmp_path: Path) -> None:
    written = write_graphics(graphics(load(sample_path())), tmp_path)
    names = sorted(p.name for p in written)
    assert len(names) == 14 and "0-长图.png" in names and "0-长图.svg" in names and "6-复议诉讼.png" in names
    for p in written:
        data = p.read_bytes()
        if p.suffix == ".png":
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
            assert QImage(str(p)).width() == 1080
        else:
            assert data.startswith(b"<?xml") and b"</svg>" in data


def test_cli_charts_writes_every_file(tmp_path: Path) -> None:
    """The command as a user runs it, without a display: it falls back to offscreen."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    out = tmp_path / "图解"
    done = subprocess.run([sys.executable, "-m", "core", "charts", str(sample_path()), "-o", str(out)], check=False,
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    stems = ("0-长图", "1-新收申请", "2-申请人情况", "3-办理结果", "4-规章和规范性文件", "5-许可处罚强制", "6-复议诉讼")
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{s}.{e}" for s in stems for e in ("svg", "png"))
    assert QImage(str(out / "0-长图.png")).width() == 1080
    assert done.stdout.count("已输出") == 14
    # a file where the folder should be: one Chinese line, exit code 2
    bad = subprocess.run([sys.executable, "-m", "core", "charts", str(sample_path()), "-o", str(out / "0-长图.png")], check=False,
                         capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 2 and "不是文件夹" in bad.stderr and "Traceback" not in bad.stderr

