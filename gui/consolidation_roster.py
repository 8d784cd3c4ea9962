"""The 单位名单 tab of the 汇总 workspace: the roster, edited by hand (添加,
修改, 上移/下移, 删除) through core/consolidation/roster_edit.  Each edit is one
undoable change of the view (gui/consolidation_changes.py); a name the core
refuses (empty, already on the roster) is said in the dialog, which stays open."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.consolidation import KINDS, ConsolidationError, Unit

if TYPE_CHECKING:
    from .consolidation_view import ConsolidationView

COLUMNS = ("单位名称", "类别", "本级", "全行政区域", "联系方式", "已收文件")


class UnitDialog(QDialog):
    """One unit's name, kind, membership and contact.  `check(name)` returns the name to keep or
    raises ConsolidationError; its message shows in red and the dialog stays open."""

    def __init__(self, title: str, unit: Unit, check: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._check = check
        form = QFormLayout()
        self.name = QLineEdit(unit.name)
        self.name.setPlaceholderText("与该单位报告中的机关名称一致，如“某某县教育局”")
        self.name.setMinimumWidth(360)
        form.addRow("单位名称：", self.name)
        self.kind = QComboBox()
        self.kind.addItems(list(KINDS))
        self.kind.setCurrentText(unit.kind)
        form.addRow("类别：", self.kind)
        self.local = QCheckBox("计入本级汇总（本级政府及其部门）")
        self.local.setChecked(unit.local)
        self.region = QCheckBox("计入全行政区域汇总")
        self.region.setChecked(unit.region)
        form.addRow("汇总范围：", self.local)
        form.addRow("", self.region)
        self.contact = QLineEdit(unit.contact)
        self.contact.setPlaceholderText("联系人、电话（可不填）")
        form.addRow("联系方式：", self.contact)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox()
        buttons.addButton("确定", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.problem)
        lay.addWidget(buttons)
        self.local_touched = bool(unit.name)  # a new unit's 本级 follows its kind until ticked by hand
        self.local.clicked.connect(self._touched)
        self.kind.currentTextChanged.connect(self._kind_changed)

    def _touched(self) -> None:
        self.local_touched = True

    def _kind_changed(self, kind: str) -> None:
        from core.consolidation.workspace import DEFAULT_LOCAL

        if not self.local_touched:
            self.local.setChecked(DEFAULT_LOCAL[kind])

    def accept(self) -> None:
        try:
            self.name.setText(self._check(self.name.text()))  # type: ignore[operator]
        except ConsolidationError as exc:
            self.problem.setText(str(exc))
            self.name.setFocus()
            return
        super().accept()

    def unit(self) -> Unit:
        return Unit(self.name.text(), self.kind.currentText(), self.local.isChecked(), self.region.isChecked(),
                    self.contact.text().strip())


def ask_unit(parent: QWidget, title: str, unit: Unit, check: object) -> Unit | None:
    """The unit as edited, None when cancelled (tests replace this)."""
    dialog = UnitDialog(title, unit, check, parent)
    return dialog.unit() if dialog.exec() else None


class RosterPanel(QWidget):
    def __init__(self, view: ConsolidationView) -> None:
        super().__init__()
        self.view = view
        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("add", "添加单位…", self.add), ("edit", "修改…", self.edit),
                                ("up", "上移", lambda: self.move(-1)), ("down", "下移", lambda: self.move(1)),
                                ("remove", "删除", self.remove)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            bar.addWidget(b)
            self.buttons[key] = b
        hint = QLabel("双击一行可修改。单位名称须与其报告中的机关名称一致，收到的文件才能自动对应。")
        hint.setWordWrap(True)
        bar.addWidget(hint, 1)
        from .consolidation_view import _table

        self.table = _table(COLUMNS)
        self.table.cellDoubleClicked.connect(lambda *_: self.edit())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)

    def show_roster(self) -> None:
        from .consolidation_view import _fill

        ws = self.view.ws
        _fill(self.table, [[u.name, u.kind, "是" if u.local else "否", "是" if u.region else "否", u.contact,
                            len(ws.files_of(u.name))] for u in ws.units])

    def selected(self) -> str:
        row = self.table.currentRow()
        return self.view.ws.units[row].name if 0 <= row < len(self.view.ws.units) else ""

    def select(self, name: str) -> None:
        for i, u in enumerate(self.view.ws.units):
            if u.name == name:
                self.table.selectRow(i)

    def add(self) -> None:
        from core.consolidation.roster_edit import add_unit, check_name

        ws = self.view.ws
        unit = ask_unit(self, "添加单位", Unit(""), lambda n: check_name(ws, n))
        if unit is not None and self.view.change(
                f"添加“{unit.name}”", lambda: add_unit(ws, unit.name, unit.kind, unit.local, unit.region, unit.contact)):
            self.select(unit.name)

    def edit(self) -> None:
        from core.consolidation.roster_edit import check_name, rename_unit, update_unit

        ws, old = self.view.ws, self.selected()
        current = ws.unit(old)
        if current is None:
            self.view.window_.show_info("修改单位", "请先在名单中选择一个单位。")
            return
        unit = ask_unit(self, "修改单位", current, lambda n: check_name(ws, n, current=old))
        if unit is None or unit == current:
            return

        def edit() -> None:
            update_unit(ws, old, kind=unit.kind, local=unit.local, region=unit.region, contact=unit.contact)
            rename_unit(ws, old, unit.name)

        if self.view.change(f"修改“{old}”", edit):
            self.select(unit.name)

    def move(self, delta: int) -> None:
        from core.consolidation.roster_edit import move_unit

        name = self.selected()
        if name and self.view.change(f"移动“{name}”", lambda: move_unit(self.view.ws, name, delta)):
            self.select(name)

    def remove(self) -> None:
        from core.consolidation.roster_edit import remove_unit

        ws, name = self.view.ws, self.selected()
        if not name:
            self.view.window_.show_info("删除单位", "请先在名单中选择一个单位。")
            return
        files = ws.files_of(name)
        text = f"从名单中删除“{name}”？"
        if files:
            text += (f"\n\n该单位已收到{len(files)}份文件。删除后这些文件不会丢失，改列入“报送情况”下方的未匹配文件，"
                     "可再“指定单位”。")
        if self.view.window_.confirm("删除单位", text + "\n\n删除后可点“撤销上一步”恢复。", yes="删除", no="取消"):
            self.view.change(f"删除“{name}”", lambda: remove_unit(ws, name))
