"""导出设置 offers the sealed signature variant and the contact sentence (issue 11, points 3-4)."""
from __future__ import annotations

from core.export.settings import ExportSettings


def test_sealed_signature_and_contact_sentence_options(qtbot):
    from gui.dialogs import ExportSettingsDialog

    dialog = ExportSettingsDialog(ExportSettings())
    qtbot.addWidget(dialog)
    assert not dialog.sealed_signature.isChecked() and dialog.contact_sentence.isChecked()
    dialog.sealed_signature.setChecked(True)
    dialog.contact_sentence.setChecked(False)
    value = dialog.value()
    assert value.sealed_signature and not value.contact_sentence
    assert ExportSettings.from_dict(value.to_dict()) == value
