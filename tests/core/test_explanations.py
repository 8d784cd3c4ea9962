from __future__ import annotations

from io import BytesIO

from openpyxl import load_workbook

from core.carry import new_from_previous
from core.checks import run_checks
from core.export.excel import xlsx_bytes
from core.model import Explanation, Report
from core.storage import load, save

A = "applications"


def _report_with_carry_warning() -> Report:
    last = Report("某局", 2022)
    last.set_value((A, "carry_forward", "natural"), 4)
    r = new_from_previous(last).report
    r.set_value((A, "carried_over", "natural"), 6)  # 2 more after a merger
    return r


def test_explained_warning_survives_save_and_lapses_when_numbers_change(tmp_path):
    r = _report_with_carry_warning()
    (f,) = [f for f in run_checks(r) if f.rule == "V7"]
    r.explain(f.key, Explanation("机构合并，接收原某某局结转申请2件。", f.expected, f.actual))
    (f,) = [f for f in run_checks(r) if f.rule == "V7"]
    assert f.explanation == "机构合并，接收原某某局结转申请2件。" and not f.is_open
    p = tmp_path / "x.ogir"
    save(r, p)
    again = load(p)
    (f,) = [f for f in run_checks(again) if f.rule == "V7"]
    assert f.explanation == "机构合并，接收原某某局结转申请2件。"
    # the Excel 校验 sheet lists it as 已核实 with the note
    rows = list(load_workbook(BytesIO(xlsx_bytes(again, run_checks(again))))["校验"].iter_rows(min_row=2, values_only=True))
    row = next(r for r in rows if r[0] == "V7")
    assert row[1] == "已核实" and row[6] == "机构合并，接收原某某局结转申请2件。"
    # change the cell: the warning is back
    again.set_value((A, "carried_over", "natural"), 7)
    (f,) = [f for f in run_checks(again) if f.rule == "V7"]
    assert f.explanation is None and f.is_open


def test_errors_cannot_be_explained():
    r = Report("某局", 2023)
    r.set_value((A, "new", "natural"), 3)
    err = next(f for f in run_checks(r) if f.is_error)
    r.explain(err.key, Explanation("不需要", err.expected, err.actual))
    again = next(f for f in run_checks(r) if f.key == err.key)
    assert again.explanation is None and again.is_open
