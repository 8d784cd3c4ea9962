"""Running code once a window's first frame is on screen.

The window shows as soon as what is visible is built; work the first frame does
not need (Qt's translations, the recovery offer, the recent-files list) runs
right after it.  Start-up benchmarks and smoke tests (OGI_REPORT_QUIT_AFTER_SHOW)
use the same hook to print "first-frame <perf_counter>" and quit;
bench/bench_gui.py measures its bare-window floor with it too, so both are
measured to the same point.  Imports only QtCore, and no event classes: an
event filter would initialise QEvent's Python type (~2.5 ms) before the frame."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer

# A window that is never exposed (started minimised, or a platform that does not
# report it) still gets its start-up work done after this long.
GIVE_UP_S = 3.0


def after_first_frame(window, callback: Callable[[], None]) -> None:
    """Call `callback` once `window` (shown already) has painted its first frame.

    Widgets paint while their window handles its first Expose event, so the
    first timer that finds the window exposed fires after that painting.
    Callbacks registered together run in the order they were registered."""
    handle = window.windowHandle()
    deadline = time.perf_counter() + GIVE_UP_S
    polls = 0

    def poll() -> None:
        nonlocal polls
        if handle.isExposed() or time.perf_counter() > deadline:
            callback()
            return
        polls += 1
        # the offscreen and Windows platforms expose within an event loop turn or two;
        # a compositing desktop may take longer, so stop spinning after the first few
        QTimer.singleShot(0 if polls < 20 else 10, poll)

    QTimer.singleShot(0, poll)


def quit_after_first_frame(window) -> None:
    """Print the first-frame time, let callbacks registered after this one run, quit."""

    def stamp() -> None:
        if sys.stdout is not None:  # a windowed Windows executable has no console
            print(f"first-frame {time.perf_counter()!r}", flush=True)
        QTimer.singleShot(0, QCoreApplication.quit)

    after_first_frame(window, stamp)
