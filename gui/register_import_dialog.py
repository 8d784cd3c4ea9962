"""Import an office's Excel register: (1) review the column mapping, (2) review
every value mapping and the rows that cannot be read, then import as one undo
step.  Guesses are shown as guesses; values that are not official names must be
chosen by the user before 导入 is enabled."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit,
                               QRadioButton, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from core.register.importing import initial_mapping, new_requests, remember
from core.register.mapping import choice_options, norm_value, official_value
from core.register.request import FIELD_BY_KEY, FIELDS
from core.register.xlsx_import import Question, RegisterImportError, Sheet, build_requests, questions, read_sheet

from .register_commands import InsertRequests, ReplaceRegister, SetRegisterDrives

if TYPE_CHECKING:
    from .main_window import MainWindow

_GUESS = QColor("#FFF1C2")
_SKIP = "（不导入）"
_EMPTY_VALUE = "（留空）"


def _sample(sheet: Sheet, col: int) -> str:
    for _, cells in sheet.rows:
        if col < len(cells) and cells[col] not in (None, ""):
            return str(cells[col])[:30]
    return ""


class RegisterImportDialog(QDialog):
    def __init__(self, window: MainWindow, sheet: Sheet, path_name: str) -> None:
        super().__init__(window)
        self.setWindowTitle(f"导入台账：{path_name}")
        self.resize(860, 560)
        self.sheet = sheet
        self.report = window.doc.report
        self.form_key = self.report.meta.form_key
        columns, self.values, problems = initial_mapping(sheet, self.report.register, self.form_key)
        remembered = sheet.signature in self.report.register.mappings
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)

        # page 1: columns
        p1 = QWidget()
        l1 = QVBoxLayout(p1)
        how = "上次导入同样格式的表格时的设置" if remembered else "按表头名称猜测（黄色），请逐列核对"
        l1.addWidget(QLabel(f"第一步：核对列的对应。工作表“{sheet.name}”，表头在第{sheet.header_row}行；"
                            f"当前对应为{how}。"))
        if problems:
            l1.addWidget(QLabel("；".join(problems)))
        self.col_table = QTableWidget(len(sheet.headers), 3)
        self.col_table.setHorizontalHeaderLabels(["表格中的列", "示例", "导入为"])
        self.col_boxes: list[QComboBox] = []
        for i, header in enumerate(sheet.headers):
            self.col_table.setItem(i, 0, QTableWidgetItem(header))
            self.col_table.setItem(i, 1, QTableWidgetItem(_sample(sheet, i)))
            box = QComboBox()
            box.addItem(_SKIP, "")
            for f in FIELDS:
                box.addItem(f.label, f.key)
            box.setCurrentIndex(max(0, box.findData(columns.get(i, ""))))
            if i in columns and not remembered:
                self.col_table.item(i, 0).setBackground(QBrush(_GUESS))
            self.col_table.setCellWidget(i, 2, box)
            self.col_boxes.append(box)
        self.col_table.setColumnWidth(0, 220)
        self.col_table.setColumnWidth(1, 260)
        self.col_table.setColumnWidth(2, 200)
        l1.addWidget(self.col_table, 1)
        self.pages.addWidget(p1)

        # page 2: values and rows
        p2 = QWidget()
        l2 = QVBoxLayout(p2)
        l2.addWidget(QLabel("第二步：核对取值。国家格式中的名称已自动对应；其他写法请逐一选择"
                            "（黄色为建议，须确认）。全部选定后才能导入。"))
        self.value_table = QTableWidget(0, 4)
        self.value_table.setHorizontalHeaderLabels(["栏目", "表格中的文字", "出现", "导入为"])
        self.value_table.setColumnWidth(1, 240)
        self.value_table.setColumnWidth(2, 150)
        self.value_table.setColumnWidth(3, 360)
        l2.addWidget(self.value_table, 2)
        self.rows_text = QPlainTextEdit()
        self.rows_text.setReadOnly(True)
        l2.addWidget(self.rows_text, 1)
        opts = QHBoxLayout()
        self.append = QRadioButton("追加到现有台账（跳过编号和收到日期相同的申请）")
        self.replace = QRadioButton("替换现有台账")
        self.append.setChecked(True)
        self.drives = QCheckBox("由台账生成表三")
        self.drives.setChecked(True)
        for w in (self.append, self.replace, self.drives):
            opts.addWidget(w)
        l2.addLayout(opts)
        self.pages.addWidget(p2)

        self.buttons = QDialogButtonBox()
        self.back = self.buttons.addButton("上一步", QDialogButtonBox.ButtonRole.ActionRole)
        self.next = self.buttons.addButton("下一步", QDialogButtonBox.ButtonRole.ActionRole)
        self.ok = self.buttons.addButton("导入", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.back.clicked.connect(lambda: self._go(0))
        self.next.clicked.connect(lambda: self._go(1))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.value_boxes: list[tuple[Question, QComboBox]] = []
        self.requests: list[Any] = []
        self._go(0)

    # --- steps ---------------------------------------------------------------------------

    def columns(self) -> dict[int, str]:
        return {i: box.currentData() for i, box in enumerate(self.col_boxes) if box.currentData()}

    def chosen_values(self) -> dict[str, dict[str, str]]:
        values = {k: dict(v) for k, v in self.values.items()}
        for q, box in self.value_boxes:
            if box.currentData() is not None:
                values.setdefault(q.field, {})[norm_value(q.text)] = box.currentData()
        return values

    def _go(self, page: int) -> None:
        if page == 1:
            self._fill_values()
        self.pages.setCurrentIndex(page)
        self.back.setEnabled(page == 1)
        self.next.setEnabled(page == 0)
        self._update_ok()

    def _fill_values(self) -> None:
        columns = self.columns()
        asked = questions(self.sheet, columns, self.values, self.form_key)
        auto = self._official_rows(columns)
        self.value_table.setRowCount(len(asked) + len(auto))
        self.value_boxes = []
        for row, q in enumerate(asked):
            self._value_row(row, FIELD_BY_KEY[q.field].label, q.text, f"{q.count}处（首次第{q.first_row}行）")
            box = QComboBox()
            box.addItem("请选择…", None)
            box.addItem(_EMPTY_VALUE, "")
            for value, label in choice_options(q.field, self.form_key):
                box.addItem(label, value)
            if q.suggestion:
                box.setCurrentIndex(box.findData(q.suggestion))
                box.setStyleSheet("background: #FFF1C2;")
                box.setToolTip("建议的对应，请确认或改选")
            box.currentIndexChanged.connect(lambda _i, b=box: (b.setStyleSheet(""), self._update_ok()))
            self.value_table.setCellWidget(row, 3, box)
            self.value_boxes.append((q, box))
        for n, (field, text, label) in enumerate(auto):
            row = len(asked) + n
            self._value_row(row, FIELD_BY_KEY[field].label, text, "")
            self.value_table.setItem(row, 3, QTableWidgetItem(f"{label}（国家格式名称，自动对应）"))
        self._check_rows()

    def _official_rows(self, columns: dict[int, str]) -> list[tuple[str, str, str]]:
        seen: dict[tuple[str, str], str] = {}
        labels = {k: dict(choice_options(k, self.form_key)) for k in ("channel", "applicant_type", "result")}
        for _, cells in self.sheet.rows:
            for col, key in columns.items():
                if key in labels and col < len(cells) and cells[col] not in (None, ""):
                    text = str(cells[col]).strip()
                    value = official_value(key, text, self.form_key)
                    if value is not None and norm_value(text) not in self.values.get(key, {}):
                        seen[(key, text)] = labels[key].get(value, value)
        return [(k, t, label) for (k, t), label in seen.items()]

    def _value_row(self, row: int, field: str, text: str, count: str) -> None:
        for col, value in enumerate((field, text, count)):
            self.value_table.setItem(row, col, QTableWidgetItem(value))

    def _check_rows(self) -> None:
        columns = self.columns()
        if "received" not in columns.values():
            self.rows_text.setPlainText("尚未指定“收到日期”列，无法导入。")
            self.requests = []
            return
        if any(box.currentData() is None for _, box in self.value_boxes):
            self.rows_text.setPlainText("请先为上表中的每个取值选择对应项。")
            self.requests = []
            return
        self.requests, problems = build_requests(self.sheet, columns, self.chosen_values(), self.form_key)
        lines = [f"可导入 {len(self.requests)} 件申请。"]
        lines += [f"第{p.row}行：{p.message}" if p.skipped else f"第{p.row}行无法读取：{p.message}" for p in problems]
        self.bad_rows = [p for p in problems if not p.skipped]
        if self.bad_rows:
            lines.insert(1, f"有 {len(self.bad_rows)} 行无法读取，这些行不会导入（请在表格中更正后可再次导入）：")
        self.rows_text.setPlainText("\n".join(lines))

    def _update_ok(self) -> None:
        if self.pages.currentIndex() == 1:
            self._check_rows()
        self.ok.setEnabled(self.pages.currentIndex() == 1 and bool(self.requests))


def run_import(window: MainWindow) -> None:
    window.commit_editors()
    path = window.ask_open_path("导入 Excel 台账", "Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)")
    if path is None:
        return
    try:
        sheet = read_sheet(path)
    except RegisterImportError as exc:
        window.show_error(str(exc), "无法导入台账")
        return
    dialog = RegisterImportDialog(window, sheet, path.name)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    doc = window.doc
    register = doc.report.register
    columns, values = dialog.columns(), dialog.chosen_values()
    stack = doc.undo_stack
    stack.beginMacro("导入台账")
    skipped = 0
    if dialog.replace.isChecked():
        stack.push(ReplaceRegister(doc, dialog.requests))
        added = len(dialog.requests)
    else:
        fresh, skipped = new_requests(register, dialog.requests)
        stack.push(InsertRequests(doc, len(register), fresh, "导入台账"))
        added = len(fresh)
    if dialog.drives.isChecked() and not doc.report.register_drives:
        stack.push(SetRegisterDrives(doc, True))
    stack.endMacro()
    remember(register, sheet, columns, values)
    extra = f"，跳过已有的 {skipped} 件" if skipped else ""
    window.show_info("导入完成", f"已导入 {added} 件申请{extra}。")
