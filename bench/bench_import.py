"""Published-report import and audit budgets (issue 15): one HTML report
< 0.3 s, one PDF < 1.5 s, an audit of 100 HTML reports < 30 s.

The single imports are timed on the real fixture (the 2019 Shanghai report as
a web page and as a PDF) including the first-use import of lxml / pypdfium2;
the audit on 100 generated 2021-format pages of 100 agencies (distinct
numbers, narratives of ~20 paragraphs mixing shared and own sentences), with
cross-report comparison.  Run: python bench/bench_import.py"""
from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _util import ROOT, report_line

FIXTURES = ROOT / "tests" / "fixtures" / "published"


def import_times_s(path: Path) -> tuple[float, float]:
    """(first import, median of 5 more) in a fresh interpreter that has loaded core
    as the app has: the first includes loading lxml / pypdfium2 and cold caches."""
    code = ("import time,statistics; from core.importers.published import import_published; "
            f"t=time.perf_counter(); import_published({str(path)!r}); first=time.perf_counter()-t; s=[]\n"
            f"for _ in range(5):\n t=time.perf_counter(); import_published({str(path)!r}); s.append(time.perf_counter()-t)\n"
            "print(first, statistics.median(s))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    first, warm = out.stdout.split()
    return float(first), float(warm)


def generate(folder: Path, n: int) -> None:
    from core.export.html_page import html_text
    from core.model.report import Report

    rng = random.Random(15)
    shared = [f"本机关认真贯彻落实《中华人民共和国政府信息公开条例》，第{i}项工作制度得到进一步完善，公开质量持续提升。"
              for i in range(40)]
    for k in range(n):
        r = Report(f"某某县第{k}局", 2024, "2021", date="2025-01-20")
        values = {ref: rng.randint(0, 500) for ref, spec in r.form.cells.items() if not spec.computed and
                  spec.domain.is_integer}
        r.set_values(values)
        for s in r.form.narratives:
            paras = [rng.choice(shared) if rng.random() < 0.3 else
                     f"{r.meta.agency}{s.heading[2:]}第{j}段：" + "".join(rng.choice("政务公开工作推进落实制度平台建设服务群众")
                                                                 for _ in range(60)) for j in range(7)]
            r.set_text(s.key, "\n".join(paras))
        (folder / f"r{k:03d}.html").write_text(html_text(r), encoding="utf-8")


def main() -> int:
    ok = True
    html = FIXTURES / "sh-bgt-2019-html" / "source.html"
    pdf = FIXTURES / "sh-bgt-2019-pdf" / "source.pdf"
    for name, path, budget in (("import one HTML report", html, 300.0), ("import one PDF report", pdf, 1500.0)):
        runs = [import_times_s(path) for _ in range(3)]
        firsts = sorted(r[0] * 1000 for r in runs)
        warm = sorted(r[1] * 1000 for r in runs)
        print(f"{name + ', first in a session':<40} median {firsts[1]:8.1f} ms   max {firsts[-1]:8.1f} ms")
        ok &= report_line(name + " (median, p95 = max)", warm[1], warm[-1], budget)
    from core.audit import run_audit

    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), 100)
        t0 = time.perf_counter()
        result = run_audit([tmp])
        ms = (time.perf_counter() - t0) * 1000
        assert len(result.entries) == 100 and not any(e.error for e in result.entries)
        ok &= report_line(f"audit 100 HTML reports ({len(result.copies)} copies)", ms, ms, 30000.0)
        ok &= window_stalls(Path(tmp))
    return 0 if ok else 1


def window_stalls(folder: Path) -> bool:
    """The 审核 workspace auditing the 100 pages on its worker thread: how long
    the window's event loop goes without running (a 10 ms timer's longest gap)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
    except ImportError:
        return True
    from gui.audit_view import AuditView

    app = QApplication.instance() or QApplication([])

    class Host:
        def show_error(self, text: str, title: str = "") -> None:
            raise AssertionError(text)

    view = AuditView(Host())  # type: ignore[arg-type]
    view.add_paths([folder])
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    t0 = time.perf_counter()
    view.run()
    while view.running or view.timer.isActive():
        app.processEvents()
        time.sleep(0.002)
    ms = (time.perf_counter() - t0) * 1000
    timer.stop()
    gaps.sort()
    p95, worst = gaps[int(len(gaps) * 0.95) - 1], gaps[-1]
    print(f"{'audit in the window: ' + format(ms / 1000, '.1f') + ' s, event-loop gap':<40} "
          f"p95 {p95:8.1f} ms   max {worst:8.1f} ms   budget max 250 ms   {'OK' if worst < 250 else 'OVER'}")
    return worst < 250


if __name__ == "__main__":
    sys.exit(main())
