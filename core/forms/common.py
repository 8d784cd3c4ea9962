"""The parts the 2019 (试行) and 2021 formats share, written once.

Labels are verbatim from ../shared/spec/official-format.md (§1.4, §1.5, §2.3).
Full-width brackets and the ASCII full stop in "1.属于国家秘密" are deliberate.
"""
from __future__ import annotations

from .schema import Balance, Column, FromLastYear, MatrixTable, NarrativeSection, ProseCells, Row, Sum

# Section headings, identical in both formats.
HEADING_OVERVIEW = "一、总体情况"
HEADING_ACTIVE = "二、主动公开政府信息情况"
HEADING_APPLICATIONS = "三、收到和处理政府信息公开申请情况"
HEADING_REVIEW = "四、政府信息公开行政复议、行政诉讼情况"
HEADING_PROBLEMS = "五、存在的主要问题及改进情况"
HEADING_OTHER = "六、其他需要报告的事项"

# Short names for the window's section tabs (not official labels: the official
# heading is shown on each page and used in every export).
TAB_OVERVIEW = "一、总体情况"
TAB_ACTIVE = "二、主动公开"
TAB_APPLICATIONS = "三、依申请公开"
TAB_REVIEW = "四、复议诉讼"
TAB_PROBLEMS = "五、问题改进"
TAB_OTHER = "六、其他事项"

INFO_CONTENT = "信息内容"

OVERVIEW_PROMPTS = (
    "主动公开",
    "依申请公开",
    "政府信息管理",
    "政府信息公开平台建设",
    "监督保障（各级人民政府还应报告工作考核、社会评议和责任追究结果情况）",
)
OVERVIEW_SUBHEADINGS = (
    "（一）主动公开",
    "（二）依申请公开",
    "（三）政府信息管理",
    "（四）政府信息公开平台建设",
    "（五）监督保障",
)

OVERVIEW = NarrativeSection("overview", HEADING_OVERVIEW, OVERVIEW_PROMPTS, OVERVIEW_SUBHEADINGS, tab_name=TAB_OVERVIEW)
PROBLEMS = NarrativeSection(
    "problems",
    HEADING_PROBLEMS,
    ("本年度政府信息公开工作存在的主要问题", "上年度问题的改进情况", "下一步改进措施"),
    ("（一）存在的主要问题", "（二）改进情况"),
    tab_name=TAB_PROBLEMS,
)

# --- Section 三 ---------------------------------------------------------------

APPLICATIONS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

ROW_TOTAL = Sum("R-3.2", "表三各行总计等于各类申请人之和")
RESULTS_TOTAL = Sum("R-3.3", "（七）总计等于（一）至（六）各项之和")

APPLICANT_COLUMNS = (
    Column(
        "applicants",
        "申请人情况",
        children=(
            Column("natural", "自然人"),
            Column(
                "legal",
                "法人或其他组织",
                children=(
                    Column("commercial", "商业企业"),
                    Column("research", "科研机构"),
                    Column("nonprofit", "社会公益组织"),
                    Column("legal_service", "法律服务机构"),
                    Column("other_org", "其他"),
                ),
            ),
            Column("total", "总计", total=ROW_TOTAL),
        ),
    ),
)

ROW_NEW = Row("new", "一、本年新收政府信息公开申请数量")
ROW_CARRIED_OVER = Row("carried_over", "二、上年结转政府信息公开申请数量")
ROW_CARRY_FORWARD = Row("carry_forward", "四、结转下年度继续办理")

