"""Cross-year relations are declared once in core/forms (FromLastYear,
RunningStock); carry-over and the V7/V8 checks follow the declarations."""
from __future__ import annotations

from core.carry import new_from_previous
from core.checks import run_checks
from core.forms import FORMS
from core.forms.crossyear import carried_pairs, shared_relations, stock_rows
from core.forms.schema import FromLastYear, RunningStock
from core.model import Report
from core.records import replace

A = "applications"


def findings(report, rule):
    return [f for f in run_checks(report) if f.rule == rule]


def test_the_declared_relations_of_both_formats():
    f2019, f2021 = FORMS["2019"], FORMS["2021"]
    carry = FromLastYear("V7", A, "carried_over", "carry_forward")
    assert carry in f2019.cross_year and carry in f2021.cross_year
    # 三: 自然人 and the five kinds of 法人或其他组织 are inputs; 总计 is derived, not carried
    pairs = carried_pairs(carry, f2021)
    assert len(pairs) == 6 and ((A, "carried_over", "natural"), (A, "carry_forward", "natural")) in pairs
    assert all(here[2] != "total" for here, _ in pairs)
    # across a change of format only what both formats declare links the years
    assert shared_relations(f2021, f2019) == (carry,)
    assert len(shared_relations(f2019, f2019)) == 2 and shared_relations(f2021, None) == ()
    stock = next(r for r in f2021.cross_year if isinstance(r, RunningStock))
    assert stock_rows(stock, f2021) == ["rules", "normative"]


def test_v8_messages_follow_the_declaration():
    r2019 = Report("某局", 2019)
    r2019.set_values({("active", "licensing", "prev_count"): 10, ("active", "licensing", "change"): -2})
    r2020 = new_from_previous(r2019).report
    assert r2020.value(("active", "licensing", "prev_count")) == 8  # 10 + (−2), carried
    r2020.set_value(("active", "licensing", "prev_count"), 9)
    (v8,) = findings(r2020, "V8")
    assert v8.message.endswith("上一年项目数量为9，按上年报告的上一年项目数量加本年增/减推算应为8。核实无误可标记为已核实。")

    r2021 = Report("某局", 2021)
    r2021.set_value(("active", "normative", "in_force"), 20)
    r2022 = new_from_previous(r2021).report
    assert r2022.value(("active", "normative", "in_force")) is None  # depends on this year's figures: not carried
    r2022.set_values({("active", "normative", "issued"): 3, ("active", "normative", "repealed"): 1,
                      ("active", "normative", "in_force"): 30})
    (v8,) = findings(r2022, "V8")
    assert (v8.expected, v8.actual, v8.section) == (22, 30, "active")  # 20 + 3 − 1
    assert v8.message.startswith("表二“")
    assert v8.message.endswith("现行有效件数为30，按上年现行有效件数20加本年制发件数、减本年废止件数推算应为22。"
                               "这是合理性提示：修订、当年制发又废止、重新清理等情况会造成差异，核实无误可标记为已核实。")


def test_a_relation_declared_in_the_form_alone_is_carried_and_checked(monkeypatch):
    """What a third format would do: declare, and touch nothing else."""
    extra = FromLastYear("V7", "review", "cases", "cases")  # (not a real rule: only to see it derived)
    form = replace(FORMS["2021"], cross_year=(*FORMS["2021"].cross_year, extra))
    monkeypatch.setitem(FORMS, "2021", form)
    last = Report("某局", 2022)
    last.set_value(("review", "cases", "recon_upheld"), 6)
    this = new_from_previous(last).report
    assert this.value(("review", "cases", "recon_upheld")) == 6
    this.set_value(("review", "cases", "recon_upheld"), 2)
    (v7,) = [f for f in findings(this, "V7") if f.cells[0][0] == "review"]
    assert (v7.expected, v7.actual, v7.section) == (6, 2, "review")
