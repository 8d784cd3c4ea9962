"""The register (台账) as a Qt table: one row per request, in the order the user
sorted and filtered it.  Sorting and filtering run in Python over plain keys
(not through QSortFilterProxyModel, whose per-comparison data() calls are far too
slow for 20,000 rows); edits go through undo commands on the document."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from core.model import Change
from core.model.values import normalise_text
from core.register.analysis import DONE, DUE_SOON, OPEN, OVERDUE
from core.register.dates import DateError, parse_date
from core.register.mapping import EXTENSION_WORDS, choice_options, norm_value, official_value, value_label
from core.register.register import RegisterChange
from core.register.request import EXTENDED_NO_DATE, FIELDS, STORED_FIELDS, FieldKind, FieldSpec, FieldValue, Request
from core.register.xlsx_export import STATUS_LABELS

from .document import Document
from .register_commands import SetRegisterFields

INDEX_ROLE = int(Qt.ItemDataRole.UserRole) + 7  # the register index of a row

DUE_COLUMN, STATUS_COLUMN = len(FIELDS), len(FIELDS) + 1
HEADERS = [f.label for f in FIELDS] + ["答复期限", "状态"]

# Filters: key -> label
FILTERS = {"all": "全部", "open": "未办结", "due_soon": "即将到期", "reminders": "到期提醒", "problems": "有问题"}
_REMINDER_RULES = frozenset({"D1", "D3", "D4", "D5"})

_BG = {OVERDUE: QColor("#F9D6D5"), DUE_SOON: QColor("#FFF1C2")}
_GREY = QColor("#E8EDF3")


def _fmt_date(d: date | None) -> str:
    return "" if d is None else d.isoformat()


class RegisterModel(QAbstractTableModel):
    edit_refused = Signal(str)
    order_changed = Signal()

    def __init__(self, doc: Document, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.filter = "all"
        self.search = ""
        self.drill: set[int] | None = None  # requests of one 表三 cell
        self.sort_column: int | None = None
        self.descending = False
        self._order: list[int] = []
        self._pos: dict[int, int] = {}
        self._brushes = {k: QBrush(v) for k, v in _BG.items()}
        self._grey = QBrush(_GREY)
        self._unsubscribe: Callable[[], None] = lambda: None
        doc.replaced.connect(self._attach)
        doc.changed.connect(self._on_doc_change)
        self._attach()

    # --- following the document -------------------------------------------------------

    def _attach(self) -> None:
        self._unsubscribe()
        self._unsubscribe = self.doc.report.register.subscribe(self._on_register)
        self.drill = None
        self.refresh_order()

    def _on_register(self, change: RegisterChange) -> None:
        if change.structure or change.calendar:
            self.refresh_order()
            return
        for i in change.rows:
            row = self._pos.get(i)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, STATUS_COLUMN))

    def _on_doc_change(self, change: Change) -> None:
        if change.kind in ("form", "meta"):  # year or format: statuses and labels change
            self.refresh_order()

    # --- order: filter and sort -------------------------------------------------------

    def _keep(self) -> Callable[[int], bool]:
        live = self.doc.report.register_live
        analyses = live.analyses()
        reqs = self.doc.report.register.requests
        flt = self.filter
        if flt == "open":
            keep: Callable[[int], bool] = lambda i: reqs[i].answered is None  # noqa: E731
        elif flt == "due_soon":
            keep = lambda i: analyses[i].status == DUE_SOON  # noqa: E731
        elif flt == "reminders":
            keep = lambda i: any(x.rule in _REMINDER_RULES for x in analyses[i].issues)  # noqa: E731
        elif flt == "problems":
            keep = lambda i: bool(analyses[i].issues)  # noqa: E731
        else:
            keep = lambda i: True  # noqa: E731
        words = self.search.strip()
        if words:
            base = keep
            keep = lambda i: base(i) and (words in reqs[i].number or words in reqs[i].applicant  # noqa: E731
                                          or words in reqs[i].content or words in reqs[i].note)
        if self.drill is not None:
            inner, drill = keep, self.drill
            keep = lambda i: i in drill and inner(i)  # noqa: E731
        return keep

    def _sort_values(self, column: int, order: list[int]) -> list[Any]:
        """One sort key per row of `order`, None for an empty cell (sorted last)."""
        reqs = self.doc.report.register.requests
        live = self.doc.report.register_live
        if column == STATUS_COLUMN:
            rank = {OVERDUE: 0, DUE_SOON: 1, OPEN: 2, DONE: 3}
            analyses = live.analyses()
            return [rank.get(analyses[i].status, 4) for i in order]
        if column == DUE_COLUMN:
            dls = [live.deadline(i) for i in order]
            return [dl.due if dl else None for dl in dls]
        spec = FIELDS[column]
        pos = STORED_FIELDS.index(spec.key)
        values = [reqs[i][pos] for i in order]
        if spec.kind in (FieldKind.APPLICANT, FieldKind.RESULT):
            rank = {v: n for n, (v, _) in enumerate(choice_options(spec.key, self.doc.report.meta.form_key))}
            return [rank.get(v, len(rank)) if v else None for v in values]
        if spec.kind in (FieldKind.TEXT, FieldKind.CHANNEL):
            return [v or None for v in values]
        return values

    def refresh_order(self) -> None:
        self.beginResetModel()
        n = len(self.doc.report.register)
        if self.filter == "all" and not self.search.strip() and self.drill is None:
            order = list(range(n))
        else:
            keep = self._keep()
            order = [i for i in range(n) if keep(i)]
        if self.sort_column is not None:
            values = self._sort_values(self.sort_column, order)
            filled = [k for k, v in enumerate(values) if v is not None]
            empty = [order[k] for k, v in enumerate(values) if v is None]
            filled.sort(key=values.__getitem__, reverse=self.descending)  # stable; C-level key
            order = [order[k] for k in filled] + empty
        self._order = order
        self._pos = {i: row for row, i in enumerate(order)}
        self.endResetModel()
        self.order_changed.emit()

    def set_filter(self, key: str) -> None:
        self.filter = key
        self.refresh_order()

    def set_search(self, text: str) -> None:
        self.search = text
        self.refresh_order()

    def set_drill(self, indices: set[int] | None) -> None:
        self.drill = indices
        self.refresh_order()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column = column
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh_order()

    # --- structure ------------------------------------------------------------------

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return str(self._order[section] + 1) if section < len(self._order) else None

    def register_index(self, row: int) -> int:
        return self._order[row]

    def row_of(self, index: int) -> int | None:
        return self._pos.get(index)

    def spec(self, column: int) -> FieldSpec | None:
        return FIELDS[column] if column < len(FIELDS) else None

    def flags(self, index: Any) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() < len(FIELDS):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    # --- data -----------------------------------------------------------------------

    def display(self, req: Request, spec: FieldSpec) -> str:
        v = req.get(spec.key)
        if spec.key == "extension_date" and v is None:
            return EXTENDED_NO_DATE if req.extended else ""
        if isinstance(v, date):
            return v.isoformat()
        if spec.kind in (FieldKind.APPLICANT, FieldKind.RESULT):
            return value_label(spec.key, str(v), self.doc.report.meta.form_key) if v else ""
        if v is None:
            return ""
        return str(v)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._order):
            return None
        i = self._order[index.row()]
        col = index.column()
        report = self.doc.report
        if role == INDEX_ROLE:
            return i
        req = report.register[i]
        if col >= len(FIELDS):
            return self._computed_data(i, col, role)
        spec = FIELDS[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(req, spec)
        if role == Qt.ItemDataRole.EditRole:
            v = req.get(spec.key)
            if spec.kind in (FieldKind.APPLICANT, FieldKind.RESULT, FieldKind.CHANNEL):
                return v
            return self.display(req, spec)
        if role == Qt.ItemDataRole.ToolTipRole:
            issues = report.register_live.analysis(i).issues
            text = self.display(req, spec)
            tips = [text] if len(text) > 12 else []
            tips += [f"【{x.rule}】{x.text}" for x in issues]
            return "\n".join(tips) or None
        return None

    def _computed_data(self, i: int, col: int, role: int) -> Any:
        live = self.doc.report.register_live
        a = live.analysis(i)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == DUE_COLUMN:
                dl = live.deadline(i)
                return _fmt_date(dl.due) if dl else ""
            return STATUS_LABELS.get(a.status, "")
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes.get(a.status, self._grey)
        if role == Qt.ItemDataRole.ToolTipRole:
            dl = live.deadline(i)
            if dl is None:
                return "未填收到日期，无法计算答复期限"
            lines = [f"答复期限：{dl.due.isoformat()}（自{dl.start.isoformat()}起算，节假日不计）"]
            if dl.correction_due:
                lines.append(f"补正通知期限：{dl.correction_due.isoformat()}")
            lines += [f"【{x.rule}】{x.text}" for x in a.issues]
            return "\n".join(lines)
        return None

    # --- editing -------------------------------------------------------------------------

    def parse(self, spec: FieldSpec, value: Any) -> dict[str, FieldValue]:
        """The fields a typed or pasted value sets; ValueError with a Chinese message."""
        text = "" if value is None else str(value).strip()
        form_key = self.doc.report.meta.form_key
        if spec.kind is FieldKind.DATE:
            if spec.key == "extension_date":
                if norm_value(text) in EXTENSION_WORDS:
                    return {"extension_date": None, "extended": True}
                d = parse_date(text)
                return {"extension_date": d, "extended": d is not None}
            return {spec.key: parse_date(text)}
        if spec.kind in (FieldKind.APPLICANT, FieldKind.RESULT, FieldKind.CHANNEL):
            if not text:
                return {spec.key: ""}
            options = dict(choice_options(spec.key, form_key))
            if text in options:
                return {spec.key: text}
            by_label = {label: key for key, label in options.items()}
            found = by_label.get(text) or official_value(spec.key, text, form_key)
            if found is None:
                raise ValueError(f"“{text}”不是可选的{spec.label}")
            return {spec.key: found}
        if spec.kind is FieldKind.MONEY:
            if not text:
                return {"fee": None}
            try:
                fee = Decimal(normalise_text(text).removesuffix("元"))
            except InvalidOperation:
                raise ValueError(f"“{text}”不是金额") from None
            if not fee.is_finite() or fee < 0:
                raise ValueError(f"“{text}”不是金额")
            return {"fee": fee}
        return {spec.key: text}

    def setData(self, index: Any, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        spec = self.spec(index.column()) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or spec is None:
            return False
        try:
            fields = self.parse(spec, value)
        except (DateError, ValueError) as exc:
            self.edit_refused.emit(f"{spec.label}：{exc}")
            return False
        i = self._order[index.row()]
        self.doc.undo_stack.push(SetRegisterFields(self.doc, {(i, k): v for k, v in fields.items()}))
        return True
