"""节假日设置: holidays and 调休 workdays for years the bundled calendar does not
know yet (the State Council publishes each year's arrangement in November)."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QLabel, QPlainTextEdit, QSpinBox,
                               QVBoxLayout)

from core.register.dates import DateError, parse_date
from core.register.workdays import YearOverride, package_years

if TYPE_CHECKING:
    from .document import Document
    from .main_window import MainWindow


class SetCalendar(QUndoCommand):
    def __init__(self, doc: Document, calendar: dict[int, YearOverride]) -> None:
        super().__init__("节假日设置")
        self.doc, self.new = doc, calendar
        self.old = dict(doc.report.register.calendar)

    def redo(self) -> None:
        self.doc.report.register.set_calendar(self.new)

    def undo(self) -> None:
        self.doc.report.register.set_calendar(self.old)


def _dates(text: str, year: int, what: str) -> list[date]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        d = parse_date(line.strip())
        if d is None or d.year != year:
            raise DateError(f"{what}第{n}行“{line.strip()}”不是{year}年的日期")
        out.append(d)
    return out


class CalendarDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("节假日设置")
        self.window_ = window
        self.calendar = dict(window.doc.report.register.calendar)
        first, last = package_years()
        layout = QVBoxLayout(self)
        info = QLabel(f"本软件内置的节假日日历收录了{first}年至{last}年的法定节假日和调休上班日。"
                      f"{last + 1}年及以后的安排由国务院办公厅每年11月前后公布，公布后请在此补充，"
                      "否则答复期限只按周六、周日休息计算，并在校验结果中提示。每行一个日期。")
        info.setWordWrap(True)
        layout.addWidget(info)
        grid = QGridLayout()
        grid.addWidget(QLabel("年份："), 0, 0)
        self.year = QSpinBox()
        self.year.setRange(first, 2100)
        self.year.setValue(max(last + 1, window.doc.report.meta.year))
        grid.addWidget(self.year, 0, 1)
        grid.addWidget(QLabel("放假日期（含周末以外的全部假日）"), 1, 0)
        grid.addWidget(QLabel("调休上班日期（周六、周日上班的日期）"), 1, 1)
        self.holidays = QPlainTextEdit()
        self.workdays = QPlainTextEdit()
        grid.addWidget(self.holidays, 2, 0)
        grid.addWidget(self.workdays, 2, 1)
        layout.addLayout(grid)
        self.error = QLabel()
        self.error.setStyleSheet("color: #B00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._shown = self.year.value()
        self._load(self._shown)
        self.year.valueChanged.connect(self._year_changed)

    def _load(self, year: int) -> None:
        o = self.calendar.get(year, YearOverride())
        self.holidays.setPlainText("\n".join(d.isoformat() for d in sorted(o.holidays)))
        self.workdays.setPlainText("\n".join(d.isoformat() for d in sorted(o.workdays)))

    def _store(self) -> bool:
        year = self._shown
        try:
            rest = _dates(self.holidays.toPlainText(), year, "放假日期")
            work = _dates(self.workdays.toPlainText(), year, "调休上班日期")
        except DateError as exc:
            self.error.setText(str(exc))
            return False
        self.error.setText("")
        if rest or work:
            self.calendar[year] = YearOverride(frozenset(rest), frozenset(work))
        else:
            self.calendar.pop(year, None)
        return True

    def _year_changed(self, year: int) -> None:
        if not self._store():
            self.year.blockSignals(True)
            self.year.setValue(self._shown)
            self.year.blockSignals(False)
            return
        self._shown = year
        self._load(year)

    def _accept(self) -> None:
        if self._store():
            self.accept()


def edit_calendar(window: MainWindow) -> None:
    dialog = CalendarDialog(window)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.calendar != window.doc.report.register.calendar:
        window.doc.undo_stack.push(SetCalendar(window.doc, dialog.calendar))
