"""gui/jobs.py: long work off the UI thread with progress and 取消."""
from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QWidget

from gui.jobs import run_job


def test_result_arrives_on_the_ui_thread(qtbot):
    parent = QWidget()
    seen = []

    def work(progress):
        for i in range(5):
            progress.update(i + 1, 5, f"第 {i + 1} 个")
        return threading.current_thread() is not threading.main_thread(), 15

    job = run_job(parent, "测试", work, lambda r: seen.append((r, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: job.finished, timeout=5000)
    assert seen == [((True, 15), True)]
    assert job.progress.state() == (5, 5, "第 5 个")


def test_cancel_stops_the_work_and_skips_done(qtbot):
    parent = QWidget()
    seen, started = [], threading.Event()

    def work(progress):
        started.set()
        while True:
            progress.check()
            time.sleep(0.005)

    job = run_job(parent, "测试", work, seen.append, delay_ms=0)
    assert started.wait(5)
    qtbot.waitUntil(lambda: job._dialog is not None, timeout=5000)  # the dialog shows while it runs
    from PySide6.QtWidgets import QPushButton

    button = job._dialog.findChild(QPushButton)
    assert button.text() == "取消"
    button.click()  # the user presses 取消
    qtbot.waitUntil(lambda: job.finished, timeout=5000)
    assert seen == [] and job._dialog is None


def test_failure_goes_to_failed_not_to_done(qtbot):
    parent = QWidget()
    done, failed = [], []

    def work(progress):
        raise ValueError("第 3 行不是数字")

    job = run_job(parent, "测试", work, done.append, failed.append)
    qtbot.waitUntil(lambda: job.finished, timeout=5000)
    assert done == [] and [str(e) for e in failed] == ["第 3 行不是数字"]


def test_failure_without_handler_shows_a_chinese_message(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("gui.messages.show_error", lambda parent, text, title="": shown.append((title, text)))
    job = run_job(QWidget(), "导入报告", lambda p: 1 / 0, lambda r: None)
    qtbot.waitUntil(lambda: job.finished, timeout=5000)
    assert shown and shown[0][0] == "导入报告" and shown[0][1].startswith("导入报告未能完成")
