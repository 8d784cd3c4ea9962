"""Register GUI budgets (issue 17), 20,000 requests in the 台账 tab:
typing in a cell to repainted < 16 ms; sorting and filtering < 200 ms.
Run: QT_QPA_PLATFORM=offscreen python bench/bench_register_gui.py"""
from __future__ import annotations

import os
import sys
import tempfile
from datetime import date

from _util import measure, report_line

from core.model import Report
from core.register.sample import generated_requests

N = 20_000


def main() -> int:
    ok = True
    with tempfile.TemporaryDirectory() as home:
        os.environ["OGI_REPORT_HOME"] = home
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        qapp = QApplication.instance() or QApplication([])
        from gui.main_window import MainWindow

        report = Report("某市人民政府办公厅", 2024)
        report.register.insert(0, generated_requests(N, 2024, report.meta.form_key))
        report.set_register_drives(True)
        w = MainWindow(autosave_ms=3_600_000)
        w.resize(1440, 900)
        w.show()
        w.doc.replace(report, None)
        w.tabs.table_tab("applications")  # 表三 built and listening, as after a real start
        page = w.tabs.show_extra("register")
        qapp.processEvents()
        model, view = page.model, page.view
        view.setCurrentIndex(model.index(200, 11))
        view.scrollTo(model.index(200, 11))
        qapp.processEvents()
        days = [date(2024, 5, d) for d in range(1, 29)]
        state = {"n": 0}

        def type_date() -> None:
            # what Enter in a cell editor does: setData, the undo command, 表三, the checks, the repaint
            state["n"] += 1
            model.setData(model.index(200 + state["n"] % 20, 11), days[state["n"] % len(days)].isoformat())
            qapp.processEvents()

        ok &= report_line("type a date in the register -> repainted", *measure(type_date, 100), 16.0)

        def type_text() -> None:
            state["n"] += 1
            model.setData(model.index(200 + state["n"] % 20, 14), f"备注{state['n']}")
            qapp.processEvents()

        ok &= report_line("type a note in the register -> repainted", *measure(type_text, 100), 16.0)

        def sort_by(col: int) -> None:
            model.sort(col, Qt.SortOrder.DescendingOrder if state["n"] % 2 else Qt.SortOrder.AscendingOrder)
            state["n"] += 1
            qapp.processEvents()

        for col, name in ((1, "收到日期"), (12, "办理结果"), (15, "答复期限"), (16, "状态")):
            ok &= report_line(f"sort by {name}", *measure(lambda c=col: sort_by(c), 10, 1), 200.0)

        filters = ["open", "reminders", "problems", "all"]

        def filt() -> None:
            state["n"] += 1
            model.set_filter(filters[state["n"] % len(filters)])
            qapp.processEvents()

        ok &= report_line("filter (未办结/到期提醒/有问题/全部)", *measure(filt, 12, 2), 200.0)
        from gui.messages import DISCARD

        w.ask_unsaved = lambda *_: DISCARD  # the bench's edits are not to be saved (no dialog to hang on)
        w.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
