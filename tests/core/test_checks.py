from __future__ import annotations

from decimal import Decimal

from core.checks import run_checks
from core.model import Report
from tests.core.conftest import A


def rules(findings, severity="error"):
    return [f for f in findings if f.severity.value == severity]


def test_shanghai_2019_balances(shanghai):
    # 一 859 + 二 18 = （七）805 + 四 72 in every column
    assert [f for f in run_checks(shanghai) if f.rule.startswith("R-")] == []


def test_one_wrong_cell_fails_exactly_its_column(shanghai):
    shanghai.set_value((A, "carry_forward", "commercial"), 1)
    errors = rules(run_checks(shanghai))
    assert {(f.rule, f.cells[0][2]) for f in errors} == {("R-3.1", "commercial"), ("R-3.1", "total")}
    commercial = next(f for f in errors if f.cells[0][2] == "commercial")
    assert commercial.expected == 35  # 一 35 + 二 0
    assert commercial.actual == 36  # （七）35 + 四 1
    assert set(commercial.cells) == {(A, r, "commercial") for r in ("new", "carried_over", "results_total", "carry_forward")}
    assert "商业企业" in commercial.message and "勾稽关系" in commercial.message
    total = next(f for f in errors if f.cells[0][2] == "total")
    assert (total.expected, total.actual) == (877, 878)


def test_fixing_the_cell_clears_the_finding(shanghai):
    shanghai.set_value((A, "carry_forward", "commercial"), 1)
    shanghai.set_value((A, "carry_forward", "commercial"), None)
    assert rules(run_checks(shanghai)) == []


def test_reported_totals_are_compared():
    r = Report("某局", 2022)
    r.replace_all(
        {(A, "new", "natural"): 3, (A, "new", "commercial"): 4, ("review", "cases", "recon_upheld"): 2},
        {(A, "new", "total"): 8, ("review", "cases", "recon_total"): 2, (A, "granted", "total"): 0},
    )
    errors = rules(run_checks(r))
    totals = [f for f in errors if f.rule == "R-3.2"]
    assert len(totals) == 1
    assert (totals[0].expected, totals[0].actual) == (7, 8)
    assert totals[0].cells[0] == (A, "new", "total")
    assert not [f for f in errors if f.rule == "R-4.1"]
    # editing an input the stated total depends on hands the total back to the app
    r.set_value((A, "new", "research"), 1)
    assert not [f for f in run_checks(r) if f.rule == "R-3.2"]


def test_results_total_rule_id():
    r = Report("某局", 2022)
    r.replace_all({(A, "granted", "natural"): 3}, {(A, "results_total", "natural"): 4})
    (f,) = [f for f in run_checks(r) if f.rule == "R-3.3"]
    assert (f.expected, f.actual) == (3, 4)


def test_domain_violations_from_a_file():
    r = Report("某局", 2019)
    r.replace_all({
        (A, "new", "natural"): -2,
        ("active", "licensing", "change"): -8,  # signed: fine
        ("active", "procurement", "procurement_amount"): Decimal("1.23456"),
    })
    dom = [f for f in run_checks(r) if f.rule == "R-0"]
    assert {f.cells[0] for f in dom} == {(A, "new", "natural"), ("active", "procurement", "procurement_amount")}
    assert all(f.is_error for f in dom)


def test_form_year_mismatch():
    r = Report("某局", 2022, "2019")
    (f,) = [f for f in run_checks(r) if f.rule == "V6"]
    assert f.is_error and "2022" in f.message and "2021年版格式" in f.message
    r.set_meta("form_key", "2021")
    assert not [f for f in run_checks(r) if f.rule == "V6"]


def test_narrative_warnings():
    r = Report("某局", 2022)
    empty = [f for f in run_checks(r) if f.rule == "V12"]
    assert {f.section for f in empty} == {"overview", "problems", "other"}
    assert all(not f.is_error for f in empty)
    r.set_text("other", "无其他需要报告的事项。")
    (fee,) = [f for f in run_checks(r) if f.rule == "V10"]
    assert fee.section == "other" and not fee.is_error
    r.set_text("other", "本年度未收取信息处理费。")
    assert not [f for f in run_checks(r) if f.rule == "V10"]
    # the 2019 format has no such requirement
    r2 = Report("某局", 2020)
    r2.set_text("other", "无其他需要报告的事项。")
    assert not [f for f in run_checks(r2) if f.rule == "V10"]


def test_missing_agency_is_an_error():
    r = Report("  ", 2022)
    assert [f.rule for f in rules(run_checks(r))] == ["V13"]
