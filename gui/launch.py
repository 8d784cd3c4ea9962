"""Entry point of the window (python -m gui, the ogi-report-gui script and the
packaged executable).

Python's cyclic garbage collector is off until the first frame is on screen:
start-up creates tens of thousands of long-lived objects (Qt's types, the form
declarations), and collecting them repeatedly while they are being made cost
several milliseconds for nothing.  gui.app turns it back on right after the
first frame.  Reference counting frees everything else as usual meanwhile."""
from __future__ import annotations

import gc


def run() -> int:
    gc.disable()
    from .app import main

    return main()
