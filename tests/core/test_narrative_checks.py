"""Narrative ↔ table checks on paragraphs written the way real reports are."""
from __future__ import annotations

from decimal import Decimal

import pytest

from core.checks import run_checks
from core.model import Report
from core.storage import load
from tests.core.conftest import SAMPLE, shanghai_2019

A = "applications"


@pytest.fixture
def report():
    """Hand-built 2023 report: 新收 20 (15+5), 结转 2, 予以公开 8, 部分公开 3, 不予公开 3 (2+1),
    无法提供 5 (4+1), 不予处理 1, 结转下年 2; 行政复议 2, 行政诉讼 1; 规范性文件 制发 3、现行有效 25;
    收费 20.3 万元."""
    r = Report("某某市某某局", 2023)
    r.set_values({
        (A, "new", "natural"): 15, (A, "new", "commercial"): 5, (A, "carried_over", "natural"): 2,
        (A, "granted", "natural"): 8, (A, "partial", "natural"): 3,
        (A, "third_party", "natural"): 2, (A, "process_info", "natural"): 1,
        (A, "not_held", "natural"): 4, (A, "needs_creation", "commercial"): 1,
        (A, "repeated", "commercial"): 1, (A, "carry_forward", "natural"): 2,
        ("review", "cases", "recon_upheld"): 1, ("review", "cases", "recon_corrected"): 1,
        ("review", "cases", "direct_upheld"): 1,
        ("active", "normative", "issued"): 3, ("active", "normative", "in_force"): 25,
        ("active", "fees", "fee_amount"): Decimal("20.3"),
    })
    return r


def v9(report, text, section="overview"):
    report.set_text(section, text)
    return [f for f in run_checks(report) if f.rule in ("V9", "V16")]


MUST_WARN = [
    # (paragraph, expected table value, stated value)
    ("2023年，我单位共收到政府信息公开申请25件，上年结转2件。", 20, 25),
    ("全年予以公开及部分公开10件，均在法定期限内答复。", 11, 10),
    ("因本机关不掌握等原因无法提供4件。", 5, 4),
    ("全年发生政府信息公开行政复议3件，行政诉讼1件。", 2, 3),
    ("本年度制发行政规范性文件5件，现行有效行政规范性文件25件。", 3, 5),
    ("全年行政事业性收费20.5万元。", Decimal("20.3"), Decimal("20.5")),
    ("2023年，我局未收到政府信息公开申请。", 20, 0),
    ("结转下年度继续办理3件。", 2, 3),
]


@pytest.mark.parametrize("text,expected,stated", MUST_WARN)
def test_contradictions_are_reported_with_the_sentence(report, text, expected, stated):
    found = v9(report, text)
    assert len(found) == 1, [f.message for f in found]
    f = found[0]
    assert (Decimal(f.expected), Decimal(f.actual)) == (Decimal(expected), Decimal(stated))
    assert f.evidence and f.evidence in text and f.evidence in f.message
    assert "第1段" in f.message and not f.is_error and f.cells


MUST_NOT_WARN = [
    "2023年，我单位共收到政府信息公开申请20件，上年结转2件，办结20件，结转下年度继续办理2件。",
    "其中，予以公开8件，部分公开3件，不予公开3件，无法提供5件，不予处理1件。",
    "较上年收到政府信息公开申请15件有所增长，同比增长33%。",
    "不予公开3件，其中属于保护第三方合法权益不予公开2件。",
    "因涉及第三方合法权益不予公开2件，因属于过程性信息不予公开1件。",
    "申请办结率100%，平均办理时间为12个工作日，最短3至5个工作日。",
    "截至2023年12月31日，予以公开8件，群众满意率98.5%。",
    "2022年收到政府信息公开申请30件，本年数量有所下降。",
    "通过门户网站主动公开政府信息1200条，发布政策解读25篇。",
    "全年发生政府信息公开行政复议2件，行政诉讼1件，均已审结。",
    "现行有效行政规范性文件25件，本年度制发3件。",
    "公开信息共56条。其中，组织机构类信息4条，文件类信息4条，动态类信息43条，其他信息5条。",
]


@pytest.mark.parametrize("text", MUST_NOT_WARN)
def test_no_false_alarms(report, text):
    assert v9(report, text) == []


def test_prose_sum_that_does_not_add_up(report):
    text = "公开信息共56条。其中，组织机构类信息4条，文件类信息4条，动态类信息43条，财政预决算信息2条，其他信息4条。"
    (f,) = v9(report, text)
    assert f.rule == "V16" and (f.expected, f.actual) == (56, 57) and "共56条" in f.message


def test_incomplete_breakdown_is_not_flagged(report):
    assert v9(report, "主动公开信息共100条。其中，政策文件30条，政策解读20条。") == []


def test_shanghai_2019_prose_against_its_table():
    r = shanghai_2019()
    r.set_text("overview", "全年共收到政府信息公开申请859件，上年结转18件。予以公开及部分公开258件，"
                           "因本机关不掌握等原因无法提供265件。")
    found = sorted((f.expected, f.actual) for f in run_checks(r) if f.rule == "V9")
    assert found == [(275, 258), (337, 265)]


def test_seed_sample_has_no_false_warning():
    assert [f for f in run_checks(load(SAMPLE))] == []
