"""`ogi-report consolidate`, `roster-template` and `send-templates`."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.cli import main
from core.consolidation.roster import roster_template_bytes
from core.storage import load

from .consolidation_helpers import RULES_ISSUED, roster_ws, unit_report, write


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    p = tmp_path / "名单.xlsx"
    p.write_bytes(roster_template_bytes(roster_ws()))
    return p


def test_consolidate_writes_drafts_workbook_and_status(tmp_path: Path, roster: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from core.export.excel import export_xlsx

    got = tmp_path / "收到"
    got.mkdir()
    write(unit_report("某某县教育局", issued=2), got, "a.ogir")
    export_xlsx(unit_report("某某镇人民政府", issued=5), got / "c.xlsx", [])  # a filled Excel attachment
    out = tmp_path / "out"
    assert main(["consolidate", str(roster), str(got), "-o", str(out), "--name", "某某县人民政府"]) == 0
    text = capsys.readouterr().out
    assert "未收到：某某县财政局" in text
    assert load(out / "本级汇总.ogir").number(RULES_ISSUED) == 2
    assert load(out / "全行政区域汇总.ogir").number(RULES_ISSUED) == 2 + 5
    wb = load_workbook(out / "汇总.xlsx")
    assert wb.sheetnames[:3] == ["汇总", "本级 表二 主动公开", "本级 表三 申请情况"]
    assert {"报送情况", "问题清单", "某某县教育局", "某某镇人民政府"} <= set(wb.sheetnames)
    row = next(r for r in wb["汇总"].iter_rows(values_only=True) if r[1] == "第二十条第（一）项 规章 / 本年制发件数")
    assert row[2:4] == (2, 7)
    with open(out / "报送情况.csv", encoding="utf-8-sig") as fh:
        status = {r[0]: r for r in csv.reader(fh)}
    assert status["某某县财政局"][4] == "未收到" and status["某某镇人民政府"][5] == "Excel附表"
    assert (out / "汇总.ogiw").exists()


def test_exit_1_when_an_included_unit_has_errors(tmp_path: Path, roster: Path) -> None:
    bad = unit_report("某某县教育局", issued=2)
    bad.set_value(("applications", "new", "natural"), 3)  # unbalanced
    write(bad, tmp_path, "a.ogir")
    out = tmp_path / "out"
    assert main(["consolidate", str(roster), str(tmp_path / "a.ogir"), "-o", str(out)]) == 0  # excluded
    assert main(["consolidate", str(roster), str(tmp_path / "a.ogir"), "-o", str(out), "--include", "某某县教育局"]) == 1


def test_mixed_format_refused(tmp_path: Path, roster: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(unit_report("某某县教育局", issued=2), tmp_path, "a.ogir")
    write(unit_report("某某县财政局", 2021, form_key="2019"), tmp_path, "b.ogir")
    code = main(["consolidate", str(roster), str(tmp_path / "a.ogir"), str(tmp_path / "b.ogir"), "-o",
                 str(tmp_path / "out"), "--include", "某某县财政局"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "某某县财政局" in err and "Traceback" not in err


def test_hostile_roster_and_empty_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "名单.xlsx"
    junk.write_bytes(b"\x00" * 100)
    (tmp_path / "a.ogir").write_bytes(b"")
    assert main(["consolidate", str(junk), str(tmp_path / "a.ogir"), "-o", str(tmp_path / "o")]) == 2
    assert "错误：" in capsys.readouterr().err


def test_roster_template_and_send_templates(tmp_path: Path, roster: Path) -> None:
    blank = tmp_path / "空名单.xlsx"
    assert main(["roster-template", str(blank)]) == 0
    assert load_workbook(blank)["单位名单"]["A1"].value == "单位名称"
    assert main(["send-templates", str(roster), "--year", "2022", "-o", str(tmp_path / "发出")]) == 0
    assert len(list((tmp_path / "发出").glob("*.xlsx"))) == 3
    assert main(["send-templates", str(roster), "-o", str(tmp_path / "x")]) == 2  # year missing


def test_last_year_workspace_feeds_cross_year_checks(tmp_path: Path, roster: Path) -> None:
    last = tmp_path / "2021"
    last.mkdir()
    write(unit_report("某某县教育局", 2021, issued=2, applications=4), last, "a.ogir")  # 4 carried forward
    assert main(["consolidate", str(roster), str(last), "-o", str(tmp_path / "out2021")]) == 0
    now = tmp_path / "2022"
    now.mkdir()
    write(unit_report("某某县教育局", 2022, issued=2, applications=4), now, "a.ogir")  # the same numbers again
    out = tmp_path / "out2022"
    assert main(["consolidate", str(roster), str(now), "-o", str(out),
                 "--last-year", str(tmp_path / "out2021" / "汇总.ogiw")]) == 0
    rules = {r[1] for r in load_workbook(out / "汇总.xlsx")["问题清单"].iter_rows(min_row=2, values_only=True)}
    assert {"X-SAME", "X-CARRY"} <= rules
