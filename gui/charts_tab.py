"""图解: the long image the agency publishes beside the report, redrawn as the
numbers change.  An extra tab of the report editor (gui/report_tabs.py); QtSvg
and core/charts load the first time it is shown, never at start-up."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .report_tabs import ReportTab

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .main_window import MainWindow


def build(window: MainWindow) -> QWidget:
    from .charts_view import ChartsView

    return ChartsView(window)


def refresh(window: MainWindow, page: QWidget) -> None:
    page.refresh()  # type: ignore[attr-defined]


TAB = ReportTab("charts", "图解", build, refresh)
