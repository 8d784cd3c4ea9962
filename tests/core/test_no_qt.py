"""core/ must import on a machine without Qt: block PySide6 and import every module."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import importlib, pkgutil, sys

class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
            raise ImportError("Qt is blocked in core: " + name)
        return None

sys.meta_path.insert(0, Block())
import core
names = [m.name for m in pkgutil.walk_packages(core.__path__, "core.") if not m.name.endswith("__main__")]
for name in names:
    importlib.import_module(name)
assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
print(len(names))
"""


def test_core_imports_without_qt():
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 15  # every core module was imported


def test_the_blocker_does_block():
    # guard against a blocker that silently lets Qt through
    probe = SCRIPT.split("import core")[0] + "import PySide6.QtCore\n"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode != 0 and "Qt is blocked" in out.stderr
