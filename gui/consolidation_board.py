"""The user's choices on the 汇总 status board: confirm a close name, include a
unit with errors, open a unit's report, check (核对) a published report, assign
a file to a unit by hand (指定单位…) or take it off (取消指定).  Each choice is
one undoable change (gui/consolidation_changes.py) on core/consolidation.
A mixin of gui/consolidation_view.ConsolidationView."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from . import consolidation_assign as questions

_OPEN_COPIES: list[Any] = []  # windows opened on a unit's report (kept alive)


class BoardActions:
    """Choices on the status board and the list of other files (attributes: see ConsolidationView)."""

    ws: Any
    state: Any
    window_: Any
    status: Any  # QTableWidget, one row per unit
    others: Any  # QListWidget of unmatched, pending and surplus files (path in UserRole)

    if TYPE_CHECKING:  # defined by the other bases of ConsolidationView
        def change(self, label: str, edit: Callable[[], object]) -> bool: ...

    def selected_unit(self) -> str:
        row = self.status.currentRow()
        item = self.status.item(row, 0) if row >= 0 else None
        return item.text() if item is not None else ""

    def selected_file(self) -> str:
        """The file picked in the list of other files, else the file the selected unit uses."""
        item = self.others.currentItem()
        if item is not None and item.isSelected():
            return str(item.data(Qt.ItemDataRole.UserRole) or "")
        row = self.state.board.row(self.selected_unit()) if self.state is not None else None
        return row.path if row is not None else ""

    def confirm_match(self) -> None:
        from core.consolidation.assignment import confirm_match

        item = self.others.currentItem()
        entry = self.ws.entry(str(item.data(Qt.ItemDataRole.UserRole))) \
            if item is not None and item.isSelected() else None
        if entry is not None:  # the 待确认 file picked in the list below the board
            name, paths = entry.unit, [entry.path] if entry.how == "fuzzy" else []
        else:
            name = self.selected_unit()
            paths = [f.path for f in self.ws.files_of(name) if f.how == "fuzzy"]
        if not paths:
            self.window_.show_info("确认匹配", "请先选择一个状态为“待确认”的单位，或下方列表中“待确认”的文件。")
            return
        self.change(f"确认“{name}”的匹配", lambda: [confirm_match(self.ws, p) for p in paths])

    def toggle_include(self) -> None:
        name = self.selected_unit()
        if not name:
            return

        def edit() -> None:
            if name in self.ws.include_with_errors:
                self.ws.include_with_errors.remove(name)
            else:
                self.ws.include_with_errors.append(name)

        self.change(f"“{name}”有错误仍纳入/取消纳入", edit)

    def open_unit(self, row: int, _column: int = 0) -> None:
        """A published report waiting for its check opens its review; any other report is read
        again from its file and opens in a new window as an untitled copy."""
        from core.consolidation.collect import read_file
        from core.consolidation.status import TO_REVIEW

        if self.state is None:
            return
        status = self.state.board.row(self.status.item(row, 0).text())
        if status is None or status.reading is None:
            self.window_.show_info("未收到", "这个单位还没有报送文件。")
            return
        if status.state == TO_REVIEW:
            self.review(status.unit.name)
            return
        reading = read_file(status.reading.path)
        if reading.report is None:
            self.window_.show_error(reading.problem, "无法打开")
            return
        from .main_window import MainWindow

        copy = MainWindow(reading.report, None)
        _OPEN_COPIES.append(copy)
        copy.show()

    def review(self, name: str = "") -> None:
        """核对: the import review of the unit's published report; accepted, it counts in the sums."""
        from core.consolidation.assignment import mark_reviewed

        name = name or self.selected_unit()
        row = self.state.board.row(name) if self.state is not None and name else None
        reading = row.reading if row is not None else None
        if reading is None or reading.imported is None:
            self.window_.show_info("核对", "请先在“报送情况”中选择一个报送了已发布报告（网页、Word、PDF）的单位。"
                                   if not name else f"“{name}”报送的不是已发布的报告，无需核对。")
            return
        if questions.review_file(self.window_, reading.imported) and self.change(
                f"核对“{name}”", lambda: mark_reviewed(self.ws, reading)):
            self.window_.status(f"“{name}”的报告已核对，纳入汇总。", 5000)

    def assign(self) -> None:
        """指定单位…: give the selected file to a unit chosen from the roster."""
        from core.consolidation.assignment import KEEP_BOTH, assign_file, other_files, ranked_units

        path = self.selected_file()
        if not path or self.state is None:
            self.window_.show_info("指定单位", "请先在下方的文件列表中选择一份文件，或在“报送情况”中选择一个已收到文件的单位。")
            return
        if not self.ws.units:
            self.window_.show_info("指定单位", "单位名单是空的：请先在“单位名单”中添加单位。")
            return
        reading = self.state.readings.get(path)
        entry = self.ws.entry(path)
        agency = reading.agency if reading is not None else ""
        label = f"文件：{Path(path).name}" + (f"（文件中的机关名称：{agency}）" if agency else "")
        current = entry.unit if entry is not None else ""
        unit = questions.ask_unit_for_file(self.window_, label, ranked_units(self.ws, reading, path), current)
        if not unit or unit == current and entry is not None and entry.how == "manual":
            return
        keep = KEEP_BOTH
        others = other_files(self.ws, path, unit)
        if others:
            keep = questions.ask_keep(self.window_, unit, Path(path).name, [Path(p).name for p in others])
            if not keep:
                return
        self.change(f"将“{Path(path).name}”指定给“{unit}”", lambda: assign_file(self.ws, path, unit, keep))

    def unassign(self) -> None:
        """取消指定: the selected file no longer belongs to its unit (it stays in the list of files)."""
        from core.consolidation.assignment import unassign_file

        path = self.selected_file()
        entry = self.ws.entry(path) if path else None
        if entry is None or not entry.unit:
            self.window_.show_info("取消指定", "请先选择一份已对应到单位的文件。")
            return
        unit = entry.unit
        if self.window_.confirm("取消指定", f"“{Path(path).name}”将不再作为“{unit}”的报告，改列入未匹配的文件"
                                f"（文件仍保留，可再指定给其他单位）。", yes="取消指定", no="返回"):
            self.change(f"取消“{Path(path).name}”的单位", lambda: unassign_file(self.ws, path))

    def show_others(self) -> None:
        """The files no unit uses: unmatched, set aside, waiting for confirmation, surplus."""
        from PySide6.QtWidgets import QListWidgetItem

        from core.consolidation.workbook import status_rows

        c = self.state
        self.others.clear()
        rows = status_rows(c)[len(c.board.rows):]
        paths = [r.path for r in c.board.unmatched] + [r.path for _, r in c.board.pending]
        for row, path in zip(rows, paths, strict=True):
            item = QListWidgetItem(f"{row[4]}：{row[6]}（{row[11]}）")
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.others.addItem(item)
        for r in c.board.rows:
            for p in r.duplicates:
                item = QListWidgetItem(f"多余：{Path(p).name}（{r.unit.name}收到多份文件，未使用）")
                item.setData(Qt.ItemDataRole.UserRole, p)
                self.others.addItem(item)
