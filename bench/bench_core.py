"""Core budgets (issue 2): recompute all totals + run all checks < 2 ms;
load + save a draft < 50 ms.  Run: python bench/bench_core.py"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _util import measure, report_line

from core.checks import run_checks
from core.storage import load, save
from tests.core.conftest import distinct_full_report


def main() -> int:
    report = distinct_full_report("2021")  # every input non-zero
    ok = True

    def recompute_and_check() -> None:
        report._recompute()
        run_checks(report)

    ok &= report_line("recompute + all checks (2021, full)", *measure(recompute_and_check, 500), 2.0)

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "bench.ogir"
        save(report, path)

        def load_save() -> None:
            save(load(path), path)

        ok &= report_line("load + save draft (fsync included)", *measure(load_save, 100), 50.0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
