"""预览: the report as the web page export shows it, refreshed each time the
tab is shown.  An extra tab of the report editor (gui/report_tabs.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .report_tabs import ReportTab

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .main_window import MainWindow


def build(window: MainWindow) -> QWidget:
    from PySide6.QtWidgets import QTextBrowser

    browser = QTextBrowser()
    browser.setOpenLinks(False)
    return browser


def refresh(window: MainWindow, browser: QWidget) -> None:
    from core.export.html_page import html_text

    browser.setHtml(html_text(window.doc.report))  # type: ignore[attr-defined]


TAB = ReportTab("preview", "预览", build, refresh)
