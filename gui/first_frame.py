"""Running code once a window's first frame is on screen.

The window shows as soon as what is visible is built; work the first frame does
not need (Qt's translations, the recovery offer, the recent-files list) runs
right after it.  Start-up benchmarks and smoke tests (OGI_REPORT_QUIT_AFTER_SHOW)
use the same hook to print "first-frame <perf_counter>" and quit;
bench/bench_gui.py measures its bare-window floor with it too, so both are
measured to the same point.  Imports only QtCore."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer


class _AfterFirstFrame(QObject):
    """Widgets paint while their window handles its first Expose event; a zero
    timer started then fires once that painting is done."""

    def __init__(self, window, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and obj.isExposed():
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def after_first_frame(window, callback: Callable[[], None]) -> None:
    """Call `callback` once `window` (shown already) has painted its first frame.
    Callbacks run in the order they were registered."""
    window.windowHandle().installEventFilter(_AfterFirstFrame(window, callback))


def quit_after_first_frame(window) -> None:
    """Print the first-frame time, let callbacks registered after this one run, quit."""

    def stamp() -> None:
        if sys.stdout is not None:  # a windowed Windows executable has no console
            print(f"first-frame {time.perf_counter()!r}", flush=True)
        QTimer.singleShot(0, QCoreApplication.quit)

    after_first_frame(window, stamp)
