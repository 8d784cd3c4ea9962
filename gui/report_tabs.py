"""The report editor's tabs: 基本信息, one tab per section of the form, and the
extra tabs listed in TAB_MODULES (预览, and any later 图解 / 台账 tab).

Section tabs and extra tabs are built the first time they are shown (or by
warm_up after the first frame): a cold start pays only for the tab on screen.
An extra tab is a module holding `TAB = ReportTab(...)`; listing it in
TAB_MODULES adds it after the section tabs, in that order."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from core.checks import METADATA
from core.forms import TableSection
from core.records import field, record

from .enum_props import set_enum_property
from .meta_tab import MetaTab

if TYPE_CHECKING:
    from core.checks import Finding

    from .main_window import MainWindow
    from .narrative_tab import NarrativeTab
    from .section_tab import SectionTab
    from .table_tab import TableTab

# extra tabs after the sections: modules holding TAB
TAB_MODULES = ("gui.preview_tab", "gui.charts_tab", "gui.register_tab")

# the tab class of each kind of section, imported when the first such tab is built
SECTION_TAB_CLASSES = {"TableSection": ("gui.table_tab", "TableTab"),
                       "NarrativeSection": ("gui.narrative_tab", "NarrativeTab")}


@record
class ReportTab:
    key: str
    title: str
    build: Callable[[MainWindow], QWidget]  # called once, the first time the tab is shown
    on_show: Callable[[MainWindow, QWidget], None] | None = field(default=None, compare=False)  # each time shown


def _holder() -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    return holder


class ReportTabs(QTabWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.owner = window
        self.doc = window.doc
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)  # only ever needed on screens narrower than 1366 px
        set_enum_property(self, "elideMode", "ElideNone")
        self.meta_tab = MetaTab(self.doc)
        self.addTab(self.meta_tab, "基本信息")
        self.section_tabs: dict[str, SectionTab] = {}
        self._holders: dict[str, QWidget] = {}
        for section in self.doc.report.form.sections:
            self._holders[section.key] = holder = _holder()
            # the short name (一、总体情况) keeps every tab on a 1366 px screen; the
            # page itself shows the full official heading
            index = self.addTab(holder, section.tab_name or section.heading)
            self.setTabToolTip(index, section.heading)
        self.extra: dict[str, ReportTab] = {}
        self.extra_widgets: dict[str, QWidget] = {}
        self._extra_holders: dict[str, QWidget] = {}
        for name in TAB_MODULES:
            spec: ReportTab = importlib.import_module(name).TAB
            self.extra[spec.key] = spec
            self._extra_holders[spec.key] = holder = _holder()
            self.addTab(holder, spec.title)
        self.currentChanged.connect(self._tab_changed)

    # --- building tabs -----------------------------------------------------------------

    def ensure_section(self, key: str) -> SectionTab:
        tab = self.section_tabs.get(key)
        if tab is not None:
            return tab
        section = self.doc.report.form.section(key)
        module, name = SECTION_TAB_CLASSES[type(section).__name__]
        tab = getattr(importlib.import_module(module), name)(self.doc, key)
        tab.attach(self.owner)
        self.section_tabs[key] = tab
        self._holders[key].layout().addWidget(tab)
        return tab

    def ensure_extra(self, key: str) -> QWidget:
        widget = self.extra_widgets.get(key)
        if widget is None:
            widget = self.extra_widgets[key] = self.extra[key].build(self.owner)
            self._extra_holders[key].layout().addWidget(widget)
        return widget

    def warm_up(self) -> None:
        """Build the section tabs in the background after start-up, one per
        event-loop turn, so that the first click on each is as quick as later
        ones (the first table tab costs ~70 ms: Qt's enums, the grid code, the
        layout).  Tables first: they cost the most."""
        sections = sorted(self.doc.report.form.sections, key=lambda s: not isinstance(s, TableSection))
        pending = [s.key for s in sections]

        def step() -> None:
            while pending:
                key = pending.pop(0)
                if key in self._holders and key not in self.section_tabs:
                    self.ensure_section(key)
                    break
            if pending:
                QTimer.singleShot(0, step)

        QTimer.singleShot(0, step)

    # --- which tab ---------------------------------------------------------------------

    def key_of(self, widget: QWidget | None) -> str | None:
        """The section key of a tab page (None for 基本信息 and extra tabs)."""
        return next((k for k, h in self._holders.items() if h is widget), None)

    def current_section_tab(self) -> SectionTab | None:
        key = self.key_of(self.currentWidget())
        return self.section_tabs.get(key) if key else None

    def show_section(self, key: str) -> SectionTab:
        tab = self.ensure_section(key)
        self.setCurrentWidget(self._holders[key])
        return tab

    def show_extra(self, key: str) -> QWidget:
        widget = self.ensure_extra(key)
        self.setCurrentWidget(self._extra_holders[key])
        return widget

    def table_tab(self, key: str) -> TableTab:
        return self.ensure_section(key)  # type: ignore[return-value]

    def narrative_tab(self, key: str) -> NarrativeTab:
        return self.ensure_section(key)  # type: ignore[return-value]

    def show_finding(self, finding: Finding) -> None:
        if finding.section == METADATA:
            self.setCurrentWidget(self.meta_tab)
            return
        if finding.section in self._holders:
            self.show_section(finding.section).show_cells(finding.cells)
        elif finding.section in self.extra:  # e.g. 台账 (register findings)
            page = self.show_extra(finding.section)
            if hasattr(page, "show_finding"):
                page.show_finding(finding)

    def current_extra(self) -> QWidget | None:
        """The built widget of the extra tab on screen (None for other tabs)."""
        key = next((k for k, h in self._extra_holders.items() if h is self.currentWidget()), None)
        return self.extra_widgets.get(key) if key else None

    def commit_editors(self) -> None:
        for tab in self.section_tabs.values():
            tab.commit_editor()
        for widget in self.extra_widgets.values():
            if hasattr(widget, "commit_editor"):
                widget.commit_editor()
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit):
            focus.editingFinished.emit()

    def _tab_changed(self, index: int) -> None:
        for tab in self.section_tabs.values():
            tab.commit_editor()
        widget = self.widget(index)
        key = self.key_of(widget)
        if key is not None:
            self.ensure_section(key)
        for extra_key, holder in self._extra_holders.items():
            if holder is widget:
                shown = self.ensure_extra(extra_key)
                on_show = self.extra[extra_key].on_show
                if on_show is not None:
                    on_show(self.owner, shown)