RESULTS_BEFORE_OTHER = (
    Row("granted", "（一）予以公开"),
    Row("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    Row(
        "refused",
        "（三）不予公开",
        children=(
            Row("state_secret", "1.属于国家秘密"),
            Row("prohibited_by_law", "2.其他法律行政法规禁止公开"),
            Row("three_safety", "3.危及“三安全一稳定”"),
            Row("third_party", "4.保护第三方合法权益"),
            Row("internal_affairs", "5.属于三类内部事务信息"),
            Row("process_info", "6.属于四类过程性信息"),
            Row("enforcement_file", "7.属于行政执法案卷"),
            Row("query_matter", "8.属于行政查询事项"),
        ),
    ),
    Row(
        "unavailable",
        "（四）无法提供",
        children=(
            Row("not_held", "1.本机关不掌握相关政府信息"),
            Row("needs_creation", "2.没有现成信息需要另行制作"),
            Row("unclear", "3.补正后申请内容仍不明确"),
        ),
    ),
    Row(
        "not_processed",
        "（五）不予处理",
        children=(
            Row("petition", "1.信访举报投诉类申请"),
            Row("repeated", "2.重复申请"),
            Row("publication", "3.要求提供公开出版物"),
            Row("excessive", "4.无正当理由大量反复申请"),
            Row("confirmation", "5.要求行政机关确认或重新出具已获取信息"),
        ),
    ),
)
OTHER_HANDLING_LABEL = "（六）其他处理"
ROW_RESULTS_TOTAL = Row("results_total", "（七）总计", total=RESULTS_TOTAL)
RESULTS_LABEL = "三、本年度办理结果"

# 二、上年结转 continues last year's 四、结转下年度继续办理 (both formats).
CARRY_OVER = FromLastYear("V7", "applications", "carried_over", "carry_forward")

BALANCE = Balance(
    "R-3.1",
    "勾稽关系（第一项加第二项之和，等于第三项加第四项之和）",
    lhs=("new", "carried_over"),
    rhs=("results_total", "carry_forward"),
)


def applications_table(other_handling: Row) -> MatrixTable:
    """Section 三; the formats differ only in the （六）其他处理 row."""
    results = Row("results", RESULTS_LABEL, children=(*RESULTS_BEFORE_OTHER, other_handling, ROW_RESULTS_TOTAL))
    return MatrixTable(
        key="applications",
        name="表三 申请情况",
        rows=(ROW_NEW, ROW_CARRIED_OVER, results, ROW_CARRY_FORWARD),
        columns=APPLICANT_COLUMNS,
        note=APPLICATIONS_NOTE,
        balances=(BALANCE,),
    )


# --- Section 四 (identical in both formats) -----------------------------------

REVIEW_TOTAL = Sum("R-4.1", "表四各总计等于结果维持、结果纠正、其他结果、尚未审结之和")


def _outcomes(prefix: str) -> tuple[Column, ...]:
    return (
        Column(f"{prefix}_upheld", "结果维持"),
        Column(f"{prefix}_corrected", "结果纠正"),
        Column(f"{prefix}_other", "其他结果"),
        Column(f"{prefix}_pending", "尚未审结"),
        Column(f"{prefix}_total", "总计", total=REVIEW_TOTAL),
    )


REVIEW_TABLE = MatrixTable(
    key="review",
    name="表四 复议诉讼",
    rows=(Row("cases", "件数"),),
    columns=(
        Column("reconsideration", "行政复议", children=_outcomes("recon")),
        Column(
            "litigation",
            "行政诉讼",
            children=(
                Column("direct", "未经复议直接起诉", children=_outcomes("direct")),
                Column("after_recon", "复议后起诉", children=_outcomes("after")),
            ),
        ),
    ),
    show_row_labels=False,
)


def _application_totals(*rows: str) -> ProseCells:
    return ProseCells("applications", rows, ("total",))


# What narrative prose restates from 表三 and 表四 in both formats (V9 reads it back).
PROSE_COMMON: tuple[tuple[str, ProseCells], ...] = (
    ("new", _application_totals("new")),
    ("carried_over", _application_totals("carried_over")),
    ("handled", _application_totals("results_total")),
    ("granted_partial", _application_totals("granted", "partial")),
    ("granted", _application_totals("granted")),
    ("partial", _application_totals("partial")),
    ("refused", _application_totals("refused")),
    ("unavailable", _application_totals("unavailable")),
    ("not_processed", _application_totals("not_processed")),
    ("carry_forward", _application_totals("carry_forward")),
    ("reconsideration", ProseCells("review", ("cases",), ("recon_total",))),
    ("litigation", ProseCells("review", ("cases",), ("direct_total", "after_total"))),
)
