"""Export budgets: .docx of a full report < 300 ms (issue 3); .xlsx export and
import < 200 ms each (issue 4).  Run: python bench/bench_export.py"""
from __future__ import annotations

import sys

from _util import measure, report_line

from core.export.html_page import html_text
from core.export.word import docx_bytes
from tests.core.conftest import distinct_full_report
from core.checks import run_checks


def main() -> int:
    ok = True
    for form_key in ("2019", "2021"):
        report = distinct_full_report(form_key)
        ok &= report_line(f"docx export, full {form_key} report", *measure(lambda r=report: docx_bytes(r), 30), 300.0)
        ok &= report_line(f"html export, full {form_key} report", *measure(lambda r=report: html_text(r), 30), 300.0)
    try:
        from core.export.excel import xlsx_bytes
        from core.importers.xlsx import read_xlsx_bytes
    except ImportError:
        return 0 if ok else 1
    for form_key in ("2019", "2021"):
        report = distinct_full_report(form_key)
        data = xlsx_bytes(report, run_checks(report))
        ok &= report_line(f"xlsx export, full {form_key} report", *measure(lambda r=report: xlsx_bytes(r, run_checks(r)), 30), 200.0)
        ok &= report_line(f"xlsx import, full {form_key} report", *measure(lambda d=data: read_xlsx_bytes(d), 30), 200.0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
