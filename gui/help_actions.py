"""帮助 menu: the filling guide, the bundled sample, about."""
from __future__ import annotations

from typing import TYPE_CHECKING

from core import APP_NAME

from .menus import MenuAction

if TYPE_CHECKING:
    from .main_window import MainWindow

HELP = "帮助(&H)"


def show_guide(window: MainWindow) -> None:
    from .help_text import guide_html

    window.show_info("填报说明", guide_html())


def show_about(window: MainWindow) -> None:
    from .help_text import about_html

    window.show_info(f"关于{APP_NAME}", about_html())


ACTIONS = (
    MenuAction("guide", HELP, "guide", "填报说明(&H)", show_guide, "HelpContents"),
    MenuAction("sample", HELP, "guide", "打开示例报告(&S)", lambda w: w.drafts.open_sample(),
               tip="打开一份真实的已发布年度报告作为填写参考（以未命名副本打开）"),
    MenuAction("about", HELP, "about", "关于(&A)", show_about),
)
