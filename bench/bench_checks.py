"""Worst-case check runs (issue 12, item 10): every check is linear in the text.

Budget: all checks on a report with a 1 MB narrative < 50 ms after a cell
edit or a keystroke (and < 500 ms for the first run after opening), whatever the
text looks like: realistic prose tiled to 1 MB, one endless paragraph or
sentence made of the very phrases the number checks look for, and last year's
draft holding a 1 MB near copy (the 内容雷同 comparison).  The window reruns
the checks after every keystroke, so this is the time a keystroke waits.

Run: python bench/bench_checks.py
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable

from _util import measure, report_line

from core.checks import crossyear, narrative_numbers, run_checks
from core.checks.runner import RULES
from core.model import PreviousYear, Report
from core.resources import sample_path
from core.storage import load

MB = 1024 * 1024
BUDGET_MS = 50.0
# Once per opened file (or pasted megabyte): every line is new and scanned once.
COLD_BUDGET_MS = 500.0


def tiled(unit: str, size: int = MB) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def cases() -> dict[str, Callable[[], Report]]:
    sample = load(sample_path())
    prose = "\n".join(sample.texts.values()) + "\n"

    def report_with(text: str, previous: str | None = None) -> Report:
        r = Report("某局", 2024)
        r.set_text("overview", text)
        if previous is not None:
            r.previous = PreviousYear("last.ogir", 2023, r.form.key, {}, {"overview": previous})
        return r

    return {
        "realistic prose, 1 MB": lambda: report_with(tiled(prose)),
        "one paragraph of 共1条其中1条、": lambda: report_with(tiled("共1条，其中1条、2条、其他3条，")),
        "one sentence of 予以公开1件": lambda: report_with(tiled("予以公开1件")),
        "one sentence, clauses of 予以公开1件，": lambda: report_with(tiled("因故予以公开1件，")),
        "zero statements 未收到信息公开申请": lambda: report_with(tiled("未收到信息公开申请")),
        "one line without any break": lambda: report_with(tiled("政府信息公开工作")),
        "1 MB near copy of last year (V11)": lambda: report_with(
            tiled(prose), tiled(prose.replace("2019", "2018"))),
        "1 MB unrelated to last year (V11)": lambda: report_with(tiled(prose), tiled("完全不同的内容，另起一段。\n")),
    }


def slowest_rule(report: Report) -> str:
    times = []
    for rule in RULES:
        t0 = time.perf_counter()
        rule(report)
        times.append(((time.perf_counter() - t0) * 1000, rule.__name__))
    ms, name = max(times)
    return f"{name} {ms:.1f} ms"


def clear_caches() -> None:
    """Forget every text seen, as after opening a file."""
    narrative_numbers._claims_cache.clear()
    narrative_numbers._sums_cache.clear()
    narrative_numbers._section_claims.cache_clear()
    narrative_numbers._section_sums.cache_clear()
    narrative_numbers.paragraph_lines.cache_clear()
    crossyear._compare.cache_clear()
    crossyear._squeezed.cache_clear()
    crossyear._sentence_counts.cache_clear()


def bench_case(name: str, report: Report) -> bool:
    text = report.texts["overview"]
    edits = iter(range(10**6))

    def keystroke() -> None:
        # One character typed in the middle of the text: the section is new,
        # its paragraphs but one are not.
        i = next(edits)
        mid = len(text) // 2
        report.texts["overview"] = text[:mid] + "字" * (i % 7 + 1) + text[mid:]
        run_checks(report)

    def cold() -> None:
        clear_caches()
        run_checks(report)

    print(name)
    ok = report_line("  checks after a cell edit", *measure(lambda: run_checks(report), repeat=7, warmup=1), BUDGET_MS)
    ok &= report_line("  checks after a keystroke", *measure(keystroke, repeat=7, warmup=1), BUDGET_MS)
    ok &= report_line("  first check run (file just opened)", *measure(cold, repeat=5, warmup=0), COLD_BUDGET_MS)
    print(f"    slowest rule (after a cell edit): {slowest_rule(report)}")
    return ok


def main() -> int:
    ok = True
    for name, make in cases().items():
        ok &= bench_case(name, make())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
