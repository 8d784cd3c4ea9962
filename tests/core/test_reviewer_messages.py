"""Messages a reviewer reads (issue 11, points 12-14)."""
from __future__ import annotations

import json

from core.checks import findings_to_json, run_checks
from core.cli import main
from core.model import Report
from core.storage import save

A = "applications"


def test_corner_cell_names_the_rule_that_failed_with_its_own_numbers():
    r = Report("某局", 2022)
    inputs = {(A, "granted", "natural"): 26, (A, "granted", "commercial"): 1}
    # the stated （七）总计 row adds up (20 + 1 = 21); the 总计 column of （一）-（六）
    # adds up to 27: the corner breaks, not
    stated = {(A, "results_total", "natural"): 20, (A, "results_total", "commercial"): 1,
              (A, "results_total", "total"): 21}
    r.replace_all(inputs, stated)
    corner = [f for f in run_checks(r) if f.cells and f.cells[0] == (A, "results_total", "total")]
    assert len(corner) == 1
    (f,) = corner
    assert f.rule == "R-3.3"  # the column rule, not
    assert (f.expected, f.actual) == (27, 21)
    assert "填写为21，但各项之和为27" in f.message and "（七）总计等于（一）至（六）各项之和" in f.message


def test_corner_cell_row_direction():
    r = Report("某局", 2022)
    r.replace_all({(A, "granted", "natural"): 5},
                  {(A, "results_total", "natural"): 5, (A, "results_total", "total"): 6, (A, "granted", "total"): 6})
    corner = [f for f in run_checks(r) if f.cells and f.cells[0] == (A, "results_total", "total")]
    (f,) = corner
    assert f.rule == "R-3.2" and (f.expected, f.actual) == (5, 6)


def test_json_findings_carry_key_and_sentence():
    r = Report("某局", 2022)
    r.set_text("overview", "本年度共收到政府信息公开申请15件。")
    r.set_value((A, "new", "natural"), 3)
    data = findings_to_json(run_checks(r))["findings"]
    narrative = [f for f in data if f["rule"] == "V9"]
    assert narrative and narrative[0]["sentence"] == "本年度共收到政府信息公开申请15件。"
    assert all(f["key"].startswith(f["rule"] + ":") for f in data)


def test_validate_json_cli(tmp_path, capsys):
    r = Report("某局", 2022)
    r.set_text("overview", "本年度共收到政府信息公开申请15件。")
    save(r, tmp_path / "a.ogir")
    main(["validate", str(tmp_path / "a.ogir"), "--json"])
    data = json.loads(capsys.readouterr().out)["findings"]
    assert any(f["sentence"] == "本年度共收到政府信息公开申请15件。" for f in data)


def test_import_xlsx_exits_1_when_the_data_has_errors(tmp_path, capsys):
    from core.export.excel import export_xlsx
    from core.storage import load

    r = Report("某局", 2022)
    r.set_value((A, "new", "natural"), 5)  # 一 = 5 but （七）+ 四 = 0
    export_xlsx(r, tmp_path / "a.xlsx", run_checks(r))
    code = main(["import-xlsx", str(tmp_path / "a.xlsx"), "-o", str(tmp_path / "a.ogir")])
    assert code == 1
    assert load(tmp_path / "a.ogir").value((A, "new", "natural")) == 5  # the draft is still written
    r.set_value((A, "carry_forward", "natural"), 5)
    export_xlsx(r, tmp_path / "b.xlsx", run_checks(r))
    assert main(["import-xlsx", str(tmp_path / "b.xlsx"), "-o", str(tmp_path / "b.ogir")]) == 0
