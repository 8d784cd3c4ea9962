"""Message boxes (Chinese buttons).  Qt's classes are imported when a box is
shown: naming them at import would cost start-up time for boxes most sessions
never see."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def ask_choice(parent: QWidget, icon: str, title: str, text: str, choices: list[tuple[str, str, str]]) -> str:
    """A question with Chinese buttons: `choices` are (button text, QMessageBox.ButtonRole name, answer);
    the first is the default, the last is what Esc or closing the box answers."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(getattr(QMessageBox.Icon, icon))
    box.setWindowTitle(title)
    box.setText(text)
    buttons = [(box.addButton(label, getattr(QMessageBox.ButtonRole, role)), answer)
               for label, role, answer in choices]
    box.setDefaultButton(buttons[0][0])
    box.setEscapeButton(buttons[-1][0])
    box.exec()
    clicked = box.clickedButton()
    return next((answer for button, answer in buttons if button is clicked), buttons[-1][1])


def ask_unsaved(parent: QWidget, name: str) -> str:
    return ask_choice(parent, "Warning", "保存更改", f"“{name}”有尚未保存的修改。是否保存？",
                      [("保存", "AcceptRole", SAVE), ("不保存", "DestructiveRole", DISCARD),
                       ("取消", "RejectRole", CANCEL)])


def confirm(parent: QWidget, title: str, text: str, yes: str = "继续", no: str = "取消") -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def _message(parent: QWidget | None, icon: str, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(getattr(QMessageBox.Icon, icon))
    box.setWindowTitle(title)
    box.setText(text)
    box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_error(parent: QWidget | None, text: str, title: str = "出错了") -> None:
    _message(parent, "Warning", title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    _message(parent, "Information", title, text)
