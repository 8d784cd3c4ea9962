"""Menus, toolbar and actions as data.

Each feature module declares its entries in a module-level `ACTIONS` tuple of
`MenuAction` and `Submenu` records; ACTION_MODULES lists those modules.  Adding
a menu entry is a record in a feature module (a new module needs one line in
ACTION_MODULES), never an edit of the window class.

Where an entry goes: `menu` is a path of menu titles ("文件(&F)/导出"); inside a
menu, entries sit in named groups (separators between groups) in the order of
GROUPS, and within a group in the order the modules and records are listed.
A group not named in GROUPS comes last in its menu; a menu not in MENU_BAR comes
after the others.  Shortcuts are key strings ("Ctrl+E") or names of
QKeySequence.StandardKey ("Save"): never Qt enums, which would create PySide's
Qt namespace before the first frame (see README, Start-up)."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from core.records import field, record

from .enum_props import set_enum_property

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QMenu

    from .main_window import MainWindow

# the modules that declare ACTIONS, in menu order
ACTION_MODULES = (
    "gui.file_actions",
    "gui.transfer_actions",
    "gui.published_actions",
    "gui.chart_actions",
    "gui.edit_actions",
    "gui.help_actions",
    "gui.navigate_actions",  # 视图: Ctrl+Tab through the tabs, F6 to the findings
    "gui.workspaces",  # the 视图 menu, when there is more than the report editor
)

MENU_BAR = ("文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)")
GROUPS: dict[str, tuple[str, ...]] = {
    "文件(&F)": ("new", "save", "transfer", "print", "quit"),
    "文件(&F)/导出": ("export", "settings"),
    "编辑(&E)": ("history", "clipboard"),
    "视图(&V)": ("workspaces", "navigate", "findings"),
    "帮助(&H)": ("guide", "about"),
}
TOOLBAR_GROUPS = ("file", "history", "export")


@record
class MenuAction:
    key: str  # window.actions[key]
    menu: str  # "文件(&F)" or a submenu path "文件(&F)/导出"
    group: str
    text: str
    run: Callable[[MainWindow], object]
    shortcut: str | None = None  # "Ctrl+E", or a QKeySequence.StandardKey name such as "Save"
    tip: str = ""  # status-bar tip
    toolbar: str | None = None  # a TOOLBAR_GROUPS name to show it on the toolbar too
    widget_shortcut: bool = False  # the key is handled by the focused widget (the grid's copy/paste)
    setup: Callable[[MainWindow, QAction], None] | None = field(default=None, compare=False)


@record
class Submenu:
    menu: str  # the submenu's own path, e.g. "文件(&F)/导出"
    group: str  # its group in the parent menu
    fill: Callable[[MainWindow, QMenu], None] | None = field(default=None, compare=False)  # refilled on each show


Entry = MenuAction | Submenu


def entries() -> list[Entry]:
    out: list[Entry] = []
    for name in ACTION_MODULES:
        out.extend(importlib.import_module(name).ACTIONS)
    return out


def _make_action(window: MainWindow, spec: MenuAction) -> QAction:
    action = QAction(spec.text, window)
    if spec.shortcut:
        standard = getattr(QKeySequence.StandardKey, spec.shortcut, None) if spec.shortcut.isalpha() else None
        # setShortcut(QKeySequence) would create PySide's Qt enums (see enum_props.py);
        # a StandardKey gives every binding of this platform
        action.setShortcuts(standard if standard is not None else [QKeySequence(spec.shortcut)])
    if spec.tip:
        action.setStatusTip(spec.tip)
    if spec.widget_shortcut:
        set_enum_property(action, "shortcutContext", "WidgetShortcut")
    run = spec.run
    action.triggered.connect(lambda _checked=False: run(window))
    if spec.setup is not None:
        spec.setup(window, action)
    return action


def _parent_path(path: str) -> str:
    return path.rpartition("/")[0]


def build_menus(window: MainWindow, all_entries: list[Entry] | None = None) -> dict[str, QAction]:
    """Fill the window's menu bar and toolbar; returns the actions by key."""
    specs = entries() if all_entries is None else all_entries
    actions = {s.key: _make_action(window, s) for s in specs if isinstance(s, MenuAction)}
    menus: dict[str, QMenu] = {}

    def children(path: str) -> list[Entry]:
        return [s for s in specs if (s.menu if isinstance(s, MenuAction) else _parent_path(s.menu)) == path]

    def fill(menu: QMenu, path: str) -> None:
        items = children(path)
        order = list(GROUPS.get(path, ()))
        order += [g for g in dict.fromkeys(s.group for s in items) if g not in order]
        first = True
        for group in order:
            members = [s for s in items if s.group == group]
            if not members:
                continue
            if not first:
                menu.addSeparator()
            first = False
            for s in members:
                if isinstance(s, MenuAction):
                    menu.addAction(actions[s.key])
                else:
                    sub = menu.addMenu(s.menu.rpartition("/")[2])
                    menus[s.menu] = sub
                    if s.fill is not None:
                        sub.aboutToShow.connect(lambda f=s.fill, m=sub: f(window, m))
                    fill(sub, s.menu)

    tops = [s.menu for s in specs if isinstance(s, MenuAction) and "/" not in s.menu]
    tops += [_parent_path(s.menu) for s in specs if isinstance(s, Submenu) and "/" not in _parent_path(s.menu)]
    ordered = [m for m in MENU_BAR if m in tops] + [m for m in dict.fromkeys(tops) if m not in MENU_BAR]
    for title in ordered:
        menu = window.menuBar().addMenu(title)
        menus[title] = menu
        fill(menu, title)
    window.menus = menus
    _build_toolbar(window, specs, actions)
    return actions


def _build_toolbar(window: QMainWindow, specs: list[Entry], actions: dict[str, QAction]) -> None:
    tb = window.addToolBar("常用")
    tb.setObjectName("main")
    set_enum_property(tb, "toolButtonStyle", "ToolButtonTextOnly")
    groups = list(TOOLBAR_GROUPS)
    on_bar = [s for s in specs if isinstance(s, MenuAction) and s.toolbar]
    groups += [g for g in dict.fromkeys(s.toolbar for s in on_bar) if g not in groups]
    first = True
    for group in groups:
        members = [actions[s.key] for s in on_bar if s.toolbar == group]
        if members:
            if not first:
                tb.addSeparator()
            first = False
            tb.addActions(members)
