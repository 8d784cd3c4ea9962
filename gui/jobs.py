"""Long work off the UI thread, with a progress dialog and 取消.

    job = run_job(window, "正在导入", work, done)

`work(progress)` runs on a worker thread and returns a result; `done(result)`
runs on the UI thread afterwards.  The work must not touch widgets or the
Document (Qt objects belong to the UI thread): hand it plain data (paths, a
copy of the report) and apply its result in `done`.  It reports progress with
`progress.update(done, total, text)` and calls `progress.check()` now and then,
which raises `Cancelled` once the user pressed 取消 (then neither `done` nor
`failed` runs).  An exception from the work goes to `failed(exc)` on the UI
thread, or by default to a Chinese message box; nothing reaches the user as a
traceback.  The dialog appears only if the work takes longer than `delay_ms`,
and is window-modal: the report cannot change under the work meanwhile."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
POLL_MS = 50
_RUNNING: set[Job[object]] = set()  # jobs started and not finished, kept alive until they are


class Cancelled(Exception):
    """The user pressed 取消; raised inside the work by Progress.check()."""


class Progress:
    """Shared by the worker (writes) and the UI thread (reads)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = (0, 0, "")
        self._cancel = threading.Event()

    def update(self, done: int, total: int, text: str = "") -> None:
        with self._lock:
            self._state = (done, total, text)

    def state(self) -> tuple[int, int, str]:
        with self._lock:
            return self._state

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled


class Job(Generic[T]):
    def __init__(self, parent: QWidget, title: str, work: Callable[[Progress], T], done: Callable[[T], None],
                 failed: Callable[[BaseException], None] | None, delay_ms: int) -> None:
        self.parent, self.title = parent, title
        self.progress = Progress()
        self.finished = False
        self._work, self._done, self._failed = work, done, failed
        self._result: T | None = None
        self._error: BaseException | None = None
        self._dialog: QProgressDialog | None = None
        self._delay_polls = max(delay_ms // POLL_MS, 0)
        self._thread = threading.Thread(target=self._run, name=f"job: {title}", daemon=True)
        self._timer = QTimer(parent)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        self._thread.start()
        self._timer.start()

    def cancel(self) -> None:
        self.progress.cancel()

    def _run(self) -> None:
        try:
            self._result = self._work(self.progress)
        except BaseException as exc:  # handed to the UI thread, never lost
            self._error = exc

    def _poll(self) -> None:
        if self._thread.is_alive():
            if self._dialog is not None and self._dialog.wasCanceled():
                self.cancel()
            if self._delay_polls > 0:
                self._delay_polls -= 1
            else:
                self._show_progress()
            return
        self._timer.stop()
        _RUNNING.discard(self)
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        self.finished = True
        if isinstance(self._error, Cancelled) or (self._error is None and self.progress.cancelled):
            return
        if self._error is not None:
            if self._failed is not None:
                self._failed(self._error)
            else:
                from .messages import show_error

                show_error(self.parent, f"{self.title}未能完成：{self._error}", self.title)
            return
        self._done(self._result)  # type: ignore[arg-type]

    def _show_progress(self) -> None:
        if self._dialog is None:
            from PySide6.QtCore import Qt

            dialog = QProgressDialog(self.title, "取消", 0, 0, self.parent)
            dialog.setWindowTitle(self.title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.cancel)
            dialog.show()
            self._dialog = dialog
        done, total, text = self.progress.state()
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total else 0)
        if text:
            self._dialog.setLabelText(text)


def run_job(parent: QWidget, title: str, work: Callable[[Progress], T], done: Callable[[T], None],
            failed: Callable[[BaseException], None] | None = None, *, delay_ms: int = 400) -> Job[T]:
    """Start `work` on a worker thread (see the module docstring); returns the Job."""
    job = Job(parent, title, work, done, failed, delay_ms)
    _RUNNING.add(job)  # a caller need not keep the Job: Qt holds its timer's slot only weakly
    job.start()
    return job
