"""Version and names for the packages; the version is core.__version__ (pyproject reads it too)."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_text = (ROOT / "core" / "__init__.py").read_text("utf-8")
VERSION = re.search(r'^__version__\s*=\s*"([^"]+)"', _text, re.M).group(1)  # type: ignore[union-attr]
PRODUCT_NAME = "年报助手"
EXE_NAME = "OGIReport"


def version_tuple() -> tuple[int, int, int, int]:
    parts = [int(p) for p in re.findall(r"\d+", VERSION)[:4]]
    return tuple(parts + [0] * (4 - len(parts)))  # type: ignore[return-value]


if __name__ == "__main__":
    print(VERSION)
