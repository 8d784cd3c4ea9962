"""Setting Qt enum properties by their key names, for the widgets built before
the first frame.

Naming any value of PySide's `Qt` namespace (Qt.AlignmentFlag.AlignRight, or a
getter that returns one) makes PySide create all ~90 of its Python enum classes
at once: about 20 ms, an eighth of a bare window's start-up.  Qt's property system
converts key names in C++ instead, the way .ui files set them, so the start-up
path never touches `Qt`.  Code that runs after the first frame uses `Qt` normally.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject


def set_enum_property(obj: QObject, name: str, keys: str) -> None:
    """obj.<name> = keys, e.g. ("labelAlignment", "AlignRight|AlignVCenter"); raises on a typo."""
    if not obj.setProperty(name, keys):
        # Qt returns False for an unknown property or key (and would add a dynamic property)
        raise ValueError(f"{type(obj).__name__} has no enum property {name!r} accepting {keys!r}")
