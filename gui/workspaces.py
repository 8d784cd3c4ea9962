"""Workspaces: whole-window jobs beside the report editor (an import review, 汇总,
the request register).  Each is a module holding `WORKSPACE = Workspace(...)`,
listed in WORKSPACE_MODULES; the 视图 menu then offers 报告编辑 and each of them.
A workspace's page is built the first time it is shown."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget

from core.records import record

from .menus import MenuAction

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .main_window import MainWindow

# modules holding WORKSPACE, in 视图 menu order
WORKSPACE_MODULES: tuple[str, ...] = ("gui.audit_workspace", "gui.consolidation_workspace")

REPORT = "report"  # the report editor, always there
VIEW = "视图(&V)"


@record
class Workspace:
    key: str
    title: str  # its 视图 menu entry, e.g. "汇总(&C)"
    build: Callable[[MainWindow], QWidget]  # called once, the first time it is shown
    shortcut: str | None = None


def workspaces() -> list[Workspace]:
    return [importlib.import_module(name).WORKSPACE for name in WORKSPACE_MODULES]


class WorkspaceStack(QStackedWidget):
    """The window's central widget: the report editor first, the others once shown."""

    def __init__(self, owner: MainWindow, editor: QWidget) -> None:
        super().__init__()
        self.owner = owner
        self.pages: dict[str, QWidget] = {REPORT: editor}
        self.addWidget(editor)
        self.known = {w.key: w for w in workspaces()}

    def show_workspace(self, key: str) -> QWidget:
        page = self.pages.get(key)
        if page is None:
            page = self.pages[key] = self.known[key].build(self.owner)
            self.addWidget(page)
        self.setCurrentWidget(page)
        self.owner.workspace_shown(key)
        return page

    def may_close(self) -> bool:
        """Ask each workspace shown so far that holds unsaved work (a page with `maybe_save()`, e.g. 汇总)
        whether the window may close; False when the user cancelled."""
        return all(page.maybe_save() for page in self.pages.values()  # type: ignore[attr-defined]
                   if page is not self.pages[REPORT] and hasattr(page, "maybe_save"))

    def current_key(self) -> str:
        return next(k for k, page in self.pages.items() if page is self.currentWidget())


def _menu() -> tuple[MenuAction, ...]:
    found = workspaces()
    if not found:
        return ()  # only the report editor: no 视图 menu
    entries = [MenuAction("workspace_report", VIEW, "workspaces", "报告编辑(&R)",
                          lambda w: w.workspaces.show_workspace(REPORT))]
    for ws in found:
        entries.append(MenuAction(f"workspace_{ws.key}", VIEW, "workspaces", ws.title,
                                  lambda w, k=ws.key: w.workspaces.show_workspace(k), ws.shortcut))
    return tuple(entries)


ACTIONS = _menu()
