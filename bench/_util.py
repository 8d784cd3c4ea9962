"""Tiny timing helpers shared by the benchmark scripts."""
from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def measure(fn: Callable[[], object], repeat: int = 200, warmup: int = 5) -> tuple[float, float]:
    """Median and 95th percentile wall time of fn(), in milliseconds."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def report_line(name: str, median: float, p95: float, budget_ms: float) -> bool:
    ok = p95 < budget_ms
    print(f"{name:<40} median {median:8.3f} ms   p95 {p95:8.3f} ms   budget {budget_ms:g} ms   {'OK' if ok else 'OVER'}")
    return ok
