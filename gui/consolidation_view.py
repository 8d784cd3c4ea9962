"""The 汇总 workspace: roster, collected files, status board, sums with
drill-down, cross-unit findings, export.  Presents core/consolidation; files
are read on a worker thread (gui/jobs.run_job, with progress and 取消)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
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

from .consolidation_board import BoardActions
from .consolidation_changes import WorkspaceChanges
from .consolidation_files import WorkspaceFiles
from .consolidation_roster import RosterPanel

if TYPE_CHECKING:
    from core.consolidation import Workspace
    from core.consolidation.session import Consolidation

    from .main_window import MainWindow

STATUS_COLUMNS = ("单位名称", "类别", "本级", "全行政区域", "状态", "格式", "文件日期", "错误", "警告", "纳入汇总", "说明")
SUM_COLUMNS = ("表格", "栏目", "本级", "全行政区域", "说明")


def _table(columns: tuple[str, ...]) -> QTableWidget:
    t = QTableWidget(0, len(columns))
    t.setHorizontalHeaderLabels(columns)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    return t


_NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _fill(t: QTableWidget, rows: list[list[Any]], numeric: tuple[int, ...] = ()) -> None:
    """Rows into the table; the `numeric` columns right-aligned, so that digits line up by place."""
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            item = QTableWidgetItem("" if v is None else str(v))
            if c in numeric:
                item.setTextAlignment(_NUMBER_ALIGN)
            t.setItem(r, c, item)
    t.resizeColumnsToContents()
    for c in range(t.columnCount()):
        t.setColumnWidth(c, min(t.columnWidth(c), 420))


class ConsolidationView(WorkspaceFiles, WorkspaceChanges, BoardActions, QWidget):
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
        for key, text, slot in (("new", "新建汇总", self.new_workspace), ("open", "打开汇总…", self.open_workspace),
                                ("save", "保存汇总…", self.save_workspace), ("undo", "撤销上一步", self.undo),
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
        self.unsaved = QLabel()
        self.unsaved.setStyleSheet("color: #8a6d00")
        top.addWidget(self.unsaved)
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
        self.review_button = QPushButton("核对…")
        self.review_button.setToolTip("查看已发布报告（网页、Word、PDF）的识读结果，核对无误后纳入汇总")
        self.review_button.clicked.connect(lambda: self.review())
        self.assign_button = QPushButton("指定单位…")
        self.assign_button.setToolTip("把所选文件（下方列表中的文件，或所选单位正在使用的文件）指定给名单中的单位")
        self.assign_button.clicked.connect(self.assign)
        self.unassign_button = QPushButton("取消指定")
        self.unassign_button.clicked.connect(self.unassign)
        hint = QLabel("双击一行打开该单位报告的副本（待核对的打开核对）。")
        self.attention = QCheckBox("只看需处理的单位")
        self.attention.setToolTip("只列出未收到、有错误、待确认、待核对或未纳入汇总的单位")
        self.attention.toggled.connect(lambda _on: self._filter_board())
        for w in (self.confirm_button, self.include_button, self.review_button, self.assign_button,
                  self.unassign_button, self.attention):
            actions.addWidget(w)
        actions.addWidget(hint, 1)
        bl.addLayout(actions)
        bl.addWidget(self.status, 1)
        self.others = QListWidget()
        self.others.setMaximumHeight(110)
        self.others.itemDoubleClicked.connect(lambda _item: self.assign())
        self.others.itemSelectionChanged.connect(lambda: self.others.selectedItems() and self.status.clearSelection())
        self.status.itemSelectionChanged.connect(lambda: self.status.selectedItems() and self.others.clearSelection())
        bl.addWidget(QLabel("未匹配、待确认和多余的文件（双击可指定单位）："))
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
        self.drill_head = QLabel("在左侧选择一个数字。")
        self.drill_head.setWordWrap(True)
        rl.addWidget(self.drill_head)
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
        self.roster = RosterPanel(self)
        self.tabs.addTab(self.roster, "单位名单")

        page = QVBoxLayout(self)
        page.addLayout(top)
        page.addLayout(meta)
        page.addWidget(self.tabs, 1)
        self.init_changes()
        self.refresh()

    # --- workspace file and roster -------------------------------------------------------------

    def _name_changed(self) -> None:
        if self.ws.name != self.name.text().strip():
            self.ws.name = self.name.text().strip()
            self.mark_modified()

    def _year_changed(self, year: int) -> None:
        if year != self.ws.year:
            self.ws.year = year
            self.mark_modified()
            self.refresh()

    def set_workspace(self, ws: Workspace, path: Path | None) -> None:
        self.ws, self.path = ws, path
        self.name.setText(ws.name)
        self.year.setValue(ws.year)
        self.state = None
        self.last_reports = {}
        self.history.clear()
        self.mark_modified(False)
        self.collect([f.path for f in ws.files])
        if ws.last_year and Path(ws.last_year).exists():
            self.load_last_year(ws.last_year)

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
            note = (r.errors[:1] or r.warnings[:1] or ["尚未报送" if r.reading is None else ""])[0]
            counts = [len(r.errors), len(r.warnings)] if r.reading is not None else ["", ""]
            rows.append([u.name, u.kind, "是" if u.local else "否", "是" if u.region else "否", r.state, r.kind,
                         r.modified, *counts, "是" if r.included else "否", note])
        _fill(self.status, rows)
        self._filter_board()
        from PySide6.QtGui import QBrush, QColor

        for i, r in enumerate(b.rows):  # who has errors, is missing or waits for a check, at a glance
            self.status.item(i, 10).setToolTip("\n".join((r.errors + r.warnings)[:20]))  # the note shows one
            colour = ("#b00020" if r.has_errors else "#8a6d00" if r.reading is None
                      else "#1a5fb4" if r.state == "待核对" else None)
            if colour is not None:
                for col in (4, 7, 10):
                    self.status.item(i, col).setForeground(QBrush(QColor(colour)))
        self.show_others()
        self.roster.show_roster()
        self.show_changes()
        self.sum_refs = list(b.form.cells)
        if c.sums is not None:
            _fill(self.sums, [[b.form.table(ref[0]).name, spec.label, plain_number(c.sums.total("本级", ref)),
                               plain_number(c.sums.total("全行政区域", ref)), c.sums.note(ref)]
                              for ref, spec in b.form.cells.items()], numeric=(2, 3))
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
                             + (f"，待核对{len(b.to_review)}" if b.to_review else "")
                             + (f"，待确认{len(b.pending)}" if b.pending else "")
                             + (f"，未匹配文件{len(b.unmatched)}" if b.unmatched else ""))

    def _filter_board(self) -> None:
        """只看需处理的单位: hide the units received, without errors and counted in the sums."""
        rows = self.state.board.rows if self.state is not None else []
        for i, r in enumerate(rows):
            fine = r.state == "已收到" and r.included and not r.has_errors
            self.status.setRowHidden(i, self.attention.isChecked() and fine)

    def drill(self) -> None:
        from core.model.values import plain_number

        c = self.state
        row = self.sums.currentRow()
        if c is None or c.sums is None or not 0 <= row < len(self.sum_refs):
            _fill(self.drill_list, [])
            self.drill_head.setText("在左侧选择一个数字。")
            return
        scope, ref = self.scope.currentText(), self.sum_refs[row]
        values = c.sums.drill(scope, ref)
        _fill(self.drill_list, [[name, plain_number(v)] for name, v in values], numeric=(1,))
        self.drill_head.setText(  # which number the list explains, and how many units it adds up
            f"{c.board.form.cells[ref].label}\n{scope}合计 {plain_number(c.sums.total(scope, ref))}："
            f"纳入{scope}的{len(c.sums.units_in(scope))}个单位中{len(values)}个填有数字"
            + ("（存量：各单位年末数之和）" if ref in c.sums.stocks else ""))
