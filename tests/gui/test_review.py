from __future__ import annotations

from PySide6.QtCore import Qt

from core.model import Report
from core.storage import load, save

A = "applications"


def _items(window):
    tree = window.findings.tree
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        for j in range(group.childCount()):
            yield group.child(j)


def test_new_from_last_year_and_explain_a_warning(window, tmp_path, monkeypatch):
    last = Report("某局", 2022)
    last.set_value((A, "carry_forward", "natural"), 4)
    last_path = tmp_path / "2022.ogir"
    save(last, last_path)
    infos = []
    monkeypatch.setattr("gui.messages.show_info", lambda parent, title, text: infos.append(text))
    window.ask_open_path = lambda *a: last_path
    window.ask_skeleton = lambda sections, from_last_year: set()  # keep last year's (empty) text
    window.drafts.new_from_last_year()
    r = window.doc.report
    assert (r.meta.year, r.value((A, "carried_over", "natural"))) == (2023, 4)
    assert infos and "已结转" in infos[0]
    assert window.doc.dirty

    window.doc.set_cells({(A, "carried_over", "natural"): 6})
    item = next(i for i in _items(window) if i.data(0, Qt.ItemDataRole.UserRole).rule == "V7")
    window.findings.tree.setCurrentItem(item)
    assert window.findings.explain_button.isEnabled()
    window.findings._ask_explanation = lambda f: "机构合并，多结转2件。"
    window.findings.explain_current()
    item = next(i for i in _items(window) if i.data(0, Qt.ItemDataRole.UserRole).rule == "V7")
    assert item.text(0) == "已核实" and "机构合并" in item.text(1)
    assert "1 个已核实" in window.findings_label.text()

    target = tmp_path / "2023.ogir"
    window.ask_save_path = lambda *a: target
    assert window.save_as()
    again = load(target)
    assert any(e.note == "机构合并，多结转2件。" for e in again.explanations.values())

    # an error cannot be marked
    window.doc.set_cells({(A, "new", "natural"): 1})
    err = next(i for i in _items(window) if i.data(0, Qt.ItemDataRole.UserRole).is_error)
    window.findings.tree.setCurrentItem(err)
    assert not window.findings.explain_button.isEnabled()
