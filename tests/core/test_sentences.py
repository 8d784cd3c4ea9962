"""Sentences from the numbers, word for word.

Every expected text below is typed by hand from the numbers put into the
tables (sums worked out in the comments), never taken from the program.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from core.checks import run_checks
from core.forms.schema import CellRef, Number
from core.model import Report
from core.sentences import all_passages, passage_text
from core.storage import load

SAMPLE = Path(__file__).resolve().parents[2] / "resources/samples/haizhu-2019.ogir"
A = "applications"
COLS = ("natural", "commercial", "research", "nonprofit", "legal_service", "other_org")
ROWS_2021 = ("new", "carried_over", "granted", "partial", "state_secret", "prohibited_by_law", "three_safety",
             "third_party", "internal_affairs", "process_info", "enforcement_file", "query_matter", "not_held",
             "needs_creation", "unclear", "petition", "repeated", "publication", "excessive", "confirmation",
             "no_correction", "fee_unpaid", "other_reason", "carry_forward")
ROWS_2019 = (*ROWS_2021[:20], "other_handling", "carry_forward")


def _applications(rows: tuple[str, ...]) -> dict[CellRef, Number]:
    # Row r (1-based) column c (1-based) holds 100r + c: every cell distinct and
    # non-zero; a row's total is 600r + 21.
    return {(A, row, col): 100 * r + c for r, row in enumerate(rows, start=1) for c, col in enumerate(COLS, start=1)}


REVIEW: dict[CellRef, Number] = {
    ("review", "cases", key): v
    for v, key in enumerate(
        [f"{b}_{o}" for b in ("recon", "direct", "after") for o in ("upheld", "corrected", "other", "pending")],
        start=1)
}

ACTIVE_2021: dict[CellRef, Number] = {
    ("active", "rules", "issued"): 1, ("active", "rules", "repealed"): 2, ("active", "rules", "in_force"): 30,
    ("active", "normative", "issued"): 4, ("active", "normative", "repealed"): 5,
    ("active", "normative", "in_force"): 60,
    ("active", "licensing", "decisions"): 700, ("active", "penalty", "decisions"): 80,
    ("active", "enforcement", "decisions"): 9, ("active", "fees", "fee_amount"): Decimal("20.3"),
}

ACTIVE_2019: dict[CellRef, Number] = {
    ("active", row, col): v
    for v, (row, col) in enumerate(
        [(r, c) for r in ("rules", "normative") for c in ("made", "published", "public_total")]
        + [(r, c) for r in ("licensing", "other_services", "penalty", "enforcement")
           for c in ("prev_count", "change", "decisions")]
        + [("fees", "prev_count"), ("fees", "change"), ("procurement", "procurement_count")],
        start=1)
} | {("active", "procurement", "procurement_amount"): Decimal("22.5")}


def _report(year: int, values: dict[CellRef, Number]) -> Report:
    report = Report("某某县人民政府办公室", year)
    report.replace_all(values)
    return report


def _full_2021() -> Report:
    return _report(2023, _applications(ROWS_2021) | REVIEW | ACTIVE_2021)


def _full_2019() -> Report:
    return _report(2020, _applications(ROWS_2019) | REVIEW | ACTIVE_2019)


# --- the bundled sample -------------------------------------------------------------


def test_sample_sentences():
    report = load(SAMPLE)
    assert passage_text(report, "active") == (
        "本年度未新制作、新公开规章和规范性文件，无对外公开的规章和规范性文件。"
        "未作出行政许可、其他对外管理服务事项、行政处罚、行政强制处理决定。"
        "政府集中采购项目13项，采购总金额2429.9828万元。"
    )
    assert passage_text(report, "applications") == "本年度未收到政府信息公开申请。"
    assert passage_text(report, "review") == "本年度未发生政府信息公开行政复议、行政诉讼案件。"
    assert passage_text(report, "fees") is None  # the 2019 format has no 信息处理费 row
    assert [p.key for p, _ in all_passages(report)] == ["active", "applications", "review"]


# --- distinct non-zero values everywhere ------------------------------------------


def test_applications_2021_every_category():
    # new: 101 | 102+103+104+105+106 = 520 | total 621; carried over 1221;
    # handled = Σ(600r+21, r=3..23) = 600·273 + 21·21 = 164241;
    # granted 1821, partial 2421, 不予公开 r=5..12: 600·68+8·21 = 40968,
    # 无法提供 r=13..15: 600·42+63 = 25263, 不予处理 r=16..20: 600·90+105 = 54105,
    # 其他处理 r=21..23: 600·66+63 = 39663; carried forward r=24: 14421.
    assert passage_text(_full_2021(), "applications") == (
        "本年度共收到政府信息公开申请621件，其中自然人申请101件、法人或其他组织申请520件"
        "（商业企业102件、科研机构103件、社会公益组织104件、法律服务机构105件、其他106件）；"
        "上年结转政府信息公开申请1221件。"
        "本年度办结政府信息公开申请164241件，其中予以公开1821件、部分公开2421件、不予公开40968件、"
        "无法提供25263件、不予处理54105件、其他处理39663件；结转下年度继续办理14421件。"
    )


def test_applications_2019_single_other_handling_row():
    # handled = Σ(600r+21, r=3..21) = 600·228 + 21·19 = 137199; 其他处理 r=21: 12621; forward r=22: 13221.
    assert passage_text(_full_2019(), "applications") == (
        "本年度共收到政府信息公开申请621件，其中自然人申请101件、法人或其他组织申请520件"
        "（商业企业102件、科研机构103件、社会公益组织104件、法律服务机构105件、其他106件）；"
        "上年结转政府信息公开申请1221件。"
        "本年度办结政府信息公开申请137199件，其中予以公开1821件、部分公开2421件、不予公开40968件、"
        "无法提供25263件、不予处理54105件、其他处理12621件；结转下年度继续办理13221件。"
    )


def test_review_every_outcome():
    # 复议 1+2+3+4 = 10; 诉讼 (5+6+7+8) + (9+10+11+12) = 68, outcomes 14, 16, 18, 20.
    expected = ("本年度发生政府信息公开行政复议案件10件（结果维持1件、结果纠正2件、其他结果3件、尚未审结4件），"
                "行政诉讼案件68件（结果维持14件、结果纠正16件、其他结果18件、尚未审结20件）。")
    assert passage_text(_full_2021(), "review") == expected
    assert passage_text(_full_2019(), "review") == expected


def test_active_2021():
    assert passage_text(_full_2021(), "active") == (
        "本年度制发规章1件、废止2件，现行有效规章30件；制发行政规范性文件4件、废止5件，现行有效行政规范性文件60件。"
        "作出行政许可处理决定700件、行政处罚处理决定80件、行政强制处理决定9件。"
        "行政事业性收费金额20.3万元。"
    )


def test_active_2019_with_the_chosen_unit():
    report = _full_2019()
    assert passage_text(report, "active") == (
        "本年度新制作规章1件、新公开2件，对外公开规章总数3件；新制作规范性文件4件、新公开5件，对外公开规范性文件总数6件。"
        "作出行政许可处理决定9件、其他对外管理服务事项处理决定12件、行政处罚处理决定15件、行政强制处理决定18件。"
        "事项数量方面，行政许可上一年7项、本年增加8项；其他对外管理服务事项上一年10项、本年增加11项；"
        "行政处罚上一年13项、本年增加14项；行政强制上一年16项、本年增加17项；行政事业性收费上一年19项、本年增加20项。"
        "政府集中采购项目21项，采购总金额22.5万元。"
    )
    report.set_unit(("active", "procurement", "procurement_amount"), "元")
    assert passage_text(report, "active").endswith("政府集中采购项目21项，采购总金额22.5元。")


def test_item_counts_2019_decrease_and_change_only():
    report = _report(2020, {("active", "licensing", "prev_count"): 12, ("active", "licensing", "change"): -3,
                            ("active", "penalty", "prev_count"): 5,
                            ("active", "fees", "change"): 2})
    assert passage_text(report, "active") == (
        "本年度未新制作、新公开规章和规范性文件，无对外公开的规章和规范性文件。"
        "未作出行政许可、其他对外管理服务事项、行政处罚、行政强制处理决定。"
        "事项数量方面，行政许可上一年12项、本年减少3项；行政处罚上一年5项；行政事业性收费本年增加2项。"
        "无政府集中采购项目。"
    )


def test_fees_2021():
    # （六）2 row 22: 600·22 + 21 = 13221
    assert passage_text(_full_2021(), "fees") == (
        "本年度因申请人逾期未按收费通知要求缴纳信息处理费、不再处理的政府信息公开申请13221件。")


# --- zeros read naturally, zero categories are left out ------------------------------


def test_all_zero_2021():
    report = Report("某某县人民政府办公室", 2023)
    assert passage_text(report, "applications") == "本年度未收到政府信息公开申请。"
    assert passage_text(report, "review") == "本年度未发生政府信息公开行政复议、行政诉讼案件。"
    assert passage_text(report, "active") == (
        "本年度未制发、废止规章和行政规范性文件，无现行有效规章和行政规范性文件。"
        "未作出行政许可、行政处罚、行政强制处理决定。无行政事业性收费。"
    )
    assert passage_text(report, "fees") == "本年度没有因申请人逾期未缴纳信息处理费而不再处理的政府信息公开申请。"


def test_only_non_zero_categories():
    report = _report(2023, {
        (A, "new", "natural"): 8, (A, "new", "commercial"): 2,
        (A, "granted", "natural"): 5, (A, "not_held", "natural"): 3, (A, "not_held", "commercial"): 1,
        (A, "carry_forward", "commercial"): 1,
        ("review", "cases", "recon_upheld"): 1, ("review", "cases", "recon_pending"): 1,
        ("active", "normative", "in_force"): 12, ("active", "penalty", "decisions"): 3,
    })
    assert passage_text(report, "applications") == (
        "本年度共收到政府信息公开申请10件，其中自然人申请8件、法人或其他组织申请2件（商业企业2件）。"
        "本年度办结政府信息公开申请9件，其中予以公开5件、无法提供4件；结转下年度继续办理1件。"
    )
    assert passage_text(report, "review") == (
        "本年度发生政府信息公开行政复议案件2件（结果维持1件、尚未审结1件），未发生政府信息公开行政诉讼案件。")
    assert passage_text(report, "active") == (
        "本年度未制发、废止规章，无现行有效规章；未制发、废止行政规范性文件，现行有效行政规范性文件12件。"
        "作出行政处罚处理决定3件。无行政事业性收费。"
    )


def test_litigation_only_and_carried_over_only():
    report = _report(2023, {
        (A, "carried_over", "natural"): 3, (A, "granted", "natural"): 3,
        ("review", "cases", "direct_corrected"): 1, ("review", "cases", "after_upheld"): 2,
    })
    assert passage_text(report, "applications") == (
        "本年度未收到政府信息公开申请；上年结转政府信息公开申请3件。本年度办结政府信息公开申请3件，其中予以公开3件。")
    assert passage_text(report, "review") == (
        "本年度未发生政府信息公开行政复议案件，发生政府信息公开行政诉讼案件3件（结果维持2件、结果纠正1件）。")


def test_nothing_handled_yet():
    report = _report(2023, {(A, "new", "research"): 2, (A, "carry_forward", "research"): 2})
    assert passage_text(report, "applications") == (
        "本年度共收到政府信息公开申请2件，其中法人或其他组织申请2件（科研机构2件）。"
        "本年度没有办结的政府信息公开申请；结转下年度继续办理2件。")


# --- the narrative checks read every generated number back -----------------------------


def _with_passages(report: Report) -> Report:
    for section in report.form.narratives:
        report.texts[section.key] = ""
    for p, text in all_passages(report):
        report.texts[p.section] += text + "\n"
    return report


@pytest.mark.parametrize("make", [_full_2021, _full_2019, lambda: load(SAMPLE),
                                  lambda: Report("某某县人民政府办公室", 2023)])
def test_generated_sentences_pass_v9_and_v16(make):
    report = _with_passages(make())
    assert [f.message for f in run_checks(report) if f.rule in ("V9", "V16")] == []


@pytest.mark.parametrize("ref", [
    (A, "new", "natural"), (A, "carried_over", "natural"), (A, "granted", "natural"),
    (A, "carry_forward", "natural"), ("review", "cases", "recon_upheld"), ("review", "cases", "direct_upheld"),
    ("active", "normative", "issued"), ("active", "normative", "in_force"), ("active", "fees", "fee_amount"),
])
def test_v9_reads_the_generated_numbers(ref):
    """Were a passage left unlinked and a number changed, V9 would point at it."""
    report = _with_passages(_full_2021())
    report.set_value(ref, report.number(ref) + 1)
    assert any(f.rule == "V9" for f in run_checks(report))


def test_zero_statements_are_read_back_too():
    report = _with_passages(Report("某某县人民政府办公室", 2023))
    report.set_values({(A, "new", "natural"): 1, ("review", "cases", "after_pending"): 1})
    messages = [f.message for f in run_checks(report) if f.rule == "V9"]
    assert any("未收到政府信息公开申请" in m for m in messages)
    assert any("行政诉讼" in m for m in messages)


def test_fees_charged_according_to_the_register():
    from datetime import date

    from core.register.request import Request

    report = Report("某某县人民政府办公室", 2024)
    report.register.insert(0, [
        Request("1", date(2024, 3, 1), applicant_type="natural", answered=date(2024, 3, 20), result="granted",
                fee=Decimal("100")),
        Request("2", date(2024, 5, 1), applicant_type="natural", answered=date(2024, 5, 9), result="granted",
                fee=Decimal("300")),
        Request("3", date(2024, 6, 1), applicant_type="natural", answered=date(2024, 6, 9), result="granted"),
        # answered the year before: not this year's fee
        Request("0", date(2023, 12, 1), applicant_type="natural", answered=date(2023, 12, 20), result="granted",
                fee=Decimal("50")),
    ])
    # 100 + 300 = 400 元 this year; no application dropped for an unpaid fee
    assert passage_text(report, "fees") == (
        "依据《政府信息公开信息处理费管理办法》，本年度收取信息处理费共计400元。"
        "本年度没有因申请人逾期未缴纳信息处理费而不再处理的政府信息公开申请。")
    report.register.replace_all([Request("3", date(2024, 6, 1), applicant_type="natural",
                                         answered=date(2024, 6, 9), result="granted")])
    assert passage_text(report, "fees") == (
        "本年度未收取信息处理费。本年度没有因申请人逾期未缴纳信息处理费而不再处理的政府信息公开申请。")


def test_fee_passage_follows_register_edits_when_linked():
    from datetime import date

    from core.register.request import Request

    report = Report("某某县人民政府办公室", 2024)
    text = passage_text(report, "fees")
    report.set_text("other", text)
    report.link_passage("other", "fees", text)
    report.register.insert(0, [Request("1", date(2024, 3, 1), applicant_type="natural",
                                       answered=date(2024, 3, 20), result="granted", fee=Decimal("12.5"))])
    assert report.texts["other"].startswith("依据《政府信息公开信息处理费管理办法》，本年度收取信息处理费共计12.5元。")
