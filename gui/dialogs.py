"""Small dialogs: new report, export fonts, unsaved changes, crash recovery."""
from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.export.settings import FONT_CHOICES, FONT_LABELS, ExportSettings
from core.forms import FIRST_SUPPORTED_YEAR, form_for_year
from core.model import META_LABELS, default_report_year


def _chinese_buttons(box: QDialogButtonBox) -> None:
    for button, text in ((QDialogButtonBox.StandardButton.Ok, "确定"), (QDialogButtonBox.StandardButton.Cancel, "取消")):
        b = box.button(button)
        if b is not None:
            b.setText(text)


class NewReportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, agency: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("新建报告")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.agency = QLineEdit(agency)
        self.agency.setPlaceholderText("如：某某市某某局")
        self.year = QSpinBox()
        self.year.setRange(FIRST_SUPPORTED_YEAR, 2099)
        today = _dt.date.today()
        self.year.setValue(default_report_year(today.year, today.month))
        self.year.setSuffix(" 年度")
        self.format_label = QLabel()
        self.year.valueChanged.connect(self._update_format)
        form.addRow(META_LABELS["agency"] + "：", self.agency)
        form.addRow(META_LABELS["year"] + "：", self.year)
        form.addRow(META_LABELS["form_key"] + "：", self.format_label)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #B00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        _chinese_buttons(buttons)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_format()
        self.resize(460, self.sizeHint().height())

    def _update_format(self) -> None:
        f = form_for_year(self.year.value())
        self.format_label.setText(f"{f.short_name}（{f.document}）")

    def _accept(self) -> None:
        if not self.agency.text().strip():
            self.error.setText("请填写机关名称。")
            return
        self.accept()


class ExportSettingsDialog(QDialog):
    def __init__(self, current: ExportSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("导出设置")
        layout = QVBoxLayout(self)
        note = QLabel("按 GB/T 9704-2012 默认使用方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312。"
                      "如果本机没有这些字体，导出的 Word 文档会显示成其他字体，可在此改用仿宋、楷体、华文中宋等常见字体。"
                      "此设置保存在本机，不影响草稿文件。")
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.boxes: dict[str, QComboBox] = {}
        for name, choices in FONT_CHOICES.items():
            box = QComboBox()
            box.setEditable(True)
            box.addItems(list(choices))
            box.setCurrentText(getattr(current, name))
            form.addRow(FONT_LABELS[name] + "：", box)
            self.boxes[name] = box
        layout.addLayout(form)
        self.html_charts = QCheckBox("导出网页时附上图解（图表随网页一同发布）")
        self.html_charts.setChecked(current.html_charts)
        layout.addWidget(self.html_charts)
        self.sealed_signature = QCheckBox("加盖印章的落款（成文日期右空四字，机关署名居中于日期之上）")
        self.sealed_signature.setChecked(current.sealed_signature)
        layout.addWidget(self.sealed_signature)
        self.contact_sentence = QCheckBox("在正文末尾写明联系方式（如对本报告有疑问，请与……联系）")
        self.contact_sentence.setChecked(current.contact_sentence)
        layout.addWidget(self.contact_sentence)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        _chinese_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.current = current

    def value(self) -> ExportSettings:
        data = self.current.to_dict()
        for name, box in self.boxes.items():
            if box.currentText().strip():
                data[name] = box.currentText().strip()
        data["html_charts"] = self.html_charts.isChecked()
        data["sealed_signature"] = self.sealed_signature.isChecked()
        data["contact_sentence"] = self.contact_sentence.isChecked()
        return ExportSettings.from_dict(data)
