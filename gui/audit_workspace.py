"""The 审核 workspace (gui/audit_view.py), built the first time it is shown."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .workspaces import Workspace

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .main_window import MainWindow


def build(window: MainWindow) -> QWidget:
    from .audit_view import AuditView

    return AuditView(window)


WORKSPACE = Workspace("audit", "审核已发布的报告(&A)", build)
