"""汇总 sums, status and refusals, against totals computed by hand."""
from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

from core.consolidation import Collected, Unit, Workspace
from core.consolidation.session import Consolidation, add_paths, read_all
from core.consolidation.status import MISSING, RECEIVED, UNREADABLE
from core.consolidation.sums import LOCAL, REGION

from .consolidation_helpers import (
    FEES,
    NEW_TOTAL,
    RULES_IN_FORCE,
    RULES_ISSUED,
    roster_ws,
    unit_report,
    write,
)


def _run(ws: Workspace, folder: Path) -> Consolidation:
    add_paths(ws, [folder])
    return Consolidation(ws, read_all(f.path for f in ws.files))


def _three_units(tmp_path: Path) -> Consolidation:
    write(unit_report("某某县教育局", issued=2, in_force=10, fees="1.5", applications=1), tmp_path, "a.ogir")
    write(unit_report("某某县财政局", issued=3, in_force=1, applications=2), tmp_path, "b.ogir")
    write(unit_report("某某镇人民政府", issued=5, in_force=4, fees="0.25", applications=3), tmp_path, "c.ogir")
    return _run(roster_ws(), tmp_path)


def test_sums_by_scope_match_hand_totals(tmp_path: Path) -> None:
    c = _three_units(tmp_path)
    assert c.sums is not None and not c.error
    # 本级 = 教育局 + 财政局 (the town is not in 本级); 全行政区域 = 教育局 + 镇 (财政局 is 本级 only)
    local, region = c.sums.report(LOCAL), c.sums.report(REGION)
    assert local.number(RULES_ISSUED) == 2 + 3 and region.number(RULES_ISSUED) == 2 + 5
    assert local.number(RULES_IN_FORCE) == 10 + 1 and region.number(RULES_IN_FORCE) == 10 + 4
    assert local.number(NEW_TOTAL) == 1 + 2 and region.number(NEW_TOTAL) == 1 + 3
    assert local.number(FEES) == Decimal("1.5") and region.number(FEES) == Decimal("1.75")
    assert c.sums.total(REGION, NEW_TOTAL) == 4
    # drill-down: the units behind a number, in roster order
    assert c.sums.drill(REGION, RULES_ISSUED) == [("某某县教育局", 2), ("某某镇人民政府", 5)]
    assert c.sums.drill(LOCAL, NEW_TOTAL) == [("某某县教育局", 1), ("某某县财政局", 2)]
    # stocks are named as stocks; the result is a normal draft
    meta = region.extra["consolidation"]
    assert "active/rules/in_force" in meta["stocks"] and meta["units"] == ["某某县教育局", "某某镇人民政府"]
    assert "存量" in region.texts["other"] and "现行有效件数" in region.texts["other"]
    assert not c.has_errors


def test_sum_drafts_save_and_reload(tmp_path: Path) -> None:
    from core.storage import load, save

    c = _three_units(tmp_path)
    assert c.sums is not None
    out = tmp_path / "out"
    out.mkdir()
    save(c.sums.report(REGION), out / "r.ogir")
    again = load(out / "r.ogir")
    assert again.number(RULES_ISSUED) == 7 and again.extra["consolidation"]["scope"] == REGION


def test_yuan_and_wanyuan_mixed(tmp_path: Path) -> None:
    proc = ("active", "procurement", "procurement_amount")  # 2019 format: unit choice 万元/元
    a = unit_report("某某县教育局", 2020)
    a.set_value(proc, Decimal("12345"))
    a.set_unit(proc, "元")
    b = unit_report("某某县财政局", 2020)
    b.set_value(proc, Decimal("2.5"))
    write(a, tmp_path, "a.ogir")
    write(b, tmp_path, "b.ogir")
    c = _run(roster_ws(2020), tmp_path)
    assert c.sums is not None
    # 12345 元 = 1.2345 万元; + 2.5 万元
    assert c.sums.report(LOCAL).number(proc) == Decimal("3.7345")
    assert c.sums.report(LOCAL).unit(proc) == "万元"
    assert c.sums.drill(LOCAL, proc) == [("某某县教育局", Decimal("1.2345")), ("某某县财政局", Decimal("2.5"))]


