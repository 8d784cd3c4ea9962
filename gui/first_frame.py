"""For start-up benchmarks and smoke tests (OGI_REPORT_QUIT_AFTER_SHOW): print
"first-frame <perf_counter>" once the window's first frame has been painted,
then quit.  bench/bench_gui.py uses the same code for its bare-window floor, so
both are measured to the same point.  Imports only QtCore."""
from __future__ import annotations

import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer


class _FirstFrame(QObject):
    """The widgets paint while their window handles its first Expose event; a
    zero timer started then fires once that painting is done."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and obj.isExposed():
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        if sys.stdout is not None:  # a windowed Windows executable has no console
            print(f"first-frame {time.perf_counter()!r}", flush=True)
        QCoreApplication.quit()


def quit_after_first_frame(window) -> None:
    """Call right after window.show()."""
    watcher = _FirstFrame(window)
    window.windowHandle().installEventFilter(watcher)
