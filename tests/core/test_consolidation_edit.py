"""汇总 by hand: roster edits, manual assignment, review of published reports, and
that all of it survives saving the workspace file."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.consolidation import ConsolidationError, Workspace
from core.consolidation.assignment import (
    KEEP_BOTH,
    KEEP_NEW,
    assign_file,
    mark_reviewed,
    ranked_units,
    unassign_file,
)
from core.consolidation.roster_edit import History, add_unit, move_unit, remove_unit, rename_unit, update_unit
from core.consolidation.session import Consolidation, read_all
from core.consolidation.storage import load, save
from tests.core.consolidation_helpers import RULES_ISSUED, roster_ws, unit_report, write
from tests.core.published import pages

NEW_NATURAL = ("applications", "new", "natural")


def test_an_empty_workspace_gets_its_roster_typed_in() -> None:
    ws = Workspace(2024, "某某县人民政府")
    add_unit(ws, " 某某县 教育局 ")  # spaces typed by accident are dropped
    add_unit(ws, "城关镇人民政府", "乡镇街道", contact="0000-1234567")
    add_unit(ws, "某某县财政局", index=0)
    assert [(u.name, u.kind, u.local, u.region, u.contact) for u in ws.units] == [
        ("某某县财政局", "部门", True, True, ""),
        ("某某县教育局", "部门", True, True, ""),
        ("城关镇人民政府", "乡镇街道", False, True, "0000-1234567"),  # a town is not in 本级 unless said
    ]


@pytest.mark.parametrize(("name", "message"), [
    ("", "单位名称不能为空。"),
    ("   ", "单位名称不能为空。"),
    ("某某县教育局", "名单中已有“某某县教育局”，同一单位不能出现两次。"),
    ("某某县（教育局）", "名单中已有名称相同的单位“某某县教育局”，同一单位不能出现两次。"),
    ("、、", "单位名称“、、”只有标点或年度，请填写单位的全称。"),
    ("局" * 101, "单位名称过长（101个字），最多100个字。"),
])
def test_bad_names_are_refused_in_chinese_and_change_nothing(name: str, message: str) -> None:
    ws = roster_ws()
    before = [u.name for u in ws.units]
    with pytest.raises(ConsolidationError) as exc:
        add_unit(ws, name)
    assert str(exc.value) == message
    assert [u.name for u in ws.units] == before


def test_rename_carries_the_files_and_the_include_choice() -> None:
    ws = roster_ws()
    ws.add_file("a.ogir").unit = "某某县教育局"
    ws.include_with_errors = ["某某县教育局"]
    rename_unit(ws, "某某县教育局", "某某县教育体育局")
    assert ws.files[0].unit == "某某县教育体育局" and ws.include_with_errors == ["某某县教育体育局"]
    with pytest.raises(ConsolidationError, match="已有“某某县财政局”"):
        rename_unit(ws, "某某县教育体育局", "某某县财政局")
    rename_unit(ws, "某某县财政局", "某某县财政局")  # its own name again: fine, nothing changes
    with pytest.raises(ConsolidationError, match="名单中没有“某某县公安局”"):
        rename_unit(ws, "某某县公安局", "某某县公安分局")


def test_kind_membership_and_contact_change_the_sums(tmp_path: Path) -> None:
    ws = roster_ws()
    a = write(unit_report("某某县教育局", issued=2), tmp_path, "a.ogir")
    c = write(unit_report("某某镇人民政府", issued=5), tmp_path, "c.ogir")
    for p in (a, c):
        ws.add_file(str(p))
    state = Consolidation(ws, read_all([str(a), str(c)]))
    assert state.sums is not None and state.sums.total("本级", RULES_ISSUED) == 2
    update_unit(ws, "某某镇人民政府", kind="其他", local=True, contact="张三 0000-7654321")
    state.refresh()
    assert state.sums.total("本级", RULES_ISSUED) == 7 and state.sums.total("全行政区域", RULES_ISSUED) == 7
    update_unit(ws, "某某县教育局", region=False)
    state.refresh()
    assert state.sums.total("全行政区域", RULES_ISSUED) == 5
    assert ws.unit("某某镇人民政府") is not None and ws.unit("某某镇人民政府").contact == "张三 0000-7654321"
    with pytest.raises(ConsolidationError, match="类别“单位”无效"):
        update_unit(ws, "某某县教育局", kind="单位")


def test_a_removed_units_files_become_unmatched_not_lost(tmp_path: Path) -> None:
    ws = roster_ws()
    a = write(unit_report("某某县教育局", issued=2), tmp_path, "a.ogir")
    ws.add_file(str(a))
    ws.include_with_errors = ["某某县教育局"]
    state = Consolidation(ws, read_all([str(a)]))
    assert state.board.row("某某县教育局").included  # type: ignore[union-attr]
    assert remove_unit(ws, "某某县教育局") == [str(a)]
    state.refresh()
    assert [r.path for r in state.board.unmatched] == [str(a)] and ws.include_with_errors == []
    assert state.sums is not None and state.sums.total("全行政区域", RULES_ISSUED) == 0


def test_move_and_undo_restore_the_roster_and_the_assignment() -> None:
    ws = roster_ws()
    ws.add_file("a.ogir").unit = "某某县教育局"
    history = History()
    history.record(ws, "下移“某某县教育局”")
    assert move_unit(ws, "某某县教育局", 1) == 1
    history.record(ws, "删除“某某县教育局”")
    remove_unit(ws, "某某县教育局")
    ws.add_file("b.ogir")  # collected after the removal: stays when the removal is undone
    assert history.undo(ws) == "删除“某某县教育局”"
    assert [u.name for u in ws.units] == ["某某县财政局", "某某县教育局", "某某镇人民政府"]
    assert [(f.path, f.unit) for f in ws.files] == [("a.ogir", "某某县教育局"), ("b.ogir", "")]
    assert history.undo(ws) == "下移“某某县教育局”"
    assert [u.name for u in ws.units][0] == "某某县教育局"
    assert history.undo(ws) == "" and history.label == ""


def test_a_file_assigned_by_hand_stays_and_duplicates_are_kept_or_replaced(tmp_path: Path) -> None:
    ws = roster_ws()
    old = write(unit_report("某某县教育局", issued=2), tmp_path, "教育局.ogir")
    odd = write(unit_report("县教体局", issued=3), tmp_path, "扫描件.ogir")  # a name nothing matches (县教育 is a short form now)
    for p in (old, odd):
        ws.add_file(str(p))
    state = Consolidation(ws, read_all([str(old), str(odd)]))
    assert [r.path for r in state.board.unmatched] == [str(odd)]
    reading = state.readings[str(odd)]
    ranked = ranked_units(ws, reading, str(odd))
    assert ranked[0][0] == "某某县教育局" and [n for n, _ in ranked[1:]] == ["某某县财政局", "某某镇人民政府"]
    assert assign_file(ws, str(odd), "某某县教育局", KEEP_BOTH) == []
    state.refresh()
    row = state.board.row("某某县教育局")
    assert row is not None and len(row.duplicates) == 1 and not state.board.unmatched  # the newest one counts
    assert assign_file(ws, str(odd), "某某县教育局", KEEP_NEW) == [str(old)]
    state.refresh()
    assert [r.path for r in state.board.unmatched] == [str(old)]
    assert state.sums is not None and state.sums.total("本级", RULES_ISSUED) == 3
    # taken off by hand: the file's own agency name would match, but it is not matched again
    assert unassign_file(ws, str(odd)) == "某某县教育局"
    state.refresh()
    assert state.board.row("某某县教育局").state == "未收到"  # type: ignore[union-attr]
    with pytest.raises(ConsolidationError, match="名单中没有“某某县公安局”"):
        assign_file(ws, str(odd), "某某县公安局")


@pytest.fixture
def published(tmp_path: Path) -> Path:
    p = tmp_path / "某某县自然资源局2024年报.html"
    p.write_text(pages.page_2021(), encoding="utf-8")
    return p


def test_a_published_report_counts_only_once_reviewed(tmp_path: Path, published: Path) -> None:
    ws = Workspace(2024, "某某县人民政府")
    add_unit(ws, "某某县自然资源局")
    ws.add_file(str(published))
    state = Consolidation(ws, read_all([str(published)]))
    row = state.board.row("某某县自然资源局")
    assert row is not None and row.state == "待核对" and not row.included
    assert state.board.to_review == ["某某县自然资源局"] and "须打开“核对”" in row.warnings[0]
    assert state.sums is not None and state.sums.total("全行政区域", NEW_NATURAL) == 0
    reading = state.readings[str(published)]
    assert reading.imported is not None and reading.imported.problems  # what the review shows
    mark_reviewed(ws, reading)
    state.refresh()
    assert state.board.row("某某县自然资源局").state == "已收到"  # type: ignore[union-attr]
    assert state.sums.total("全行政区域", NEW_NATURAL) == 1204  # pages.py: 本年新收 自然人 "1,204"
    # the review survives saving; a changed file needs a new review
    save(ws, tmp_path / "汇总.ogiw")
    again = load(tmp_path / "汇总.ogiw")
    assert Consolidation(again, read_all([str(published)])).board.rows[0].state == "已收到"
    published.write_text(pages.page_2021().replace("1,204", "1,205"), encoding="utf-8")
    assert Consolidation(again, read_all([str(published)])).board.rows[0].state == "待核对"


def test_choices_round_trip_through_the_workspace_file(tmp_path: Path) -> None:
    ws = roster_ws()
    ws.add_file(str(tmp_path / "a.ogir"))
    ws.add_file(str(tmp_path / "b.ogir"))
    assign_file(ws, str(tmp_path / "a.ogir"), "某某镇人民政府")
    unassign_file(ws, str(tmp_path / "b.ogir"))
    ws.files[0].reviewed = "ab" * 32
    save(ws, tmp_path / "w.ogiw")
    stored = json.loads((tmp_path / "w.ogiw").read_text(encoding="utf-8"))
    assert stored["format_version"] == 1
    assert stored["files"] == [{"path": "a.ogir", "unit": "某某镇人民政府", "how": "manual", "reviewed": "ab" * 32},
                               {"path": "b.ogir", "unit": "", "how": "unassigned"}]
    back = load(tmp_path / "w.ogiw")
    assert [(f.unit, f.how, f.reviewed) for f in back.files] == [("某某镇人民政府", "manual", "ab" * 32),
                                                                 ("", "unassigned", "")]


def test_a_workspace_file_written_before_assignment_and_review_still_loads(tmp_path: Path) -> None:
    # as the first version wrote it: no "reviewed", only the four match kinds
    old = {"app": "ogi-report-consolidation", "format_version": 1, "year": 2021, "name": "某某县人民政府",
           "units": [{"name": "某某县教育局", "kind": "部门", "local": True, "region": True, "contact": ""}],
           "files": [{"path": "a.ogir", "unit": "某某县教育局", "how": "exact"},
                     {"path": "b.pdf", "unit": "", "how": "something-newer"}],
           "include_with_errors": [], "last_year": ""}
    (tmp_path / "old.ogiw").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    ws = load(tmp_path / "old.ogiw")
    assert [(f.unit, f.how, f.reviewed) for f in ws.files] == [("某某县教育局", "exact", ""), ("", "", "")]


def test_cli_lists_published_reports_to_review_and_accepts_them_when_asked(
        tmp_path: Path, published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from core.cli import main
    from core.storage import load as load_draft

    ws = Workspace(2024, "某某县人民政府")
    add_unit(ws, "某某县自然资源局")
    save(ws, tmp_path / "名单.ogiw")
    main(["consolidate", str(tmp_path / "名单.ogiw"), str(published), "-o", str(tmp_path / "a")])
    assert "待核对（已发布的报告，未纳入）：某某县自然资源局" in capsys.readouterr().out
    assert load_draft(tmp_path / "a" / "全行政区域汇总.ogir").number(NEW_NATURAL) == 0
    main(["consolidate", str(tmp_path / "名单.ogiw"), str(published), "-o", str(tmp_path / "b"), "--accept-published"])
    assert "待核对" not in capsys.readouterr().out
    assert load_draft(tmp_path / "b" / "全行政区域汇总.ogir").number(NEW_NATURAL) == 1204
