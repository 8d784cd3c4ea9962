from __future__ import annotations

from decimal import Decimal

import pytest

from core.model import Change, ReadOnlyCell, Report
from tests.core.conftest import A

R = "review"


def test_totals_are_computed_from_inputs(shanghai):
    # hand-computed from the spec's 上海 2019 figures
    assert shanghai.value((A, "new", "total")) == 859
    assert shanghai.value((A, "results_total", "natural")) == 767
    assert shanghai.value((A, "results_total", "commercial")) == 35
    assert shanghai.value((A, "results_total", "total")) == 805
    assert shanghai.value((A, "carry_forward", "total")) == 72
    assert shanghai.value((A, "granted", "total")) == 258 + 12 + 1 + 1


def test_review_block_totals():
    r = Report("某局", 2019)
    r.set_values({(R, "cases", "recon_upheld"): 5, (R, "cases", "recon_pending"): 2,
                  (R, "cases", "direct_upheld"): 8, (R, "cases", "direct_pending"): 1})
    assert r.value((R, "cases", "recon_total")) == 7
    assert r.value((R, "cases", "direct_total")) == 9
    assert r.value((R, "cases", "after_total")) == 0


def test_computed_cells_cannot_be_set():
    r = Report("某局", 2022)
    with pytest.raises(ReadOnlyCell, match="自动计算"):
        r.set_value((A, "results_total", "natural"), 3)
    with pytest.raises(ReadOnlyCell):
        r.set_value((A, "nonexistent", "natural"), 3)


def test_blank_counts_as_zero_but_stays_blank():
    r = Report("某局", 2022)
    assert r.value((A, "new", "natural")) is None
    assert r.number((A, "new", "natural")) == 0
    assert r.value((A, "new", "total")) == 0


def test_change_notification_names_exactly_the_affected_cells():
    r = Report("某局", 2022)
    seen: list[Change] = []
    r.subscribe(seen.append)
    r.set_value((A, "granted", "research"), 4)
    assert len(seen) == 1 and seen[0].kind == "cells"
    assert seen[0].cells == {
        (A, "granted", "research"),
        (A, "granted", "total"),
        (A, "results_total", "research"),
        (A, "results_total", "total"),
    }
    r.set_value((A, "granted", "research"), 4)  # no change, no event
    assert len(seen) == 1


def test_set_values_returns_previous_for_undo():
    r = Report("某局", 2022)
    r.set_value((A, "new", "natural"), 1)
    prev = r.set_values({(A, "new", "natural"): 5, (A, "new", "research"): 2})
    assert prev == {(A, "new", "natural"): 1, (A, "new", "research"): None}
    r.set_values(prev)
    assert r.value((A, "new", "natural")) == 1 and r.value((A, "new", "research")) is None


def test_form_follows_year_and_switch_keeps_values():
    r = Report("某局", 2020)
    assert r.form.key == "2019"
    r.set_value(("active", "procurement", "procurement_count"), 13)
    r.set_value((A, "new", "natural"), 7)
    r.set_meta("form_key", "2021")
    assert r.form.key == "2021"
    assert r.value((A, "new", "natural")) == 7  # exists in both
    r.set_meta("form_key", "2019")
    assert r.value(("active", "procurement", "procurement_count")) == 13


def test_amount_unit_choice():
    r = Report("某局", 2019)
    ref = ("active", "procurement", "procurement_amount")
    assert r.unit(ref) == "万元"
    r.set_unit(ref, "元")
    assert r.unit(ref) == "元"
    with pytest.raises(ValueError):
        r.set_unit(ref, "美元")
    r.set_value(ref, Decimal("2429.9828"))
    assert r.value(ref) == Decimal("2429.9828")


def test_title():
    assert Report("广州市海珠区政务服务数据管理局", 2019).title == "广州市海珠区政务服务数据管理局2019年政府信息公开工作年度报告"


@pytest.mark.parametrize(("year", "month", "expected"), [
    (2027, 1, 2026),   # January: the report due on 31 January, for last year
    (2027, 3, 2026),
    (2026, 10, 2025),
    (2026, 11, 2026),  # November: offices start drafting this year's report
    (2026, 12, 2026),
])
def test_default_report_year_follows_the_filing_season(year, month, expected):
    from core.model import default_report_year

    assert default_report_year(year, month) == expected
