"""Run by test_laptop_screen.py in a process of its own, on an offscreen screen
of 1366×768 (a second QApplication with another screen cannot share the test
process).  Prints what it measured as JSON."""
from __future__ import annotations

import json
import os
import sys
import tempfile

os.environ["OGI_REPORT_HOME"] = tempfile.mkdtemp(prefix="ogi-laptop-")

from PySide6.QtWidgets import QApplication, QToolButton  # noqa: E402

app = QApplication(sys.argv[:1])

from gui.app import choose_ui_font  # noqa: E402

choose_ui_font(app)  # the window's font (a CJK UI font at 10 pt or more), as when started for real

from core.model import Report  # noqa: E402
from gui.frozen_headers import text_rect  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.messages import DISCARD  # noqa: E402

A = "applications"


def settle() -> None:
    for _ in range(3):
        app.processEvents()


def full_rows(view) -> int:
    """Rows of values wholly inside the scrolled area."""
    area = view.viewport().rect()
    model = view.model()
    return sum(1 for r in range(model.rowCount()) if not view.isRowHidden(r)
               and area.contains(view.visualRect(model.index(r, view.grid_model().grid.label_cols))))


out: dict[str, object] = {}
screen = app.primaryScreen().availableGeometry()
out["screen"] = [screen.width(), screen.height()]
for form_year in (2021, 2019):
    report = Report("某某市某某区人民政府办公室", form_year)
    w = MainWindow(report, autosave_ms=3_600_000)
    w.ask_unsaved = lambda *a: DISCARD
    # Maximised on a 1366×768 laptop: the Windows taskbar (40 px) and the title bar (30 px) take their share.
    w.setGeometry(0, 30, screen.width(), screen.height() - 70)
    w.show()
    settle()
    bar = w.tabs.tabBar()
    key = str(form_year)
    out[f"{key}/tabs"] = [bar.tabText(i) for i in range(bar.count())]
    out[f"{key}/tab_scroll_buttons"] = sum(1 for b in bar.findChildren(QToolButton) if b.isVisible())
    out[f"{key}/tabs_right"] = max(bar.tabRect(i).right() for i in range(bar.count()))
    out[f"{key}/bar_width"] = bar.width()
    tab = w.show_section(A)
    settle()
    view = tab.view
    header = view.horizontalHeader()
    out[f"{key}/rows_top"] = full_rows(view)
    natural = next(c for c in view.grid_model().grid.cells if c.text == "自然人")
    before = header.mapTo(w, header.cell_rect(natural).topLeft())
    view.scrollToBottom()
    settle()
    last = view.model().index(view.model().rowCount() - 1, view.grid_model().grid.label_cols)
    after = header.mapTo(w, header.cell_rect(natural).topLeft())
    out[f"{key}/scrolled"] = view.verticalScrollBar().value()
    out[f"{key}/header_visible"] = header.isVisible() and header.height() > 0
    out[f"{key}/header_moved"] = [after.x() - before.x(), after.y() - before.y()]
    out[f"{key}/header_above_values"] = header.geometry().bottom() < view.viewport().geometry().top()
    out[f"{key}/natural_in_header"] = header.viewport().rect().contains(header.cell_rect(natural))
    out[f"{key}/last_row_visible"] = view.viewport().rect().contains(view.visualRect(last))
    out[f"{key}/rows_bottom"] = full_rows(view)
    # a merged label half scrolled away keeps its text in the visible part
    labels = view.verticalHeader()
    results = next(c for c in view.grid_model().grid.cells if c.text == "三、本年度办理结果")
    span = labels.cell_rect(results)
    shown = text_rect(span, labels.viewport().rect())
    out[f"{key}/results_span_cut"] = span.top() < 0 or span.bottom() > labels.viewport().height()
    out[f"{key}/results_text_height"] = shown.height() if labels.viewport().rect().contains(shown) else -1
    # the findings pane folds to its title line and comes back to its height
    panel = w.findings
    height = panel.height()
    panel.set_folded(True)
    settle()
    folded_rows = full_rows(view)
    out[f"{key}/folded"] = [panel.height(), panel.layout().itemAt(0).sizeHint().height(), panel.tree.isVisible()]
    panel.set_folded(False)
    settle()
    out[f"{key}/unfolded"] = [panel.height(), height, panel.tree.isVisible()]
    out[f"{key}/rows_folded"] = folded_rows
    w.close()
    settle()
print(json.dumps(out, ensure_ascii=False))
