"""The questions of the 汇总 status board: which unit a file belongs to (a
searchable unit list, most similar names first), which file a unit keeps when
it already has one, and the import review of a published report.  Each is a
module function so that tests answer it by monkeypatching."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from core.importers.published import ImportResult

SIMILAR = 0.5  # names at least this alike are marked 相近 in the list


class AssignDialog(QDialog):
    """指定单位: the roster, most similar first, filtered by what is typed in the search box."""

    def __init__(self, file_label: str, ranked: list[tuple[str, float]], current: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("指定单位")
        lay = QVBoxLayout(self)
        intro = QLabel(file_label + (f"\n现在对应：{current}" if current else "\n现在没有对应任何单位。")
                       + "\n请选择这份文件所属的单位（名称相近的排在前面）：")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.search = QLineEdit()
        self.search.setPlaceholderText("输入单位名称中的字查找，如“教育”")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        lay.addWidget(self.search)
        self.units = QListWidget()
        for name, score in ranked:
            mark = "（名称相近）" if score >= SIMILAR else ""
            item = QListWidgetItem(name + mark + ("　← 现在对应的单位" if name == current else ""))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.units.addItem(item)
        self.units.itemDoubleClicked.connect(lambda _item: self.accept())
        lay.addWidget(self.units, 1)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton("指定", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.units.currentItemChanged.connect(lambda *_: self.ok.setEnabled(self.chosen() != ""))
        self.filter("")
        self.resize(520, 480)

    def filter(self, text: str) -> None:
        """Show the units whose name contains every typed character group (spaces separate groups)."""
        words = text.split()
        first = None
        for i in range(self.units.count()):
            item = self.units.item(i)
            name = str(item.data(Qt.ItemDataRole.UserRole))
            hidden = not all(w in name for w in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        self.units.setCurrentItem(first)
        self.ok.setEnabled(first is not None)

    def chosen(self) -> str:
        item = self.units.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None and not item.isHidden() else ""


def ask_unit_for_file(parent: QWidget, file_label: str, ranked: list[tuple[str, float]], current: str) -> str:
    """The unit chosen for a file, "" when cancelled."""
    dialog = AssignDialog(file_label, ranked, current, parent)
    return dialog.chosen() if dialog.exec() else ""


def ask_keep(parent: QWidget, unit: str, new: str, others: list[str]) -> str:
    """The unit already has files: core.consolidation.assignment KEEP_NEW / KEEP_BOTH, "" when cancelled."""
    from core.consolidation.assignment import KEEP_BOTH, KEEP_NEW

    from .messages import ask_choice

    return ask_choice(
        parent, "Question", "保留哪一份文件",
        f"“{unit}”已有文件：{'、'.join(others)}。\n\n"
        f"“用新指定的文件”：只用“{new}”，原有文件改为未指定单位（仍保留在文件清单中）。\n"
        "“都保留”：该单位保留全部文件，汇总时使用修改日期最新的一份，其余列为多余文件。",
        [("用新指定的文件", "AcceptRole", KEEP_NEW), ("都保留", "ActionRole", KEEP_BOTH), ("取消", "RejectRole", "")])


def review_file(parent: QWidget, result: ImportResult) -> bool:
    """The import review of a unit's published report; True when the user accepts what was read."""
    from .import_review import ImportReview

    dialog = ImportReview(result, parent, accept_text="核对无误，纳入汇总")
    dialog.setWindowTitle(f"核对已发布的报告：{result.source}")
    return bool(dialog.exec())
