"""Undo commands for the register (台账); pushed on the document's undo stack so
Ctrl+Z undoes register edits and table edits in the order they were made."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from core.register.register import Edit
from core.register.request import FieldValue, Request

if TYPE_CHECKING:
    from .document import Document


class SetRegisterFields(QUndoCommand):
    def __init__(self, doc: Document, edits: Mapping[Edit, FieldValue], text: str = "编辑台账") -> None:
        super().__init__(text)
        self.doc, self.new = doc, dict(edits)
        self.old: dict[Edit, FieldValue] = {}

    def redo(self) -> None:
        self.old = self.doc.report.register.set_fields(self.new)
        if not self.old:
            self.setObsolete(True)

    def undo(self) -> None:
        self.doc.report.register.set_fields(self.old)


class InsertRequests(QUndoCommand):
    def __init__(self, doc: Document, index: int, requests: Sequence[Request], text: str = "新增申请") -> None:
        super().__init__(text)
        self.doc, self.index, self.requests = doc, index, list(requests)

    def redo(self) -> None:
        self.doc.report.register.insert(self.index, self.requests)

    def undo(self) -> None:
        self.doc.report.register.remove(range(self.index, self.index + len(self.requests)))


class RemoveRequests(QUndoCommand):
    def __init__(self, doc: Document, indices: Sequence[int], text: str = "删除申请") -> None:
        super().__init__(text)
        self.doc, self.indices = doc, list(indices)
        self.removed: list[tuple[int, Request]] = []

    def redo(self) -> None:
        self.removed = self.doc.report.register.remove(self.indices)

    def undo(self) -> None:
        self.doc.report.register.insert_at(self.removed)


class ReplaceRegister(QUndoCommand):
    """Replace all requests (an import with 替换), remembering the old list."""

    def __init__(self, doc: Document, requests: Sequence[Request], text: str = "导入台账") -> None:
        super().__init__(text)
        self.doc, self.requests = doc, list(requests)
        self.before: list[Request] = []

    def redo(self) -> None:
        self.before = self.doc.report.register.replace_all(self.requests)

    def undo(self) -> None:
        self.doc.report.register.replace_all(self.before)


class SetRegisterDrives(QUndoCommand):
    """由台账生成 on/off; undo of switching on restores the typed 表三 values."""

    def __init__(self, doc: Document, on: bool) -> None:
        super().__init__("由台账生成表三" if on else "表三改为手工填写")
        self.doc, self.on = doc, on
        self.typed: dict = {}

    def redo(self) -> None:
        report = self.doc.report
        self.typed = {ref: v for ref, v in report.inputs.items() if ref[0] == "applications"}
        report.set_register_drives(self.on)

    def undo(self) -> None:
        report = self.doc.report
        report.set_register_drives(not self.on)
        if self.on:
            others = {ref: v for ref, v in report.inputs.items() if ref[0] != "applications"}
            report.replace_all({**others, **self.typed}, report.reported_totals)
