"""预览: the report on a page, laid out like the Word export (gui/preview_pane.py),
refreshed each time the tab is shown.  An extra tab of the report editor
(gui/report_tabs.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .report_tabs import ReportTab

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .main_window import MainWindow


def build(window: MainWindow) -> QWidget:
    from .preview_pane import PreviewPane

    return PreviewPane(window.doc)


def refresh(window: MainWindow, page: QWidget) -> None:
    page.refresh()  # type: ignore[attr-defined]


TAB = ReportTab("preview", "预览", build, refresh)
