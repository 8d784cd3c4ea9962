"""The draft session (gui/draft_session.py) against a fake window: no menus,
no tabs, no dialogs; every question is answered by the test."""
from __future__ import annotations


import pytest

from core.model import Report
from core.storage import load, save
from gui.messages import CANCEL, DISCARD, SAVE

A = "applications"


class FakeHost:
    def __init__(self, doc):
        self.doc = doc
        self.answers: dict[str, object] = {"unsaved": DISCARD, "restore": True}
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.statuses: list[str] = []
        self.committed = 0
        self.sections: list[str] = []

    def ask_open_path(self, title, file_filter):
        return self.answers.get("open")

    def ask_save_path(self, title, suggested, file_filter):
        self.answers["suggested"] = suggested
        return self.answers.get("save")

    def ask_unsaved(self):
        return self.answers["unsaved"]

    def ask_restore(self, snapshot, others):
        return self.answers["restore"]

    def ask_new_report(self, agency):
        return self.answers.get("new")

    def ask_skeleton(self, sections, from_last_year):
        self.answers["skeleton_offered"] = (sections, from_last_year)
        return self.answers.get("skeleton", set())

    def confirm(self, title, text, yes="继续", no="取消"):
        return True

    def show_error(self, text, title="出错了"):
        self.errors.append((title, text))

    def show_info(self, title, text):
        self.infos.append((title, text))

    def status(self, text, ms=5000):
        self.statuses.append(text)

    def commit_editors(self):
        self.committed += 1

    def show_section(self, key):
        self.sections.append(key)


@pytest.fixture
def session(qtbot, home):
    from gui.document import Document
    from gui.draft_session import DraftSession

    host = FakeHost(Document())
    s = DraftSession(host, autosave_ms=3_600_000)
    yield s, host
    s.end()


def test_save_as_asks_where_adds_the_suffix_and_commits_editors_first(session, tmp_path):
    s, host = session
    host.doc.replace(Report("甲局", 2023), None)
    host.answers["save"] = tmp_path / "甲局报告"
    assert s.save()
    assert host.committed >= 1
    assert host.answers["suggested"] == "甲局2023年度政府信息公开工作年度报告.ogir"
    assert host.doc.path == tmp_path / "甲局报告.ogir" and load(tmp_path / "甲局报告.ogir").meta.agency == "甲局"
    assert host.statuses[-1] == f"已保存到 {tmp_path / '甲局报告.ogir'}"


@pytest.mark.parametrize("answer, goes_on, saved", [(SAVE, True, True), (DISCARD, True, False), (CANCEL, False, False)])
def test_unsaved_changes_prompt(session, tmp_path, answer, goes_on, saved):
    s, host = session
    p = tmp_path / "a.ogir"
    save(Report("甲局", 2023), p)
    assert s.open_path(p, ask=False)
    host.doc.set_cells({(A, "new", "natural"): 7})
    host.answers["unsaved"] = answer
    assert s.maybe_save() is goes_on
    assert (load(p).value((A, "new", "natural")) == 7) is saved


def test_damaged_draft_is_refused_with_the_file_name(session, tmp_path):
    s, host = session
    bad = tmp_path / "坏.ogir"
    bad.write_bytes(b"\x00 not json")
    assert not s.open_path(bad, ask=False)
    assert host.errors and host.errors[0][0] == "无法打开" and "坏.ogir" in host.errors[0][1]
    assert host.doc.path is None


def test_a_second_session_cannot_open_the_same_draft(session, tmp_path, qtbot):
    from gui.document import Document
    from gui.draft_session import DraftSession

    s, host = session
    p = tmp_path / "a.ogir"
    save(Report("甲局", 2023), p)
    assert s.open_path(p, ask=False)
    other_host = FakeHost(Document())
    other = DraftSession(other_host, autosave_ms=3_600_000)
    try:
        assert not other.open_path(p, ask=False)
        assert other_host.errors[0][0] == "草稿已打开"
    finally:
        other.end()


def test_new_report_replaces_the_document_and_shows_the_overview(session):
    s, host = session
    host.answers["new"] = ("乙局", 2024)
    s.new_report()
    m = host.doc.report.meta
    assert (m.agency, m.year, host.doc.path) == ("乙局", 2024, None)
    assert host.sections == ["overview"]


def test_autosave_then_recovery_in_a_later_session(session, tmp_path, qtbot):
    from gui.document import Document
    from gui.draft_session import DraftSession

    s, host = session
    host.doc.replace(Report("丙局", 2023), None)
    host.doc.set_cells({(A, "new", "natural"): 3})
    s.autosave()
    snapshot = s.recovery.path_for(s.session_id)
    assert snapshot.exists()
    s._lock.unlock()  # as if this session had crashed: its lock is gone, its snapshot stays

    later_host = FakeHost(Document())
    later = DraftSession(later_host, autosave_ms=3_600_000)
    try:
        assert later.offer_recovery()
        assert later_host.doc.report.value((A, "new", "natural")) == 3 and later_host.doc.dirty
        assert not snapshot.exists()
    finally:
        later.end()
