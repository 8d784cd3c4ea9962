"""R-3.1 findings say which side is larger and by how much, with the cells on
each side, and (in an editing session) which single edit broke the column."""
from __future__ import annotations

from core.checks import BalanceHistory, run_checks
from core.model import Report

A = "applications"
NEW, CARRIED = "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"
RESULTS, FORWARD = "三、本年度办理结果 （七）总计", "四、结转下年度继续办理"


def balance_findings(findings, column):
    return [f for f in findings if f.rule == "R-3.1" and f.cells[0][2] == column]


def test_left_side_larger_states_the_difference_and_the_cells():
    r = Report("某局", 2021)
    r.set_values({(A, "carried_over", "natural"): 13, (A, "granted", "natural"): 8})
    (f,) = balance_findings(run_checks(r), "natural")
    # 0 + 13 = 13 against 8 + 0 = 8: the first side exceeds the second by 5
    assert "表三 申请情况“自然人”列：第一项加第二项之和比第三项加第四项之和多 5，两者应相等" in f.message
    assert f"第一项加第二项：{NEW} 0 + {CARRIED} 13 = 13" in f.message
    assert f"第三项加第四项：{RESULTS} 8 + {FORWARD} 0 = 8" in f.message
    assert (f.expected, f.actual) == (13, 8)


def test_right_side_larger_says_so():
    r = Report("某局", 2021)
    r.set_values({(A, "new", "research"): 4, (A, "granted", "research"): 6, (A, "carry_forward", "research"): 1})
    (f,) = balance_findings(run_checks(r), "research")
    # 4 + 0 = 4 against 6 + 1 = 7
    assert "第三项加第四项之和比第一项加第二项之和多 3" in f.message


def balanced_report() -> Report:
    r = Report("某局", 2021)
    r.set_values({(A, "new", "natural"): 20, (A, "carried_over", "natural"): 8,
                  (A, "granted", "natural"): 25, (A, "carry_forward", "natural"): 3})
    return r


def test_the_one_edit_that_broke_a_balanced_column_is_named():
    r = balanced_report()
    history = BalanceHistory()
    assert not balance_findings(history.annotate(r, run_checks(r)), "natural")
    r.set_values({(A, "carried_over", "natural"): 13})
    findings = history.annotate(r, run_checks(r))
    note = f"最近修改的是 {CARRIED} / 申请人情况 自然人：8 → 13。"
    (f,) = balance_findings(findings, "natural")
    assert "多 5" in f.message and f.message.endswith(note)
    # the 总计 column broke by the same edit
    (total,) = balance_findings(findings, "total")
    assert total.message.endswith(note)


def test_no_note_when_two_cells_changed_or_nothing_was_balanced_before():
    r = balanced_report()
    history = BalanceHistory()
    history.annotate(r, run_checks(r))
    r.set_values({(A, "carried_over", "natural"): 13, (A, "granted", "natural"): 26})
    (f,) = balance_findings(history.annotate(r, run_checks(r)), "natural")
    assert "最近修改的是" not in f.message

    fresh = BalanceHistory()  # a report opened unbalanced
    (g,) = balance_findings(fresh.annotate(r, run_checks(r)), "natural")
    assert "最近修改的是" not in g.message


def test_a_cleared_cell_is_named_as_empty():
    r = balanced_report()
    history = BalanceHistory()
    history.annotate(r, run_checks(r))
    r.set_values({(A, "carry_forward", "natural"): None})
    (f,) = balance_findings(history.annotate(r, run_checks(r)), "natural")
    assert f.message.endswith(f"最近修改的是 {FORWARD} / 申请人情况 自然人：3 → 空。")
