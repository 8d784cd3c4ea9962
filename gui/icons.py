"""Icons, all loaded from files drawn once by installer/make_icons.py: painting
them at start-up would initialise QPainter, text rendering and PySide's Qt enums
before the first frame.  QIcon is imported inside the functions for the same reason."""
from __future__ import annotations

from functools import cache

from core.resources import resources_dir


@cache
def finding_icon(kind: str):
    """The mark for a cell or list entry with an error ("error") or a warning ("warning")."""
    from PySide6.QtGui import QIcon

    if kind not in ("error", "warning"):
        raise ValueError(kind)
    return QIcon(str(resources_dir() / "icons" / f"finding-{kind}.png"))


@cache
def app_icon():
    from PySide6.QtGui import QIcon

    return QIcon(str(resources_dir() / "icons" / "app.png"))
