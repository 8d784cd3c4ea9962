"""文件 → 导入已发布的报告…, its import review, 从上年报告新建 from a published
report, and the 审核 workspace (progress, cancel, results, workbook)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.published import pages

FIXTURE = Path("tests/fixtures/published/sh-bgt-2019-html/source.html")


@pytest.fixture
def page2021(tmp_path: Path) -> Path:
    p = tmp_path / "某某县自然资源局2024年报.html"
    p.write_text(pages.page_2021(), encoding="utf-8")
    return p


def test_import_published_opens_an_untitled_draft_after_review(window, qtbot, monkeypatch, page2021) -> None:
    from gui import published_actions
    from gui.import_review import FUZZY, ImportReview

    reviewed = []

    def fake_review(win, result):
        dialog = ImportReview(result, win)
        reviewed.append(dialog)
        return True

    monkeypatch.setattr(published_actions, "review", fake_review)
    window.ask_open_path = lambda *a: page2021
    window.menu_actions["import_published_report"].trigger()
    qtbot.waitUntil(lambda: window.doc.report.meta.agency == "某某县自然资源局", timeout=20000)
    assert window.doc.path is None and window.doc.dirty
    assert window.doc.report.value(("applications", "new", "natural")) == 1204
    assert window.doc.report.texts["other"] == pages.OTHER
    dialog = reviewed[0]
    # the 表三 tab: the row printed "2.其他法律行政止公开" is yellow, with the printed label in the tooltip
    from core.forms.layout import layout

    table = window.doc.report.form.table("applications")
    view = next(dialog.tabs.widget(i) for i in range(dialog.tabs.count()) if dialog.tabs.tabText(i) == table.name)
    r, c = layout(table).position(("applications", "prohibited_by_law", "natural"))
    item = view.item(r, c)
    assert item.text() == "2" and item.background().color() == FUZZY
    assert "2.其他法律行政止公开" in item.toolTip()
    r, c = layout(table).position(("applications", "fee_unpaid", "natural"))
    assert view.item(r, c).text() == "—" and view.item(r, c).font().italic()
    notes = [dialog.notes.item(i).text() for i in range(dialog.notes.count())]
    assert any("近似匹配" in n for n in notes)


def test_cancelled_review_keeps_the_open_report(window, qtbot, monkeypatch, page2021) -> None:
    from gui import published_actions

    calls = []
    monkeypatch.setattr(published_actions, "review", lambda w, r: calls.append(r) or False)
    before = window.doc.report
    window.ask_open_path = lambda *a: page2021
    window.menu_actions["import_published_report"].trigger()
    qtbot.waitUntil(lambda: bool(calls), timeout=20000)
    assert window.doc.report is before


def test_unreadable_file_gets_a_message(window, qtbot, monkeypatch, tmp_path) -> None:
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    errors = []
    monkeypatch.setattr("gui.messages.show_error", lambda parent, text, title="": errors.append(text))
    window.ask_open_path = lambda *a: bad
    window.menu_actions["import_published_report"].trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert "PDF" in errors[0]


def test_new_from_last_year_accepts_a_published_report(window, qtbot, monkeypatch) -> None:
    infos = []
    monkeypatch.setattr("gui.messages.show_info", lambda parent, title, text: infos.append(text))
    window.ask_skeleton = lambda *a, **k: set()
    window.ask_open_path = lambda *a: FIXTURE
    window.menu_actions["new_from"].trigger()
    qtbot.waitUntil(lambda: window.doc.report.meta.year == 2020, timeout=20000)
    report = window.doc.report
    assert report.meta.agency == "上海市人民政府办公厅"
    # 2020 上年结转 = the 2019 report's 结转下年度继续办理 (72 自然人)
    assert report.value(("applications", "carried_over", "natural")) == 72
    assert report.previous is not None and report.previous.year == 2019


def test_audit_workspace_runs_cancels_and_saves(window, qtbot, tmp_path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for k in range(12):
        (folder / f"r{k:02d}.html").write_text(pages.page_2021().replace("某某县自然资源局2024年", f"某某县第{k}局2024年"),
                                               encoding="utf-8")
    view = window.workspaces.show_workspace("audit")
    view.add_paths([folder])
    view.run()
    view._progress_cancel()
    qtbot.waitUntil(lambda: not view.running and not view.timer.isActive(), timeout=30000)
    assert view.bar_text.text() == "审核已取消。" and view.result is None
    view.run()
    assert view.cancel.isEnabled() and not view.start.isEnabled()
    qtbot.waitUntil(lambda: view.result is not None, timeout=60000)
    assert view.summary.rowCount() == 12
    assert view.summary.item(0, 1).text() == "某某县第0局"
    assert view.findings.count() > 0  # first report selected: its copied paragraphs at least
    out = tmp_path / "审核结果.xlsx"
    window.ask_save_path = lambda *a: out
    view.save_workbook()
    assert out.exists()
