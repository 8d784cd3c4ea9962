"""台账: the register of requests, an extra tab of the report editor (gui/report_tabs.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .report_tabs import ReportTab

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .main_window import MainWindow


def build(window: MainWindow) -> QWidget:
    from .register_page import RegisterPage

    return RegisterPage(window)


def refresh(window: MainWindow, page: QWidget) -> None:
    page.update_summary()  # type: ignore[attr-defined]


TAB = ReportTab("register", "台账", build, refresh)
