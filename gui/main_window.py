"""The main window: puts the parts together and offers them to each other.

Where things live (each its own module; see README, developer notes):
  menus, toolbar, actions   gui/menus.py (as data) + gui/*_actions.py
  the report editor's tabs  gui/report_tabs.py (section tabs, 基本信息, extra tabs such as gui/preview_tab.py)
  other workspaces          gui/workspaces.py
  open/save/locks/autosave  gui/draft_session.py
  questions and messages    gui/prompts.py (the Host methods of gui/host.py)
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QToolBar

from core import APP_NAME
from core.model import Report

from . import settings as app_settings
from .document import Document
from .draft_session import AUTOSAVE_MS, DraftSession, display_name
from .edit_actions import clipboard, redo, undo
from .enum_props import set_enum_property
from .findings_panel import FindingsPanel
from .icons import app_icon
from .menus import build_menus
from .prompts import WindowPrompts
from .report_tabs import ReportTabs
from .workspaces import REPORT, WorkspaceStack

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QMenu

    from .meta_tab import MetaTab
    from .narrative_tab import NarrativeTab
    from .section_tab import SectionTab
    from .table_tab import TableTab


class MainWindow(WindowPrompts, QMainWindow):
    def __init__(self, report: Report | None = None, path: Path | None = None, *,
                 autosave_ms: int = AUTOSAVE_MS) -> None:
        super().__init__()
        self.doc = Document(report, path, self)
        self.setWindowIcon(app_icon())
        self.drafts = DraftSession(self, autosave_ms=autosave_ms, parent=self)

        self.tabs = ReportTabs(self)
        self.findings = FindingsPanel(self.doc)
        self.findings.activated.connect(self.tabs.show_finding)
        self.splitter = QSplitter()
        set_enum_property(self.splitter, "orientation", "Vertical")
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.findings)
        self.splitter.setCollapsible(0, False)
        self.splitter.setStretchFactor(0, 1)
        self.workspaces = WorkspaceStack(self, self.splitter)
        self.setCentralWidget(self.workspaces)
        self._place_on_screen()

        self.findings_label = QLabel()
        self.statusBar().addPermanentWidget(self.findings_label)
        self.menus: dict[str, QMenu] = {}
        self.menu_actions: dict[str, QAction] = build_menus(self)

        self.doc.dirty_changed.connect(self._update_title)
        self.doc.path_changed.connect(self._update_title)
        self.doc.findings_changed.connect(self._update_status)
        # a report opened or created from anywhere (文件 menu, 审核, recovery) is shown in the editor
        self.doc.replaced.connect(lambda: self.workspaces.show_workspace(REPORT))
        self._update_title()
        self._update_status()

    def _place_on_screen(self) -> None:
        """Where the window was when it last closed; on a first start, as large as
        the tables want (1440×900) but never larger than the screen: many office
        PCs have 1366×768 laptop screens."""
        saved = app_settings.window_state()
        if saved is not None and self.restoreGeometry(saved[0]):
            self.splitter.restoreState(saved[1])
            return
        room = self.screen().availableGeometry()
        width, height = min(1440, room.width() * 94 // 100), min(900, room.height() * 90 // 100)
        self.setGeometry(room.x() + (room.width() - width) // 2, room.y() + (room.height() - height) // 2,
                         width, height)
        # the findings list starts low (its title and three lines): on a 1366×768 laptop
        # the tables need the height; it can be dragged higher or folded to its title
        findings = self.findings.default_height()
        self.splitter.setSizes([height - findings, findings])

    def _update_title(self, *_args: object) -> None:
        self.setWindowTitle(f"{display_name(self.doc)}{' *' if self.doc.dirty else ''} - {APP_NAME}")

    def _update_status(self) -> None:
        e, w = self.doc.error_count, self.doc.warning_count
        explained = f"，{self.doc.explained_count} 个已核实" if self.doc.explained_count else ""
        self.findings_label.setText(f"{e} 个错误，{w} 个警告{explained}")
        self.findings_label.setStyleSheet("color: #B00020;" if e else "color: #5F6B7A;")

    def workspace_shown(self, key: str) -> None:
        """The toolbar (新建/打开/保存/导出 of a report draft) and the report's error count
        belong to the report editor: in 汇总 or 审核 they would speak of a report that is not
        on screen, so they show only there (the menus keep every action)."""
        in_report = key == REPORT
        for bar in self.findChildren(QToolBar):
            bar.setVisible(in_report)
        self.findings_label.setVisible(in_report)

    # --- Host (gui/host.py): the report editor ---------------------------------------------

    def commit_editors(self) -> None:
        self.tabs.commit_editors()

    def show_section(self, key: str) -> SectionTab:
        self.workspaces.show_workspace("report")
        return self.tabs.show_section(key)

    # --- shortcuts used by gui/app.py, tests and benchmarks ----------------------------------

    @property
    def meta_tab(self) -> MetaTab:
        return self.tabs.meta_tab

    @property
    def section_tabs(self) -> dict[str, SectionTab]:
        return self.tabs.section_tabs

    def table_tab(self, key: str) -> TableTab:
        return self.tabs.table_tab(key)

    def narrative_tab(self, key: str) -> NarrativeTab:
        return self.tabs.narrative_tab(key)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        return self.drafts.open_path(path, ask)

    def save(self) -> bool:
        return self.drafts.save()

    def save_as(self) -> bool:
        return self.drafts.save_as()

    def undo(self) -> None:
        undo(self)

    def redo(self) -> None:
        redo(self)

    def copy(self) -> None:
        clipboard(self, "copy")

    def paste(self) -> None:
        clipboard(self, "paste")

    def clear(self) -> None:
        clipboard(self, "clear")

    def after_start(self) -> None:
        """What gui/app.py runs once the first frame is on screen."""
        self.drafts.offer_recovery()
        self.tabs.warm_up()

    # --- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if not self.drafts.maybe_save() or not self.workspaces.may_close():
            event.ignore()
            return
        try:
            app_settings.save_window_state(bytes(self.saveGeometry()), bytes(self.splitter.saveState()))
        except OSError:
            pass  # a read-only settings folder must not keep the window from closing
        self.drafts.end()
        event.accept()
