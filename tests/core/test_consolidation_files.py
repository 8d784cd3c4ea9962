"""汇总: matching, rosters, the workspace file, templates and cross-unit checks."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from core.consolidation import Collected, ConsolidationError, Unit, Workspace
from core.consolidation.collect import match_name
from core.consolidation.crosscheck import cross_checks
from core.consolidation.roster import read_roster, roster_template_bytes
from core.consolidation.storage import load, save
from core.consolidation.templates import write_templates

from .consolidation_helpers import CARRIED_NATURAL, roster_ws, unit_report

UNITS = [Unit("某某县教育局"), Unit("某某县财政局"), Unit("某某县人力资源和社会保障局")]


def test_match_exact_ignores_spaces_punctuation_and_title() -> None:
    assert match_name("某某县 教育局", UNITS).how == "exact"
    m = match_name("某某县教育局2021年度政府信息公开工作年度报告", UNITS)
    assert (m.unit, m.how) == ("某某县教育局", "exact")


def test_match_fuzzy_needs_confirmation_and_unrelated_is_none() -> None:
    m = match_name("某某县人力资源社会保障局", UNITS)
    assert (m.unit, m.how) == ("某某县人力资源和社会保障局", "fuzzy")
    assert match_name("某某县教育", UNITS).how == "fuzzy"  # contained in a roster name
    assert match_name("另一个市气象台", UNITS).unit == ""
    assert match_name("", UNITS).unit == ""


def test_fuzzy_match_is_pending_until_confirmed(tmp_path: Path) -> None:
    from core.consolidation.session import Consolidation, add_paths, read_all
    from core.storage import save as save_draft

    save_draft(unit_report("某某县人力资源社会保障局", issued=2), tmp_path / "hr.ogir")
    ws = Workspace(2021, "", list(UNITS))
    add_paths(ws, [tmp_path])
    c = Consolidation(ws, read_all(f.path for f in ws.files))
    assert [e.unit for e, _ in c.board.pending] == ["某某县人力资源和社会保障局"]
    assert c.board.row("某某县人力资源和社会保障局").state == "待确认"  # type: ignore[union-attr]
    ws.files[0].how = "confirmed"
    c.refresh()
    assert c.board.row("某某县人力资源和社会保障局").included  # type: ignore[union-attr]


def test_workspace_file_round_trip(tmp_path: Path) -> None:
    ws = Workspace(2021, "某某县人民政府", [Unit("某某县教育局", "部门", True, True, "0000-1234567"),
                                           Unit("某某镇人民政府", "乡镇街道", False, True)],
                   [Collected(str(tmp_path / "files" / "a.ogir"), "某某县教育局", "exact"),
                    Collected("/elsewhere/b.xlsx", "", "")], ["某某县教育局"], str(tmp_path / "2020.ogiw"))
    path = tmp_path / "2021.ogiw"
    save(ws, path)
    raw = json.loads(path.read_text("utf-8"))
    assert raw["format_version"] == 1 and raw["files"][0]["path"] == "files/a.ogir"  # relative below the folder
    again = load(path)
    assert again == ws


@pytest.mark.parametrize(("content", "words"), [
    (b"", "不是有效的汇总文件"),
    (b"\x00\xff garbage", "不是有效的汇总文件"),
    (b'{"app": "ogi-report-consolidation", "format_version": 99, "year": 2021}', "更新版本"),
    (b'{"app": "ogi-report-consolidation", "format_version": 1, "year": "x"}', "报告年度无效"),
    (b'{"app": "ogi-report-consolidation", "format_version": 1, "year": 2021, "units": [{"name": "a", "kind": "x"}]}',
     "类别"),
])
def test_bad_workspace_files(tmp_path: Path, content: bytes, words: str) -> None:
    p = tmp_path / "w.ogiw"
    p.write_bytes(content)
    with pytest.raises(ConsolidationError, match=words):
        load(p)


def test_roster_template_round_trip(tmp_path: Path) -> None:
    p = tmp_path / "名单.xlsx"
    p.write_bytes(roster_template_bytes(roster_ws()))
    assert [(u.name, u.kind, u.local, u.region) for u in read_roster(p)] == [
        ("某某县教育局", "部门", True, True), ("某某县财政局", "部门", True, False),
        ("某某镇人民政府", "乡镇街道", False, True)]


def test_plain_list_with_only_unit_names(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["2021年度政务公开报送单位"])
    ws.append(["序号", "单位 名称", "联系人"])
    ws.append([1, "某某县教育局", "张三"])
    ws.append([2, "城关镇", None])
    ws.append([3, None, None])
    ws.append([4, "某某区人民政府", None])
    p = tmp_path / "list.xlsx"
    wb.save(p)
    units = read_roster(p)
    # blank 类别 follows the name; blank 本级 follows the category; 全行政区域 defaults to 是
    assert [(u.name, u.kind, u.local, u.region, u.contact) for u in units] == [
        ("某某县教育局", "部门", True, True, "张三"), ("城关镇", "乡镇街道", False, True, ""),
        ("某某区人民政府", "下级政府", False, True, "")]


def test_roster_errors_are_chinese(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["单位名称", "类别"])
    wb.active.append(["某某县教育局", "学校"])
    p = tmp_path / "bad.xlsx"
    wb.save(p)
    with pytest.raises(ConsolidationError, match="第2行.*类别“学校”"):
        read_roster(p)
    wb = Workbook()
    wb.active.append(["名称"])
    wb.save(p)
    with pytest.raises(ConsolidationError, match="单位名称"):
        read_roster(p)
    p.write_bytes(b"not excel")
    with pytest.raises(ConsolidationError):
        read_roster(p)


def test_per_unit_templates_have_name_and_year(tmp_path: Path) -> None:
    from core.importers.xlsx import import_xlsx

    paths = write_templates(roster_ws(), tmp_path / "send")
    assert len(paths) == 3 and all(p.exists() for p in paths)
    back = import_xlsx(paths[2])
    assert back.meta.agency == "某某镇人民政府" and back.meta.year == 2021
    assert load_workbook(paths[0]).worksheets[0]["B3"].value == "某某县教育局"


def test_cross_checks() -> None:
    para = "本单位坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政府信息公开条例，持续推进决策、执行、管理、服务、结果公开，政务公开工作取得新进展。"
    a = unit_report("甲局", 2022, issued=3, applications=2, text=para)
    b = unit_report("乙局", 2022, issued=4, text=para.replace("新进展", "新成效"))
    zero = unit_report("丙局", 2022, text="丙局的情况说明，与其他单位的文字完全不同，没有任何相同的句子。")
    last_a = unit_report("甲局", 2021, issued=3, applications=2)
    last_b = unit_report("乙局", 2021, issued=1, applications=5)  # 5 carried forward, but 乙局 reports 0 carried over
    found = cross_checks({"甲局": a, "乙局": b, "丙局": zero}, {"甲局": last_a, "乙局": last_b})
    rules = {(f.rule, f.units) for f in found}
    assert ("X-COPY", ("甲局", "乙局")) in rules
    assert ("X-ZERO", ("丙局",)) in rules
    assert ("X-SAME", ("甲局",)) in rules and ("X-SAME", ("乙局",)) not in rules
    carry = [f for f in found if f.rule == "X-CARRY"]
    # both carried forward last year (2 and 5) and report nothing carried over this year
    assert [f.units for f in carry] == [("甲局",), ("乙局",)]
    assert "自然人本年0、上年2" in carry[0].message and "自然人本年0、上年5" in carry[1].message
    assert b.number(CARRIED_NATURAL) == 0


def test_next_years_roster_starts_from_this_one() -> None:
    ws = roster_ws()
    ws.files = [Collected("/x/a.ogir", "某某县教育局", "exact")]
    ws.include_with_errors = ["某某县教育局"]
    nxt = ws.next_year()
    assert nxt.year == 2022 and nxt.name == ws.name and nxt.units == ws.units and nxt.units[0] is not ws.units[0]
    assert nxt.files == [] and nxt.include_with_errors == []
