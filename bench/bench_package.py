"""Packaged cold start <= 2x the source start (issue 6).  Needs a Linux build:
bash installer/build_linux.sh, then python bench/bench_package.py"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from _util import ROOT


def start(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    return (time.perf_counter() - t0) * 1000


def main() -> int:
    exe = ROOT / "dist" / "linux" / "OGIReport" / "OGIReport"
    if not exe.exists():
        print("no Linux build: run bash installer/build_linux.sh first")
        return 1
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(OGI_REPORT_HOME=home, OGI_REPORT_QUIT_AFTER_SHOW="1", QT_QPA_PLATFORM="offscreen",
                   PYTHONPATH=str(ROOT))
        source = [sys.executable, "-m", "gui", "--sample"]
        packaged = [str(exe), "--sample"]
        start(source, env), start(packaged, env)  # warm caches, write bytecode
        s = statistics.median(start(source, env) for _ in range(7))
        p = statistics.median(start(packaged, env) for _ in range(7))
    ratio = p / s
    print(f"cold start from source   median {s:7.1f} ms")
    print(f"cold start packaged      median {p:7.1f} ms   ratio {ratio:.2f}   budget 2x   {'OK' if ratio <= 2 else 'OVER'}")
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
