"""Running code once a window's first frame is on screen.

The window shows as soon as what is visible is built; work the first frame does
not need (Qt's translations, the recovery offer, the recent-files list) runs
right after it.  Start-up benchmarks and smoke tests (OGI_REPORT_QUIT_AFTER_SHOW)
use the same hook to print when the frame was painted and quit;
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


def quit_after_first_frame(window, stamp: bool = True) -> None:
    """Print when the first frame was painted, let callbacks registered after this one run, quit.

    stamp: "first-frame <perf_counter>", for benchmarks that compare it with their own clock
    (OGI_REPORT_QUIT_AFTER_SHOW=stamp); otherwise the time since the process started, for
    people reading a build log."""

    def done() -> None:
        if sys.stdout is not None:  # a windowed Windows executable has no console
            if stamp:
                print(f"first-frame {time.perf_counter()!r}", flush=True)
            else:
                age = process_age_s()
                print("window shown" + (f" {age:.2f} s after the process started" if age is not None else ""),
                      flush=True)
        QTimer.singleShot(0, QCoreApplication.quit)

    after_first_frame(window, done)


def process_age_s() -> float | None:
    """Seconds since this process was created (Linux: 10 ms steps), or None where unknown."""
    try:
        if sys.platform.startswith("linux"):
            import os

            with open("/proc/self/stat", "rb") as f:
                start_ticks = int(f.read().rsplit(b")", 1)[1].split()[19])  # field 22, starttime
            with open("/proc/uptime", "rb") as f:
                uptime = float(f.read().split()[0])
            age = uptime - start_ticks / os.sysconf("SC_CLK_TCK")
        elif sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            kernel32 = ctypes.WinDLL("kernel32")
            # declared: the pseudo-handle -1 must reach the call as a 64-bit HANDLE, not a C int
            kernel32.GetCurrentProcess.restype = wintypes.HANDLE
            filetime = ctypes.POINTER(wintypes.FILETIME)
            kernel32.GetProcessTimes.argtypes = [wintypes.HANDLE, filetime, filetime, filetime, filetime]
            kernel32.GetSystemTimeAsFileTime.argtypes = [filetime]
            times = [wintypes.FILETIME() for _ in range(5)]
            if not kernel32.GetProcessTimes(kernel32.GetCurrentProcess(), *map(ctypes.byref, times[:4])):
                return None
            kernel32.GetSystemTimeAsFileTime(ctypes.byref(times[4]))
            created, now = ((t.dwHighDateTime << 32) | t.dwLowDateTime for t in (times[0], times[4]))
            age = (now - created) / 1e7
        else:
            return None
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    return age if 0 <= age < 86400 else None
