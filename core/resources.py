"""Where bundled resources live, from a source checkout or a PyInstaller build."""
from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def sample_path() -> Path:
    return resources_dir() / "samples" / "haizhu-2019.ogir"
