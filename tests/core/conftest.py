from __future__ import annotations

from pathlib import Path

import pytest

from core.model import Report

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "haizhu-2019.ogir"

A = "applications"


def shanghai_2019() -> Report:
    """Section 三 built from the published 上海 2019 figures quoted in the spec
    §3.2/§3.4: 一 859 (821+35+2+1), 二 18, （七） 805, 四 72; 自然人 column
    258+3+14+5+3+10+252+44+25+148+5 = 767; 予以公开 258+12+1+1; 无法提供
    (252+12+1)+(44+3)+25.  Where the spec does not say which column a figure
    sits in, a column is chosen so that every column balances."""
    r = Report("上海市人民政府办公厅", 2019)
    v = {
        (A, "new", "natural"): 821, (A, "new", "commercial"): 35, (A, "new", "research"): 2, (A, "new", "other_org"): 1,
        (A, "carried_over", "natural"): 18,
        (A, "granted", "natural"): 258, (A, "granted", "commercial"): 12, (A, "granted", "research"): 1,
        (A, "granted", "other_org"): 1,
        (A, "partial", "natural"): 3,
        (A, "third_party", "natural"): 14, (A, "internal_affairs", "natural"): 5, (A, "process_info", "natural"): 3,
        (A, "query_matter", "natural"): 10,
        (A, "not_held", "natural"): 252, (A, "not_held", "commercial"): 12, (A, "not_held", "research"): 1,
        (A, "needs_creation", "natural"): 44, (A, "needs_creation", "commercial"): 3,
        (A, "unclear", "natural"): 25,
        (A, "petition", "natural"): 148, (A, "petition", "commercial"): 8,
        (A, "repeated", "natural"): 5,
        (A, "carry_forward", "natural"): 72,
    }
    r.set_values(v)
    return r


@pytest.fixture
def shanghai() -> Report:
    return shanghai_2019()


def distinct_full_report(form_key: str = "2021") -> Report:
    """Every input cell holds a different non-zero value, so a shifted row or
    column cannot go unnoticed.  The 勾稽关系 is not meant to hold here."""
    from decimal import Decimal

    year = 2023 if form_key == "2021" else 2020
    r = Report("某某市某某局", year, form_key, date="2024-01-20", contact="电话：0000-12345678", compiler="某某市某某局")
    values = {}
    n = 1
    for ref, spec in r.form.cells.items():
        if spec.computed:
            continue
        values[ref] = Decimal(n) + Decimal("0.25") if not spec.domain.is_integer else n
        n += 1
    r.set_values(values)
    for s in r.form.narratives:
        r.set_text(s.key, f"{s.heading}的正文。\n（一）小标题\n正文第二段，信息处理费0元。")
    return r


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Long fuzz runs (marker "fuzz") only when asked for with -m fuzz."""
    if "fuzz" in (config.getoption("-m") or ""):
        return
    keep = [i for i in items if i.get_closest_marker("fuzz") is None]
    if len(keep) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i.get_closest_marker("fuzz") is not None])
        items[:] = keep
