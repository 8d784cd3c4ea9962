"""The 汇总 workspace: roster, collected files, status board, sums with
drill-down, cross-unit findings, export.  Presents core/consolidation; files
are read on a worker thread (gui/jobs.run_job, with progress and 取消)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from core.consolidation import Workspace
    from core.consolidation.session import Consolidation

    from .main_window import MainWindow

STATUS_COLUMNS = ("单位名称", "类别", "本级", "全行政区域", "状态", "格式", "文件日期", "错误", "警告", "纳入汇总", "说明")
SUM_COLUMNS = ("表格", "栏目", "本级", "全行政区域", "说明")
_OPEN_COPIES: list[Any] = []  # windows opened on a unit's report (kept alive)


def _table(columns: tuple[str, ...]) -> QTableWidget:
    t = QTableWidget(0, len(columns))
    t.setHorizontalHeaderLabels(columns)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(t: QTableWidget, rows: list[list[Any]]) -> None:
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.setItem(r, c, QTableWidgetItem("" if v is None else str(v)))
    t.resizeColumnsToContents()
    for c in range(t.columnCount()):
        t.setColumnWidth(c, min(t.columnWidth(c), 420))


class ConsolidationView(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        from datetime import date

        from core.consolidation import Workspace
        from core.model.report import default_report_year

        self.window_ = window
        today = date.today()
        self.ws: Workspace = Workspace(default_report_year(today.year, today.month))
        self.path: Path | None = None
        self.state: Consolidation | None = None
        self.last_reports: dict[str, Any] = {}  # last year's report per unit, from last year's workspace

        top = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("open", "打开汇总…", self.open_workspace), ("save", "保存汇总…", self.save_workspace),
                                ("roster", "导入单位名单…", self.import_roster),
                                ("roster_template", "名单模板…", self.save_roster_template),
                                ("send", "生成发送模板…", self.send_templates),
                                ("files", "添加文件…", self.choose_files), ("folder", "添加文件夹…", self.choose_folder),
                                ("last_year", "上年汇总…", self.choose_last_year),
                                ("export", "导出汇总…", self.export)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            top.addWidget(b)
            self.buttons[key] = b
        top.addStretch(1)
        meta = QHBoxLayout()
        meta.addWidget(QLabel("汇总单位："))
        self.name = QLineEdit()
        self.name.setPlaceholderText("如：某某县人民政府")
        self.name.editingFinished.connect(self._name_changed)
        meta.addWidget(self.name, 2)
        meta.addWidget(QLabel("报告年度："))
        self.year = QSpinBox()
        self.year.setRange(2019, 2100)
        self.year.setValue(self.ws.year)
        self.year.valueChanged.connect(self._year_changed)
        meta.addWidget(self.year)
        self.summary = QLabel()
        meta.addWidget(self.summary, 5)

        self.tabs = QTabWidget()
        # 报送情况
        self.status = _table(STATUS_COLUMNS)
        self.status.cellDoubleClicked.connect(self.open_unit)
        board = QWidget()
        bl = QVBoxLayout(board)
        actions = QHBoxLayout()
        self.confirm_button = QPushButton("确认匹配")
        self.confirm_button.clicked.connect(self.confirm_match)
        self.include_button = QPushButton("有错误仍纳入/取消纳入")
        self.include_button.clicked.connect(self.toggle_include)
        hint = QLabel("双击一行，在新窗口中打开该单位报告的副本。")
        for w in (self.confirm_button, self.include_button):
            actions.addWidget(w)
        actions.addWidget(hint, 1)
        bl.addLayout(actions)
        bl.addWidget(self.status, 1)
        self.others = QListWidget()
        self.others.setMaximumHeight(110)
        bl.addWidget(QLabel("未匹配、待确认和多余的文件："))
        bl.addWidget(self.others)
        self.tabs.addTab(board, "报送情况")
        # 汇总 with drill-down
        sums = QSplitter()
        self.sums = _table(SUM_COLUMNS)
        self.sums.itemSelectionChanged.connect(self.drill)
        right = QWidget()
        rl = QVBoxLayout(right)
        self.scope = QComboBox()
        self.scope.addItems(["全行政区域", "本级"])
        self.scope.currentIndexChanged.connect(self.drill)
        rl.addWidget(QLabel("所选数字来自以下单位："))
        rl.addWidget(self.scope)
        self.drill_list = _table(("单位名称", "数值"))
        rl.addWidget(self.drill_list, 1)
        sums.addWidget(self.sums)
        sums.addWidget(right)
        sums.setStretchFactor(0, 3)
        sums.setStretchFactor(1, 1)
        self.tabs.addTab(sums, "汇总数字")
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.tabs.addTab(self.findings, "跨单位核对")
        self.roster = _table(("单位名称", "类别", "本级", "全行政区域", "联系方式"))
        self.tabs.addTab(self.roster, "单位名单")

        page = QVBoxLayout(self)
        page.addLayout(top)
        page.addLayout(meta)
        page.addWidget(self.tabs, 1)
        self.refresh()

    # --- workspace file and roster -------------------------------------------------------------

    def _name_changed(self) -> None:
        self.ws.name = self.name.text().strip()

    def _year_changed(self, year: int) -> None:
        if year != self.ws.year:
            self.ws.year = year
            self.refresh()

    def set_workspace(self, ws: Workspace, path: Path | None) -> None:
        self.ws, self.path = ws, path
        self.name.setText(ws.name)
        self.year.setValue(ws.year)
        self.state = None
        self.last_reports = {}
        self.collect([f.path for f in ws.files])
        if ws.last_year and Path(ws.last_year).exists():
            self.load_last_year(ws.last_year)

    def open_workspace(self) -> None:
        from core.consolidation import ConsolidationError
        from core.consolidation.storage import load

        path = self.window_.ask_open_path("打开汇总文件", "汇总文件 (*.ogiw)")
        if path is None:
            return
        try:
            self.set_workspace(load(path), path)
        except ConsolidationError as exc:
            self.window_.show_error(str(exc), "无法打开")

    def save_workspace(self) -> None:
        from core.consolidation import ConsolidationError
        from core.consolidation.storage import SUFFIX, save

        path = self.path or self.window_.ask_save_path("保存汇总文件", f"{self.ws.year}年度汇总{SUFFIX}",
                                                       "汇总文件 (*.ogiw)")
        if path is None:
            return
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        try:
            save(self.ws, path)
        except ConsolidationError as exc:
            self.window_.show_error(str(exc), "无法保存")
            return
        self.path = path
        self.window_.status(f"已保存“{path.name}”", 4000)

    def import_roster(self) -> None:
        from core.consolidation import ConsolidationError
        from core.consolidation.roster import read_roster
        from core.consolidation.storage import SUFFIX, load

        path = self.window_.ask_open_path("导入单位名单", "单位名单 (*.xlsx *.ogiw)")
        if path is None:
            return
        try:
            units = load(path).next_year().units if path.suffix.lower() == SUFFIX else read_roster(path)
        except ConsolidationError as exc:
            self.window_.show_error(str(exc), "无法导入名单")
            return
        self.ws.units = units
        self.refresh()

    def save_roster_template(self) -> None:
        from core.consolidation.roster import roster_template_bytes
        from core.export.files import ExportError, write_output

        path = self.window_.ask_save_path("保存单位名单模板", "单位名单.xlsx", "Excel 工作簿 (*.xlsx)")
        if path is None:
            return
        try:
            write_output(path, roster_template_bytes(self.ws if self.ws.units else None))
        except ExportError as exc:
            self.window_.show_error(str(exc), "无法保存")

    def send_templates(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from core.consolidation import ConsolidationError
        from core.consolidation.templates import write_templates

        folder = QFileDialog.getExistingDirectory(self, "选择保存模板的文件夹")
        if not folder:
            return
        try:
            paths = write_templates(self.ws, folder)
        except ConsolidationError as exc:
            self.window_.show_error(str(exc), "无法生成模板")
            return
        self.window_.show_info("生成发送模板", f"已为{len(paths)}个单位生成{self.ws.year}年度的附表模板。")

    # --- collecting (worker thread) -------------------------------------------------------------

    def choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self, "添加各单位报送的文件", "",
            "报告文件 (*.ogir *.xlsx *.html *.htm *.mht *.mhtml *.docx *.doc *.wps *.pdf)")
        if names:
            self.add_paths(names)

    def choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(self, "选择存放报送文件的文件夹")
        if name:
            self.add_paths([name])

    def add_paths(self, paths: list[str]) -> None:
        from core.consolidation import ConsolidationError
        from core.consolidation.session import add_paths

        try:
            skipped = add_paths(self.ws, paths)
        except ConsolidationError as exc:
            self.window_.show_error(str(exc), "添加文件")
            return
        if skipped:
            self.window_.status("已跳过：" + "；".join(skipped[:3]), 8000)
        known = self.state.readings if self.state is not None else {}
        self.collect([f.path for f in self.ws.files if f.path not in known])

    def collect(self, paths: list[str]) -> None:
        from .jobs import run_job

        def work(progress: Any) -> dict[str, Any]:
            from core.consolidation.session import read_all

            def step(done: int, total: int, text: str) -> None:
                progress.check()
                progress.update(done, total, text)

            return read_all(paths, step)

        def done(readings: dict[str, Any]) -> None:
            from collections import Counter

            from core.consolidation.session import Consolidation

            first = self.state is None or not self.state.readings
            years = Counter(r.report.meta.year for r in readings.values() if r.report is not None)
            if first and years and self.ws.year not in years:
                # the first files of a new 汇总 tell its year (as the CLI does); the spin box shows it
                self.ws.year = years.most_common(1)[0][0]
            if self.state is None:
                self.state = Consolidation(self.ws, readings, self.last_reports)
            else:
                self.state.readings.update(readings)
            self.refresh()

        run_job(self.window_, "正在读取各单位的文件", work, done)

    def choose_last_year(self) -> None:
        path = self.window_.ask_open_path("选择上一年度的汇总文件", "汇总文件 (*.ogiw)")
        if path is not None:
            self.load_last_year(str(path))

    def load_last_year(self, path: str) -> None:
        """Last year's reports (read on a worker thread) for the cross-year checks."""
        from .jobs import run_job

        def work(progress: Any) -> dict[str, Any]:
            from core.consolidation.session import last_year_reports

            def step(done: int, total: int, text: str) -> None:
                progress.check()
                progress.update(done, total, text)

            return last_year_reports(path, step)

        def done(reports: dict[str, Any]) -> None:
            self.ws.last_year = path
            self.last_reports = reports
            self.refresh()
            self.window_.status(f"已读入上一年度{len(reports)}个单位的报告，用于跨年度核对", 6000)

        run_job(self.window_, "正在读取上一年度的报告", work, done)

    # --- choices on the board --------------------------------------------------------------------

    def selected_unit(self) -> str:
        row = self.status.currentRow()
        item = self.status.item(row, 0) if row >= 0 else None
        return item.text() if item is not None else ""

    def confirm_match(self) -> None:
        name = self.selected_unit()
        for f in self.ws.files_of(name):
            if f.how == "fuzzy":
                f.how = "confirmed"
        self.refresh()

    def toggle_include(self) -> None:
        name = self.selected_unit()
        if not name:
            return
        if name in self.ws.include_with_errors:
            self.ws.include_with_errors.remove(name)
        else:
            self.ws.include_with_errors.append(name)
        self.refresh()

    def open_unit(self, row: int, _column: int = 0) -> None:
        """The unit's report, read again from its file, in a new window as an untitled copy."""
        from core.consolidation.collect import read_file

        if self.state is None:
            return
        status = self.state.board.row(self.status.item(row, 0).text())
        if status is None or status.reading is None:
            self.window_.show_info("未收到", "这个单位还没有报送文件。")
            return
        reading = read_file(status.reading.path)
        if reading.report is None:
            self.window_.show_error(reading.problem, "无法打开")
            return
        from .main_window import MainWindow

        copy = MainWindow(reading.report, None)
        _OPEN_COPIES.append(copy)
        copy.show()

    # --- showing ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        from core.consolidation.session import Consolidation

        if self.state is None or self.state.ws is not self.ws:
            self.state = Consolidation(self.ws, self.state.readings if self.state is not None else {},
                                       self.last_reports)
        else:
            self.state.last_year = self.last_reports
            self.state.refresh()
        self._show()

    def _show(self) -> None:
        from core.consolidation.workbook import status_rows
        from core.model.values import plain_number

        c = self.state
        assert c is not None
        b = c.board
        if self.year.value() != self.ws.year:  # the workspace was replaced (opened, or set by a test)
            self.year.blockSignals(True)
            self.year.setValue(self.ws.year)
            self.year.blockSignals(False)
        if self.name.text() != self.ws.name:
            self.name.setText(self.ws.name)
        rows = []
        for r in b.rows:
            u = r.unit
            note = (r.errors[:1] or r.warnings[:1] or [""])[0]
            rows.append([u.name, u.kind, "是" if u.local else "否", "是" if u.region else "否", r.state, r.kind,
                         r.modified, len(r.errors), len(r.warnings), "是" if r.included else "否", note])
        _fill(self.status, rows)
        from PySide6.QtGui import QBrush, QColor

        for i, r in enumerate(b.rows):  # who has errors or is missing, at a glance
            colour = "#b00020" if r.has_errors else "#8a6d00" if r.reading is None else None
            if colour is not None:
                for col in (4, 7, 10):
                    self.status.item(i, col).setForeground(QBrush(QColor(colour)))
        self.others.clear()
        for row in status_rows(c)[len(b.rows):]:
            self.others.addItem(f"{row[4]}：{row[6]}（{row[11]}）")
        for r in b.rows:
            for p in r.duplicates:
                self.others.addItem(f"多余：{Path(p).name}（{r.unit.name}收到多份文件，未使用）")
        _fill(self.roster, [[u.name, u.kind, "是" if u.local else "否", "是" if u.region else "否", u.contact]
                            for u in self.ws.units])
        self.sum_refs = list(b.form.cells)
        if c.sums is not None:
            stocks = c.sums.stocks
            _fill(self.sums, [[b.form.table(ref[0]).name, spec.label, plain_number(c.sums.total("本级", ref)),
                               plain_number(c.sums.total("全行政区域", ref)),
                               "存量" if ref in stocks else "总计" if spec.computed else ""]
                              for ref, spec in b.form.cells.items()])
        else:
            _fill(self.sums, [])
        self.findings.clear()
        if c.error:
            self.findings.addItem(f"【不能汇总】{c.error}")
        for f in c.findings:
            self.findings.addItem(f"【{f.severity}】{f.message}")
        if self.findings.count() == 0:
            self.findings.addItem("跨单位核对没有发现问题（段落雷同、全部为0、与上年完全相同、上年结转不一致）。"
                                  if c.board.rows and any(r.included for r in c.board.rows) else "尚无纳入汇总的报告。")
        received = sum(1 for r in b.rows if r.reading is not None)
        self.summary.setText(f"名单{len(b.rows)}个单位：已收到{received}，未收到{len(b.missing)}，"
                             f"有错误{sum(1 for r in b.rows if r.has_errors)}，纳入汇总{sum(r.included for r in b.rows)}"
                             + (f"，待确认{len(b.pending)}" if b.pending else "")
                             + (f"，未匹配文件{len(b.unmatched)}" if b.unmatched else ""))

    def drill(self) -> None:
        from core.model.values import plain_number

        c = self.state
        row = self.sums.currentRow()
        if c is None or c.sums is None or not 0 <= row < len(self.sum_refs):
            _fill(self.drill_list, [])
            return
        values = c.sums.drill(self.scope.currentText(), self.sum_refs[row])
        _fill(self.drill_list, [[name, plain_number(v)] for name, v in values])

    # --- export ----------------------------------------------------------------------------------

    def export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        c = self.state
        if c is None or c.sums is None:
            self.window_.show_error(c.error if c is not None and c.error else "还没有可以汇总的报告。", "导出汇总")
            return
        if c.board.excluded_with_errors and not self.window_.confirm(
                "导出汇总", "以下单位的报告有错误，未纳入汇总：" + "、".join(c.board.excluded_with_errors)
                + "。\n仍要导出吗？", yes="导出", no="取消"):
            return
        folder = QFileDialog.getExistingDirectory(self, "选择保存汇总结果的文件夹")
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        from core.consolidation.sums import LOCAL, REGION
        from core.consolidation.workbook import write_workbook
        from core.export.files import ExportError
        from core.storage import DraftError, save

        c = self.state
        assert c is not None and c.sums is not None
        try:
            save(c.sums.report(LOCAL), folder / "本级汇总.ogir")
            save(c.sums.report(REGION), folder / "全行政区域汇总.ogir")
            write_workbook(c, folder / "汇总.xlsx")
        except (DraftError, ExportError) as exc:
            self.window_.show_error(str(exc), "导出汇总")
            return
        self.window_.show_info("导出汇总", f"已在“{folder}”中保存：本级汇总.ogir、全行政区域汇总.ogir、汇总.xlsx。")

