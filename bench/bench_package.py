"""Packaged cold start <= 2x the source start (issue 6).  Needs a Linux build:
bash installer/build_linux.sh, then python bench/bench_package.py"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile

from _util import ROOT
from bench_gui import launch


def start(cmd: list[str], env: dict[str, str]) -> float:
    return launch(cmd, env)[0]  # to the first frame painted


def main() -> int:
    exe = ROOT / "dist" / "linux" / "OGIReport" / "OGIReport"
    if not exe.exists():
        print("no Linux build: run bash installer/build_linux.sh first")
        return 1
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(OGI_REPORT_HOME=home, OGI_REPORT_QUIT_AFTER_SHOW="stamp", QT_QPA_PLATFORM="offscreen",
                   PYTHONPATH=str(ROOT))
        source = [sys.executable, "-m", "gui", "--sample"]
        packaged = [str(exe), "--sample"]
        start(source, env), start(packaged, env)  # warm caches, write bytecode
        pairs = [(start(source, env), start(packaged, env)) for _ in range(9)]
    s = statistics.median(a for a, _ in pairs)
    p = statistics.median(b for _, b in pairs)
    ratio = statistics.median(b / a for a, b in pairs)
    print(f"first frame from source   median {s:7.1f} ms")
    print(f"first frame packaged      median {p:7.1f} ms   ratio {ratio:.2f}   budget 2x   {'OK' if ratio <= 2 else 'OVER'}")
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
