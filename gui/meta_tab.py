"""基本信息: agency, year, format, dates, contact and the printed title."""
from __future__ import annotations

import re

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from core.forms import FIRST_SUPPORTED_YEAR, FORMS, form_for_year
from core.model import Change, ChangeKind, META_LABELS

from .document import Document
from .enum_props import set_enum_property

DATE_PATTERN = re.compile(r"^\d{4}-\d{1,2}(-\d{1,2})?$")


class MetaTab(QWidget):
    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        spans = "；".join(
            f"{f.first_year}—{f.last_year}年度使用{f.short_name}" if f.last_year else f"{f.first_year}年度起使用{f.short_name}"
            for f in FORMS.values()
        )
        intro = QLabel(f"填写报告的基本信息。报告格式按报告年度自动确定：{spans}。")
        intro.setWordWrap(True)
        outer.addWidget(intro)
        form = QFormLayout()
        set_enum_property(form, "labelAlignment", "AlignRight")
        form.setVerticalSpacing(12)
        outer.addLayout(form)

        self.agency = QLineEdit()
        self.agency.setPlaceholderText("如：某某市某某局（与公章名称一致）")
        self.agency.editingFinished.connect(lambda: self._set("agency", self.agency.text().strip()))
        form.addRow(META_LABELS["agency"] + "：", self.agency)

        self.year = QSpinBox()
        self.year.setRange(FIRST_SUPPORTED_YEAR, 2099)
        self.year.setSuffix(" 年度")
        self.year.editingFinished.connect(lambda: self._set("year", self.year.value()))
        form.addRow(META_LABELS["year"] + "：", self.year)

        self.form_combo = QComboBox()
        for form_obj in FORMS.values():
            self.form_combo.addItem(f"{form_obj.short_name}（{form_obj.document}）", form_obj.key)
        self.form_combo.activated.connect(lambda i: self._set("form_key", self.form_combo.itemData(i)))
        self.form_hint = QLabel()
        self.form_hint.setStyleSheet("color: #8A2B1E;")
        form.addRow(META_LABELS["form_key"] + "：", self.form_combo)
        form.addRow("", self.form_hint)
        self._hint_rows = {self.form_hint: form.rowCount() - 1}

        self.date = QLineEdit()
        self.date.editingFinished.connect(self._date_finished)
        self.date_hint = QLabel()
        self.date_hint.setStyleSheet("color: #8A2B1E;")
        form.addRow(META_LABELS["date"] + "：", self.date)
        form.addRow("", self.date_hint)
        self._hint_rows[self.date_hint] = form.rowCount() - 1
        self._form = form

        self.contact = QLineEdit()
        self.contact.setPlaceholderText("选填：地址、邮编、电话、电子邮箱")
        self.contact.editingFinished.connect(lambda: self._set("contact", self.contact.text().strip()))
        form.addRow(META_LABELS["contact"] + "：", self.contact)

        self.compiler = QLineEdit()
        self.compiler.setPlaceholderText("选填：印在报告末尾的落款单位")
        self.compiler.editingFinished.connect(lambda: self._set("compiler", self.compiler.text().strip()))
        form.addRow(META_LABELS["compiler"] + "：", self.compiler)

        # The printed title: generated unless the clerk types the agency's own
        # wording; emptied, it goes back to the generated one.
        self.title = QLineEdit()
        self.title.setClearButtonEnabled(True)
        self.title.editingFinished.connect(self._title_finished)
        self.title_hint = QLabel()
        self.title_hint.setStyleSheet("color: #8A2B1E;")
        self.title_hint.setWordWrap(True)
        form.addRow(META_LABELS["title"] + "：", self.title)
        form.addRow("", self.title_hint)
        self._hint_rows[self.title_hint] = form.rowCount() - 1
        outer.addStretch(1)

        doc.changed.connect(self._on_change)
        doc.replaced.connect(self.refresh)
        self.refresh()

    def _set(self, name: str, value) -> None:
        if getattr(self.doc.report.meta, name) != value:
            self.doc.set_meta(name, value, f"修改{META_LABELS[name]}")

    def _title_finished(self) -> None:
        text = self.title.text().strip()
        # typing the generated title back stores nothing: it follows the agency and year again
        self._set("title", "" if text == self.doc.report.default_title else text)

    def _date_finished(self) -> None:
        text = self.date.text().strip().replace("/", "-").replace(".", "-")
        if text and not DATE_PATTERN.match(text):
            self._hint(self.date_hint, f"成文日期的格式应为“年-月-日”或“年-月”，例如 {self._example_date()}。")
            return
        self._hint(self.date_hint, "")
        self._set("date", text)

    def _example_date(self) -> str:
        # reports are signed in January of the year after the one they cover
        return f"{self.doc.report.meta.year + 1}-01-20"

    def _hint(self, label: QLabel, text: str) -> None:
        """A red hint under a field; its row takes no space while empty."""
        label.setText(text)
        self._form.setRowVisible(self._hint_rows[label], bool(text))

    def _on_change(self, change: Change) -> None:
        if change.kind in (ChangeKind.META, ChangeKind.FORM):
            self.refresh()

    def refresh(self) -> None:
        meta = self.doc.report.meta
        for w, v in ((self.agency, meta.agency), (self.date, meta.date), (self.contact, meta.contact),
                     (self.compiler, meta.compiler), (self.title, meta.title)):
            if w.text() != v:
                w.setText(v)
        default = self.doc.report.default_title
        self.title.setPlaceholderText(f"默认：{default}")
        self._hint(self.title_hint, "" if not meta.title.strip() or meta.title.strip() == default else
                   f"与惯用写法“{default}”不同（导出时使用您填写的标题；清空即恢复默认）。")
        self.year.blockSignals(True)
        self.year.setValue(meta.year)
        self.year.blockSignals(False)
        self.form_combo.setCurrentIndex(self.form_combo.findData(meta.form_key))
        self._hint(self.date_hint, "")  # the field shows the stored date again
        example = self._example_date()
        self.date.setPlaceholderText(f"如 {example}，或只填年月 {example[:7]}")
        try:
            expected = form_for_year(meta.year)
            self._hint(self.form_hint, "" if expected.key == meta.form_key else
                       f"{meta.year}年度应使用{expected.short_name}，当前选择与年度不符。")
        except ValueError as exc:
            self._hint(self.form_hint, str(exc))
