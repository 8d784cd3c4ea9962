"""The 汇总 workspace (gui/consolidation_view.py), built the first time it is shown."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .workspaces import Workspace

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .main_window import MainWindow


def build(window: MainWindow) -> QWidget:
    from .consolidation_view import ConsolidationView

    return ConsolidationView(window)


WORKSPACE = Workspace("consolidate", "汇总(&C)", build, shortcut="Ctrl+3")
