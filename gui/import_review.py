"""The import review: what was read from a published report, before it opens
as a draft.  Each table as printed in the national layout, cells placed through
a near-match label in yellow, rows not found in red, cells printed blank or
with a dash in grey italics with the mark shown; the narrative; every entry of
the import report, the ones to check first."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.forms.layout import Role, layout
from core.model.values import format_value

if TYPE_CHECKING:
    from core.forms.schema import CellRef
    from core.importers.published import ImportResult

FUZZY = QColor("#ffe98a")
MISSING = QColor("#f6c4c4")
COMPUTED = QColor("#ececec")
HEADER = QColor("#f4f6fa")
LEGEND = ("黄色：按近似的行名放入的数值（鼠标悬停可看原文）；红色：报告中没有找到的行；"
          "灰色斜体：报告中印为空白或横线，按空白导入（不是0）。")


def _missing_refs(result: ImportResult) -> set[CellRef]:
    from core.importers.published import Kind

    return {ref for n in result.notes_of(Kind.MISSING) for ref in n.refs}


def table_widget(result: ImportResult, table_key: str) -> QTableWidget:
    from PySide6.QtCore import Qt

    table = result.form.table(table_key)
    grid = layout(table)
    view = QTableWidget(grid.n_rows, grid.n_cols)
    view.horizontalHeader().hide()
    view.verticalHeader().hide()
    view.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    missing = _missing_refs(result)
    values = {**result.inputs, **result.reported_totals}
    for gc in grid.cells:
        item = QTableWidgetItem()
        if gc.role is Role.VALUE and gc.ref is not None:
            ref = gc.ref
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            spec = result.form.cells[ref]
            if ref in values:
                text = format_value(values[ref])
                if ref in result.units and spec.domain.units:
                    text += result.units[ref]
                item.setText(text)
            elif ref in result.printed_blank:
                printed = result.printed_blank[ref]
                item.setText(printed or "（空白）")
                font = QFont()
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(QBrush(QColor("#777777")))
                item.setToolTip(f"印为“{printed}”，按空白导入（不是0）" if printed else "印为空白，按空白导入（不是0）")
            if spec.computed:
                item.setBackground(QBrush(COMPUTED))
            if ref in result.fuzzy:
                item.setBackground(QBrush(FUZZY))
                item.setToolTip(f"报告中此行印为“{result.fuzzy[ref]}”，按近似匹配放入“{spec.row_label}”")
            elif ref in missing:
                item.setBackground(QBrush(MISSING))
                item.setToolTip("报告中没有找到这一行，按空白导入")
        else:
            item.setText(gc.text)
            item.setBackground(QBrush(HEADER))
        view.setItem(gc.row, gc.col, item)
        if gc.rowspan > 1 or gc.colspan > 1:
            view.setSpan(gc.row, gc.col, gc.rowspan, gc.colspan)
    for c, w in enumerate(grid.col_weights):
        view.setColumnWidth(c, int(70 * w))
    view.resizeRowsToContents()
    return view


class ImportReview(QDialog):
    """Accept opens the result as a new untitled draft (the caller does that)."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None, accept_text: str = "打开为新草稿") -> None:
        super().__init__(parent)
        from core.importers.published import Kind
        from core.importers.published.result import LABELS

        self.result = result
        self.setWindowTitle(f"导入已发布的报告：{result.source}")
        layout_ = QVBoxLayout(self)
        summary = (f"文件：{result.source}　　格式：{result.form.short_name}　　机关：{result.agency or '（未识别）'}　　"
                   f"年度：{result.year or '（未识别）'}　　成文日期：{result.date or '（未识别）'}")
        layout_.addWidget(QLabel(summary))
        problems = result.problems
        head = (f"读入 {len(result.inputs)} 个数值、{len(result.reported_totals)} 个已印总计；"
                f"需要核对 {len(problems)} 处，另有 {len(result.printed_blank)} 个单元格印为空白或横线。")
        layout_.addWidget(QLabel(head))
        self.tabs = QTabWidget()
        notes = QListWidget()
        order = [Kind.MISSING, Kind.UNPLACED, Kind.TOTAL, Kind.FUZZY, Kind.UNIT, Kind.FORMAT, Kind.TEXT, Kind.READ, Kind.BLANK]
        for kind in order:
            for n in result.notes_of(kind):
                QListWidgetItem(f"【{LABELS.get(n.kind, n.kind)}】{n.message}", notes)
        notes.setWordWrap(True)
        self.notes = notes
        self.tabs.addTab(notes, f"导入说明（{len(problems)}处需核对）")
        for t in result.form.tables:
            self.tabs.addTab(table_widget(result, t.key), t.name)
        text = QPlainTextEdit()
        text.setReadOnly(True)
        parts = []
        for s in result.form.narratives:
            parts.append(f"{s.heading}\n{result.texts.get(s.key, '') or '（未找到）'}")
        for key, prose in result.prose.items():
            parts.append(f"{result.form.section(key).heading}（表格外的说明文字，未导入草稿）\n{prose}")
        text.setPlainText("\n\n".join(parts))
        self.tabs.addTab(text, "正文")
        layout_.addWidget(self.tabs, 1)
        legend = QLabel(LEGEND)
        legend.setWordWrap(True)
        layout_.addWidget(legend)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout_.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(min(1200, int(screen.width() * 0.9)), min(800, int(screen.height() * 0.85)))