def test_mixed_formats_refused_naming_the_unit(tmp_path: Path) -> None:
    write(unit_report("某某县教育局", issued=1), tmp_path, "a.ogir")
    write(unit_report("某某县财政局", 2021, form_key="2019"), tmp_path, "b.ogir")
    ws = roster_ws()
    c = _run(ws, tmp_path)
    row = c.board.row("某某县财政局")
    assert row is not None and row.state == RECEIVED and not row.included
    assert any("2019年版" in e for e in row.errors)
    assert c.board.excluded_with_errors == ["某某县财政局"]
    # The user includes it anyway: the sum is refused with a message naming the unit.
    ws.include_with_errors.append("某某县财政局")
    c.refresh()
    assert c.sums is None and "某某县财政局" in c.error and "不能" in c.error
    assert c.has_errors


def test_units_with_errors_only_when_confirmed(tmp_path: Path) -> None:
    bad = unit_report("某某县教育局", issued=4)
    bad.set_value(("applications", "new", "natural"), 9)  # unbalanced: 一 + 二 ≠ （七） + 四
    write(bad, tmp_path, "a.ogir")
    write(unit_report("某某县财政局", issued=3), tmp_path, "b.ogir")
    ws = roster_ws()
    c = _run(ws, tmp_path)
    assert c.sums is not None and c.sums.report(LOCAL).number(RULES_ISSUED) == 3
    assert not c.has_errors
    ws.include_with_errors.append("某某县教育局")
    c.refresh()
    assert c.sums is not None and c.sums.report(LOCAL).number(RULES_ISSUED) == 3 + 4
    assert c.has_errors and c.board.included_with_errors == ["某某县教育局"]
    assert "某某县教育局" in c.sums.report(LOCAL).texts["other"]


def test_missing_duplicates_and_unmatched(tmp_path: Path) -> None:
    old = write(unit_report("某某县教育局", issued=1), tmp_path, "a-old.ogir")
    os.utime(old, (1_600_000_000, 1_600_000_000))
    write(unit_report("某某县教育局", issued=6), tmp_path, "a-new.ogir")
    write(unit_report("某某县水务局", issued=9), tmp_path, "x.ogir")
    c = _run(roster_ws(), tmp_path)
    row = c.board.row("某某县教育局")
    assert row is not None and row.duplicates == [str(old)] and "收到2份文件" in row.warnings[0]
    assert c.sums is not None and c.sums.report(REGION).number(RULES_ISSUED) == 6
    assert c.board.missing == ["某某县财政局", "某某镇人民政府"]
    assert [Path(r.path).name for r in c.board.unmatched] == ["x.ogir"]
    assert c.board.row("某某县财政局").state == MISSING  # type: ignore[union-attr]


def test_replacing_one_file_resums(tmp_path: Path) -> None:
    from core.consolidation.collect import read_file

    c = _three_units(tmp_path)
    new = write(unit_report("某某镇人民政府", issued=50), tmp_path / ".." / tmp_path.name, "c2.ogir")
    c.replace_file("某某镇人民政府", read_file(new))
    assert c.sums is not None and c.sums.report(REGION).number(RULES_ISSUED) == 2 + 50
    assert c.sums.report(LOCAL).number(RULES_ISSUED) == 2 + 3
    assert [f.path for f in c.ws.files_of("某某镇人民政府")] == [str(new)]


def test_hostile_files_give_chinese_messages(tmp_path: Path) -> None:
    (tmp_path / "empty.ogir").write_bytes(b"")
    (tmp_path / "garbage.xlsx").write_bytes(b"PK\x03\x04not really a zip")
    (tmp_path / "garbage.pdf").write_bytes(b"%PDF-1.4 nothing")
    (tmp_path / "junk.html").write_bytes(b"\xff\xfe\x00<html>")
    ws = Workspace(2021, "", [Unit("某某县教育局")])
    readings = read_all(str(p) for p in sorted(tmp_path.iterdir()))
    for r in readings.values():
        assert r.report is None and r.problem
        assert any("\u4e00" <= ch <= "\u9fff" for ch in r.problem), r.problem
    # A file that could not be read but was given for a unit shows as 无法读取.
    ws.files = [Collected(str(tmp_path / "empty.ogir"), "某某县教育局", "manual")]
    c = Consolidation(ws, readings)
    row = c.board.row("某某县教育局")
    assert row is not None and row.state == UNREADABLE and row.errors and not row.included
    assert c.sums is not None and c.sums.report(LOCAL).number(RULES_ISSUED) == 0
