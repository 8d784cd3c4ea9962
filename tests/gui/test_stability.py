"""Guards against a PySide6 defect seen in 6.12.0: every data() call that
returned None dropped a reference to None, and after a few hundred repaints
the interpreter aborted at exit ("deallocating None").  pyproject pins below it;
this test fails if a version with the defect comes back."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.main_window import MainWindow
from core.resources import sample_path
w = MainWindow(autosave_ms=3_600_000)
w.show()
w.open_path(sample_path(), ask=False)
tab = w.show_section("applications")
for i in range(600):
    w.doc.set_cells({("applications", "granted", "research"): i % 50})
    tab.view.viewport().repaint()
w.doc._dirty = False
w.close()
print("done", flush=True)
"""


def test_many_repaints_then_clean_exit(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OGI_REPORT_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "done" in out.stdout and "Fatal Python error" not in out.stderr
