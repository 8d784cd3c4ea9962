"""The 审核 workspace: many published reports checked at once.

Files and folders are chosen, the audit runs on a worker thread (the window
stays usable; progress and 取消 are on the page itself), then one row per
report shows its errors, warnings, import problems and copied paragraphs, the
findings of the selected report are listed with their quotes, and the whole
result is saved as one workbook.  Double-clicking a report opens its import
review, from which it can be opened as a draft."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .jobs import Cancelled, Progress

if TYPE_CHECKING:
    from core.audit import AuditResult

    from .main_window import MainWindow

COLUMNS = ("文件", "机关名称", "报告年度", "报告格式", "错误", "警告", "导入问题", "雷同段落", "说明")
POLL_MS = 100


class AuditView(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.paths: list[Path] = []
        self.result: AuditResult | None = None
        self._thread: threading.Thread | None = None
        self._progress = Progress()
        self._outcome: tuple[str, object] | None = None

        top = QHBoxLayout()
        self.add_files = QPushButton("添加文件…")
        self.add_folder = QPushButton("添加文件夹…")
        self.clear = QPushButton("清空")
        self.start = QPushButton("开始审核")
        self.save = QPushButton("保存审核结果…")
        self.save.setEnabled(False)
        for b in (self.add_files, self.add_folder, self.clear, self.start, self.save):
            top.addWidget(b)
        top.addStretch(1)
        self.add_files.clicked.connect(self.choose_files)
        self.add_folder.clicked.connect(self.choose_folder)
        self.clear.clicked.connect(self.clear_paths)
        self.start.clicked.connect(self.run)
        self.save.clicked.connect(self.save_workbook)

        self.chosen = QListWidget()
        self.chosen.setMaximumHeight(90)
        bar = QHBoxLayout()
        self.bar = QProgressBar()
        self.bar_text = QLabel("选择已发布的报告文件或文件夹（网页、Word、PDF），然后点“开始审核”。")
        self.cancel = QPushButton("取消")
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self._progress_cancel)
        bar.addWidget(self.bar_text, 1)
        bar.addWidget(self.bar, 1)
        bar.addWidget(self.cancel)

        self.summary = QTableWidget(0, len(COLUMNS))
        self.summary.setHorizontalHeaderLabels(COLUMNS)
        self.summary.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.summary.itemSelectionChanged.connect(self.show_findings)
        self.summary.cellDoubleClicked.connect(self.open_report)
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        from PySide6.QtCore import Qt  # built on first show, after the first frame

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.summary)
        split.addWidget(self.findings)

        page = QVBoxLayout(self)
        page.addLayout(top)
        page.addWidget(self.chosen)
        page.addLayout(bar)
        page.addWidget(split, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)

    # --- choosing --------------------------------------------------------------------------

    def add_paths(self, paths: list[Path]) -> None:
        for p in paths:
            if p not in self.paths:
                self.paths.append(p)
                self.chosen.addItem(str(p))

    def choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from .published_actions import PUBLISHED_FILTER

        names, _ = QFileDialog.getOpenFileNames(self, "选择已发布的报告", "", PUBLISHED_FILTER)
        self.add_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(self, "选择存放报告的文件夹")
        if name:
            self.add_paths([Path(name)])

    def clear_paths(self) -> None:
        self.paths = []
        self.chosen.clear()

    # --- running -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def run(self) -> None:
        if self.running:
            return
        if not self.paths:
            self.window_.show_error("请先添加要审核的报告文件或文件夹。", "审核")
            return
        self._progress = Progress()
        self._outcome = None
        progress = self._progress
        paths = list(self.paths)

        def work() -> None:
            from core.audit import run_audit

            def step(done: int, total: int, text: str) -> None:
                progress.check()
                progress.update(done, total, text)

            try:
                self._outcome = ("done", run_audit(paths, step))
            except Cancelled:
                self._outcome = ("cancelled", None)
            except Exception as exc:  # handed to the UI thread as a message, never a traceback
                self._outcome = ("failed", exc)

        for b in (self.start, self.add_files, self.add_folder, self.clear, self.save):
            b.setEnabled(False)
        self.cancel.setEnabled(True)
        self.bar.setRange(0, 0)
        self.bar_text.setText("正在审核……")
        self._thread = threading.Thread(target=work, name="audit", daemon=True)
        self._thread.start()
        self.timer.start()

    def _progress_cancel(self) -> None:
        self._progress.cancel()
        self.bar_text.setText("正在取消……")

    def _poll(self) -> None:
        done, total, text = self._progress.state()
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if text and not self._progress.cancelled:
            self.bar_text.setText(text)
        if self.running:
            return
        self.timer.stop()
        self.cancel.setEnabled(False)
        for b in (self.start, self.add_files, self.add_folder, self.clear):
            b.setEnabled(True)
        kind, value = self._outcome or ("failed", RuntimeError("审核意外中止"))
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if kind == "done" else 0)
        if kind == "cancelled":
            self.bar_text.setText("审核已取消。")
        elif kind == "failed":
            self.bar_text.setText("审核未能完成。")
            self.window_.show_error(f"审核未能完成：{value}", "审核")
        else:
            self.show_result(value)  # type: ignore[arg-type]

    # --- results -----------------------------------------------------------------------------

    def show_result(self, result: AuditResult) -> None:
        from core.audit.workbook import summary_rows

        self.result = result
        rows = summary_rows(result)
        self.summary.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row[: len(COLUMNS)]):
                self.summary.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.summary.resizeColumnsToContents()
        errors = sum(e.errors for e in result.entries)
        unreadable = sum(1 for e in result.entries if e.error)
        self.bar_text.setText(f"已审核 {len(result.entries)} 份报告（{unreadable} 份无法读取）：{errors} 个错误，"
                              f"{len(result.copies)} 处跨机关雷同段落。双击一份报告可查看导入详情。")
        self.save.setEnabled(bool(result.entries))
        if rows:
            self.summary.selectRow(0)

    def show_findings(self) -> None:
        from core.audit.workbook import finding_rows

        self.findings.clear()
        if self.result is None:
            return
        rows = self.summary.selectionModel().selectedRows()
        if not rows:
            return
        name = self.result.entries[rows[0].row()].path.name
        for row in finding_rows(self.result):
            if row[0] == name:
                quote = f"\n    引文：{row[6]}" if row[6] else ""
                self.findings.addItem(f"【{row[3]}】{row[4]} {row[5]}{quote}")

    def open_report(self, row: int, _column: int = 0) -> None:
        from .published_actions import review

        if self.result is None or not 0 <= row < len(self.result.entries):
            return
        entry = self.result.entries[row]
        if entry.result is None:
            self.window_.show_error(entry.error, "无法读取")
            return
        if not review(self.window_, entry.result):
            return
        if not self.window_.drafts.maybe_save():
            return
        self.window_.doc.replace(entry.result.to_report(), None, dirty=True)
        self.window_.show_section("overview")

    def save_workbook(self) -> None:
        from core.audit import write_workbook
        from core.export.files import ExportError

        if self.result is None:
            return
        path = self.window_.ask_save_path("保存审核结果", "已发布报告审核结果.xlsx", "Excel 工作簿 (*.xlsx)")
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            write_workbook(self.result, path)
        except ExportError as exc:
            self.window_.show_error(str(exc), "保存失败")
            return
        self.window_.status(f"审核结果已保存到 {path}", 8000)
