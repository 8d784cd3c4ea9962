"""The open report, its file, its undo stack and its current findings.

Every edit goes through an undo command that calls the core model; views
listen to the `changed` signal and repaint only what the core says changed.
"""
from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from core.checks import BalanceHistory, Finding, run_checks
from core.forms.schema import CellRef, Number
from core.model import Change, Explanation, Report, default_report_year
from core.model.clean import unclean_count
from core.storage import load, save


class SetCellsCommand(QUndoCommand):
    def __init__(self, doc: Document, values: Mapping[CellRef, Number | None], text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self.new = dict(values)
        self.old: dict[CellRef, Number | None] = {}

    def redo(self) -> None:
        self.old = self.doc.report.set_values(self.new)
        if not self.old:
            self.setObsolete(True)  # nothing changed: do not keep an empty undo step

    def undo(self) -> None:
        self.doc.report.set_values(self.old)


class SetMetaCommand(QUndoCommand):
    def __init__(self, doc: Document, name: str, value: Any, text: str) -> None:
        super().__init__(text)
        self.doc, self.name, self.value = doc, name, value
        self.before: dict[str, Any] = {}

    def redo(self) -> None:
        self.before = self.doc.report.meta_snapshot()
        self.doc.report.set_meta(self.name, self.value)
        if self.doc.report.meta_snapshot() == self.before:
            self.setObsolete(True)

    def undo(self) -> None:
        self.doc.report.apply_meta(self.before)


class SetUnitCommand(QUndoCommand):
    def __init__(self, doc: Document, ref: CellRef, unit: str) -> None:
        super().__init__("更改单位")
        self.doc, self.ref, self.unit = doc, ref, unit
        self.before = doc.report.unit(ref)

    def redo(self) -> None:
        self.doc.report.set_unit(self.ref, self.unit)

    def undo(self) -> None:
        self.doc.report.set_unit(self.ref, self.before)


class ReplaceTablesCommand(QUndoCommand):
    """Replace every table value at once (import from Excel), undoable as one step."""

    def __init__(self, doc: Document, apply, text: str) -> None:
        super().__init__(text)
        self.doc, self.apply = doc, apply
        r = doc.report
        self.before = (dict(r.inputs), dict(r.units), dict(r.reported_totals))

    def redo(self) -> None:
        self.apply(self.doc.report)

    def undo(self) -> None:
        inputs, units, totals = self.before
        self.doc.report.replace_all(inputs, totals, units=units)


class Document(QObject):
    changed = Signal(object)  # core.model.Change
    text_cleaned = Signal(str)  # typed or pasted text held characters no file can hold (a status message)
    findings_changed = Signal()
    replaced = Signal()  # a different report was loaded or created
    dirty_changed = Signal(bool)
    path_changed = Signal()

    def __init__(self, report: Report | None = None, path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.report = report or Report("", default_report_year(*time.localtime()[:2]))
        self.path: Path | None = path
        self.findings: list[Finding] = []
        self.balance_history = BalanceHistory()  # names the edit that broke a 勾稽关系
        self._dirty = False
        self._unsubscribe = self.report.subscribe(self._on_change)
        self._recheck()

    # --- state ---------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, value: bool) -> None:
        if value != self._dirty:
            self._dirty = value
            self.dirty_changed.emit(value)

    def _on_change(self, change: Change) -> None:
        self._recheck()
        self._set_dirty(True)
        self.changed.emit(change)
        self.findings_changed.emit()

    def _recheck(self) -> None:
        self.findings = self.balance_history.annotate(self.report, run_checks(self.report))

    @property
    def error_count(self) -> int:
        return sum(f.is_error for f in self.findings)

    @property
    def warning_count(self) -> int:
        """Warnings still open (not marked 已核实)."""
        return sum(1 for f in self.findings if not f.is_error and f.is_open)

    @property
    def explained_count(self) -> int:
        return sum(1 for f in self.findings if f.explanation is not None)

    def explain(self, finding: Finding, note: str | None) -> None:
        """Mark a warning 已核实 with a note (None takes the mark back)."""
        if finding.is_error:
            return
        self.report.explain(finding.key, Explanation(note, finding.expected, finding.actual) if note else None)

    # --- replacing the report ----------------------------------------------------

    def replace(self, report: Report, path: Path | None, dirty: bool = False) -> None:
        self._unsubscribe()
        self.report = report
        self._unsubscribe = report.subscribe(self._on_change)
        self.path = path
        self.undo_stack.clear()
        self.balance_history.forget()
        self._recheck()
        self.replaced.emit()
        self.findings_changed.emit()
        self.path_changed.emit()
        self._dirty = not dirty  # force the signal
        self._set_dirty(dirty)

    def open(self, path: Path) -> None:
        self.replace(load(path), path)

    def save(self, path: Path | None = None) -> None:
        target = path or self.path
        assert target is not None
        save(self.report, target)
        if target != self.path:
            self.path = target
            self.path_changed.emit()
        self.undo_stack.setClean()
        self._set_dirty(False)

    # --- edits -------------------------------------------------------------------

    def set_cells(self, values: Mapping[CellRef, Number | None], text: str = "编辑单元格") -> None:
        if values:
            self.undo_stack.push(SetCellsCommand(self, values, text))

    def set_meta(self, name: str, value: Any, text: str = "修改基本信息") -> None:
        if isinstance(value, str):
            self._tell_cleaned(value)
        self.undo_stack.push(SetMetaCommand(self, name, value, text))

    def set_unit(self, ref: CellRef, unit: str) -> None:
        if self.report.unit(ref) != unit:
            self.undo_stack.push(SetUnitCommand(self, ref, unit))

    def replace_tables(self, apply, text: str) -> None:
        self.undo_stack.push(ReplaceTablesCommand(self, apply, text))

    def set_text(self, section: str, text: str) -> None:
        self._tell_cleaned(text)
        self.report.set_text(section, text)

    def _tell_cleaned(self, text: str) -> None:
        """The model drops control characters and replaces broken ones (so that
        the draft can always be saved and exported); the user is told when."""
        n = unclean_count(text)
        if n:
            self.text_cleaned.emit(f"已清除{n}个无法保存或导出的字符（不可见的控制字符或残缺的文字编码），其余内容未变。")

    def link_passage(self, section: str, key: str, text: str) -> None:
        """Link a data passage just typed into a section (its text is already in
        place, and undone with the editor's own undo like any typing)."""
        self.report.link_passage(section, key, text)

    def findings_for(self, ref: CellRef) -> list[Finding]:
        return [f for f in self.findings if ref in f.cells]
