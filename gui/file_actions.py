"""文件 menu: new, open, recent files, save (the draft session does the work)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import settings as app_settings
from .menus import MenuAction, Submenu

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from .main_window import MainWindow

FILE = "文件(&F)"


def fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    files = app_settings.recent_files()
    if not files:
        menu.addAction("（无）").setEnabled(False)
    for path in files:
        act = menu.addAction(path)
        act.triggered.connect(lambda _c=False, p=path: window.drafts.open_path(Path(p)))


ACTIONS = (
    MenuAction("new", FILE, "new", "新建(&N)…", lambda w: w.drafts.new_report(), "New", "新建一份年度报告",
               toolbar="file"),
    MenuAction("new_from", FILE, "new", "从上年报告新建(&L)…", lambda w: w.drafts.new_from_last_year(),
               tip="以上一年度的报告草稿为底稿新建，自动结转上年结转数等"),
    MenuAction("open", FILE, "new", "打开(&O)…", lambda w: w.drafts.open_dialog(), "Open", "打开草稿文件",
               toolbar="file"),
    Submenu(f"{FILE}/最近打开", "new", fill_recent),
    MenuAction("save", FILE, "save", "保存(&S)", lambda w: w.drafts.save(), "Save", "保存草稿", toolbar="file"),
    MenuAction("save_as", FILE, "save", "另存为(&A)…", lambda w: w.drafts.save_as(), "SaveAs"),
    MenuAction("quit", FILE, "quit", "退出(&Q)", lambda w: w.close(), "Quit"),
)
