"""The 图解 tab and 文件 → 导出 → 导出图解…"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(["probe"])
from gui.main_window import MainWindow
w = MainWindow(autosave_ms=3_600_000)
w.show()
for _ in range(50):
    app.processEvents()
w.tabs.warm_up()
for _ in range(50):
    app.processEvents()
before = "PySide6.QtSvg" in sys.modules
w.tabs.show_extra("charts")
app.processEvents()
print(before, "PySide6.QtSvg" in sys.modules, w.tabs.extra_widgets["charts"].picture.pixmap().isNull())
"""


def test_qtsvg_loads_only_when_the_charts_tab_is_shown(home: Path) -> None:
    env = {**os.environ, "OGI_REPORT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE], check=False, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "False"]


def test_charts_tab_shows_the_long_image_and_follows_edits(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.doc.report.set_meta("agency", "某某县教育局")
    page = window.tabs.show_extra("charts")
    pixmap = page.picture.pixmap()
    assert not pixmap.isNull() and 320 <= pixmap.width() / pixmap.devicePixelRatio() <= 1080
    first = page._image
    assert first is not None and first.width() == 1080
    window.doc.set_cells({("applications", "new", "natural"): 5, ("applications", "granted", "natural"): 5}, "填写")
    qtbot.waitUntil(lambda: page._image is not first, timeout=3000)
    assert page._image.height() != first.height()  # the empty charts became bar charts


def test_export_charts_writes_the_long_image_and_every_chart(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr("gui.messages.show_info", lambda parent, title, text: shown.append(text))
    window.doc.set_meta("agency", "某某县教育局")  # no errors: no question before the export
    target = tmp_path / "图解.png"
    window.ask_save_path = lambda *a: target
    window.menu_actions["export_charts"].trigger()
    assert QImage(str(target)).width() == 1080
    assert (tmp_path / "图解.svg").read_text(encoding="utf-8").startswith("<?xml")
    folder = tmp_path / "图解-分图"
    assert len(list(folder.glob("*.png"))) == 6 and len(list(folder.glob("*.svg"))) == 6
    assert shown and str(folder) in shown[0]
