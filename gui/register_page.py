"""The 台账 tab: the register of requests, its filters, the 由台账生成 switch,
import/export and the holiday settings."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from core.checks import Finding
from core.forms.schema import CellRef
from core.model import Change
from core.register.analysis import DONE, DUE_SOON, OVERDUE
from core.register.request import Request

from .register_commands import InsertRequests, RemoveRequests, SetRegisterDrives
from .register_model import FILTERS, RegisterModel
from .register_view import RegisterView

if TYPE_CHECKING:
    from .main_window import MainWindow


class RegisterPage(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.doc = window.doc
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        title = QLabel("依申请公开登记台账")
        title.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(title)
        guide = QLabel("每收到一件政府信息公开申请登记一行。答复期限按工作日计算（法定节假日和调休上班日已计入），"
                       "补正后重新起算，征求第三方意见的时间不计算在内。申请人和申请内容只保存在草稿中，不会写入导出的报告。")
        guide.setWordWrap(True)
        layout.addWidget(guide)

        bar = QHBoxLayout()
        self.drives = QCheckBox("由台账生成表三")
        self.drives.setToolTip("勾选后，表三“收到和处理政府信息公开申请情况”按台账自动统计，不能手工修改；"
                               "取消勾选时保留最后统计的数字，可继续手工修改。")
        self.drives.clicked.connect(self._toggle_drives)
        bar.addWidget(self.drives)
        bar.addSpacing(12)
        bar.addWidget(QLabel("显示："))
        self.filter = QComboBox()
        for key, label in FILTERS.items():
            self.filter.addItem(label, key)
        self.filter.currentIndexChanged.connect(lambda _i: self.model.set_filter(self.filter.currentData()))
        bar.addWidget(self.filter)
        self.search = QLineEdit()
        self.search.setPlaceholderText("查找编号、申请人、内容")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.model.set_search(self.search.text()))
        self.search.textChanged.connect(lambda t: self.model.set_search("") if not t else None)
        bar.addWidget(self.search, 1)
        for text, slot, tip in (("新增申请", self.add_request, "在台账末尾新增一行"),
                                ("删除申请", self.remove_selected, "删除选中的行（可撤销）"),
                                ("导入 Excel…", self.import_excel, "从本单位原有的 Excel/WPS 登记表导入"),
                                ("导出 Excel…", self.export_excel, "把台账导出为 Excel 表格"),
                                ("节假日设置…", self.edit_calendar, "补充日历尚未收录年份的法定节假日和调休上班日")):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            bar.addWidget(b)
        layout.addLayout(bar)

        drill = QHBoxLayout()
        self.drill_label = QLabel()
        self.drill_clear = QPushButton("显示全部")
        self.drill_clear.clicked.connect(lambda: self.show_drill(None, ""))
        drill.addWidget(self.drill_label, 1)
        drill.addWidget(self.drill_clear)
        self.drill_bar = QWidget()
        self.drill_bar.setLayout(drill)
        self.drill_bar.setStyleSheet("background: #FFF8DC;")
        self.drill_bar.hide()
        layout.addWidget(self.drill_bar)

        self.model = RegisterModel(self.doc, self)
        self.view = RegisterView(self.model, self)
        layout.addWidget(self.view, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.view.message.connect(lambda text: window.status(text, 5000))
        self.model.edit_refused.connect(lambda text: window.status(text, 8000))
        self.view.paste_refused.connect(self._paste_refused)
        self.model.order_changed.connect(self.update_summary)
        self.doc.changed.connect(self._on_change)
        self.doc.replaced.connect(self.refresh)
        self.refresh()

    # --- state ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.drives.setChecked(self.doc.report.register_drives)
        self.drill_bar.hide()
        self.update_summary()

    def _on_change(self, change: Change) -> None:
        if change.kind == "form":
            self.drives.setChecked(self.doc.report.register_drives)
        if change.kind in ("register", "form", "meta"):
            self.update_summary()

    def update_summary(self) -> None:
        report = self.doc.report
        live = report.register_live
        live.ensure()
        counts = live.status_counts
        total = len(report.register)
        n_open = total - counts[DONE]
        soon, late = counts[DUE_SOON], counts[OVERDUE]
        shown = self.model.rowCount()
        parts = [f"共 {total} 件", f"显示 {shown} 件", f"未办结 {n_open} 件", f"即将到期 {soon} 件",
                 f"已逾期 {late} 件"]
        today = report.register_live.context.today
        self.summary.setText("，".join(parts) + f"（按今天 {today.isoformat()} 计算）")

    def _toggle_drives(self, on: bool) -> None:
        self.doc.undo_stack.push(SetRegisterDrives(self.doc, on))
        self.drives.setChecked(self.doc.report.register_drives)

    def _paste_refused(self, refused: list[str]) -> None:
        shown = "\n".join(refused[:10]) + (f"\n……共 {len(refused)} 处" if len(refused) > 10 else "")
        self.window_.show_error(f"粘贴的内容中有不能填入的值，本次粘贴未执行：\n\n{shown}", "无法粘贴")

    # --- actions --------------------------------------------------------------------------

    def add_request(self) -> None:
        register = self.doc.report.register
        n = len(register)
        year = self.doc.report.meta.year
        self.doc.undo_stack.push(InsertRequests(self.doc, n, [Request(number=f"{year}-{n + 1:03d}")]))
        row = self.model.row_of(n)
        if row is None:  # hidden by the filter: show everything
            self.filter.setCurrentIndex(0)
            self.show_drill(None, "")
            row = self.model.row_of(n)
        if row is not None:
            idx = self.model.index(row, 1)
            self.view.setCurrentIndex(idx)
            self.view.scrollTo(idx)
            self.view.setFocus()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        if not rows:
            return
        indices = [self.model.register_index(r) for r in rows]
        if len(indices) > 1 and not self.window_.confirm("删除申请", f"删除选中的 {len(indices)} 件申请？（可撤销）",
                                                          yes="删除", no="取消"):
            return
        self.doc.undo_stack.push(RemoveRequests(self.doc, indices))

    def import_excel(self) -> None:
        from .register_import_dialog import run_import

        run_import(self.window_)

    def export_excel(self) -> None:
        from .transfer_actions import export_with

        from core.register.xlsx_export import export_register_xlsx

        omit = self.window_.confirm("导出台账", "导出的台账是否包含申请人姓名（名称）？\n"
                                    "发送给其他单位时建议不包含。", yes="不包含申请人", no="包含申请人")
        export_with(self.window_, "导出台账", ".xlsx", "Excel 工作簿 (*.xlsx)",
                    lambda path: export_register_xlsx(self.doc.report.register_live, path, omit_names=omit),
                    what="依申请公开登记台账")

    def edit_calendar(self) -> None:
        from .register_calendar_dialog import edit_calendar

        edit_calendar(self.window_)

    # --- drill-down and findings ---------------------------------------------------------

    def show_drill(self, indices: set[int] | None, what: str) -> None:
        if indices is None:
            self.drill_bar.hide()
        else:
            self.drill_label.setText(f"只显示{what}中的 {len(indices)} 件申请")
            self.drill_bar.show()
            self.filter.setCurrentIndex(0)
        self.model.set_drill(indices)

    def show_finding(self, finding: Finding) -> None:
        """Select the request a register finding names (by 编号, else by 第N行)."""
        register = self.doc.report.register
        ev = finding.evidence
        if ev.startswith("另有"):  # a summary of many: show them all with the matching filter
            keys = [self.filter.itemData(i) for i in range(self.filter.count())]
            self.show_drill(None, "")
            self.filter.setCurrentIndex(keys.index("reminders" if "到期提醒" in finding.message else "problems"))
            return
        index = next((i for i, r in enumerate(register) if r.number.strip() == ev), None)
        if index is None and ev.startswith("第") and ev.endswith("行"):
            index = int(ev[1:-1]) - 1
        if index is None:
            return
        row = self.model.row_of(index)
        if row is None:
            self.filter.setCurrentIndex(0)
            self.show_drill(None, "")
            row = self.model.row_of(index)
        if row is not None:
            idx = self.model.index(row, 0)
            self.view.setCurrentIndex(idx)
            self.view.scrollTo(idx)
            self.view.setFocus()

    def commit_editor(self) -> None:
        self.view.commit_editor()

    def clipboard(self, action: str) -> bool:
        {"copy": self.view.copy_selection, "paste": self.view.paste, "clear": self.view.clear_selection}[action]()
        return True


def drill_down(window: Any, ref: CellRef) -> None:
    """From a 表三 cell (由台账生成) to the requests counted in it."""
    report = window.doc.report
    spec = report.form.cells[ref]
    terms = [(ref[0], r, c) for r, c in spec.terms]
    # a total of totals: expand to its input cells
    expanded: list[CellRef] = []
    todo = list(terms)
    while todo:
        t = todo.pop()
        s = report.form.cells[t]
        if s.computed:
            todo += [(t[0], r, c) for r, c in s.terms]
        else:
            expanded.append(t)
    indices = set(report.register_live.requests_in(ref, expanded))
    page = window.tabs.show_extra("register")
    label = f"表三“{spec.label}”"
    page.show_drill(indices, label)
