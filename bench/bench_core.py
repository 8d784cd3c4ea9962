"""Core budgets (issue 2): recompute all totals + run all checks < 2 ms;
load + save a draft < 50 ms.  Run: python bench/bench_core.py"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _util import measure, report_line

from core.checks import run_checks
from core.model import PreviousYear
from core.resources import sample_path
from core.storage import load, save
from tests.core.conftest import distinct_full_report


def realistic_report():
    """Every input non-zero, the seed report's long narrative, and last year's
    draft with nearly the same text (the worst case for the 内容雷同 check)."""
    report = distinct_full_report("2021")
    sample = load(sample_path())
    for key, text in sample.texts.items():
        report.set_text(key, text.replace("2019", "2023") + "本年度未收取信息处理费。")
    report.previous = PreviousYear("last.ogir", 2022, "2021", dict(report.inputs),
                                   {k: v.replace("2023", "2022") for k, v in report.texts.items()})
    return report


def main() -> int:
    report = realistic_report()
    ok = True

    def recompute_and_check() -> None:
        report._recompute()
        run_checks(report)

    ok &= report_line("recompute + all checks (2021, full)", *measure(recompute_and_check, 500), 2.0)

    # A keystroke in a narrative editor also re-runs the 内容雷同 comparison of that section.
    counter = iter(range(10**6))

    def narrative_keystroke() -> None:
        report.texts["problems"] = report.texts["problems"][:-1] + str(next(counter) % 10)
        run_checks(report)

    median, p95 = measure(narrative_keystroke, 200)
    print(f"{'(info) checks after a narrative keystroke':<40} median {median:8.3f} ms   p95 {p95:8.3f} ms")

    # A cell edit when the narrative holds linked data passages (issue 20): the
    # passages are rewritten inside the edit, then every check runs; same budget.
    from core.skeleton import apply_skeleton

    linked = distinct_full_report("2021")
    apply_skeleton(linked)
    ref = ("applications", "new", "natural")

    def edit_with_passages() -> None:
        linked.set_values({ref: next(counter)})
        run_checks(linked)

    ok &= report_line("cell edit + linked passages + checks", *measure(edit_with_passages, 500), 2.0)

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "bench.ogir"
        save(report, path)

        def load_save() -> None:
            save(load(path), path)

        ok &= report_line("load + save draft (fsync included)", *measure(load_save, 100), 50.0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
