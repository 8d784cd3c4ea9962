"""新建 / 从上年报告新建: which narrative sections get the skeleton (customary
subheadings with linked data passages, core/skeleton.py)."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .dialogs import _chinese_buttons


class SkeletonDialog(QDialog):
    """sections: (key, heading, checked at first, has last year's text)."""

    def __init__(self, parent: QWidget | None, sections: list[tuple[str, str, bool, bool]], from_last_year: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle("正文框架")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "勾选的部分填入本格式常用的小标题，并在相应小标题下插入根据表格数字生成的数据说明"
            "（带浅绿色底纹，表格数字改变时自动更新）。"
            + ("未勾选的部分沿用上年报告的文字作为底稿，其中已链接的数据说明会按本年度数字更新。" if from_last_year
               else "未勾选的部分留空。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.boxes: dict[str, QCheckBox] = {}
        for key, heading, checked, has_text in sections:
            note = "（上年有文字）" if from_last_year and has_text else ("（上年无文字）" if from_last_year else "")
            box = QCheckBox(f"{heading}{note}")
            box.setChecked(checked)
            layout.addWidget(box)
            self.boxes[key] = box
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        _chinese_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> set[str]:
        return {key for key, box in self.boxes.items() if box.isChecked()}
