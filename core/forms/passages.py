"""Data passages: the sentences a report's narrative uses to restate its tables,
declared per format beside the tables they restate.

The wording follows published reports ("本年度共收到政府信息公开申请N件，其中…").
Templates hold only the connecting words: every row or column name comes from
the table declarations (`Row.short_name` / `Column.short_name`), and the
sentences are assembled by core/sentences.py.  A category whose number is 0 is
left out of a list; a quantity that is 0 as a whole has its own sentence
("本年度未收到政府信息公开申请").  The wording is chosen so that the narrative
checks (V9, V16) read every number back to the cell it came from.
"""
from __future__ import annotations

from ..records import record


@record
class ApplicationsWording:
    """依申请公开: received (by applicant), carried over, handled (by result), carried forward."""

    table: str  # 表三
    total: str  # its total column
    rows: tuple[str, str, str, str]  # received, carried over, handled (（七）总计), carried forward
    received: str  # {n}
    none_received: str
    applicant_groups: tuple[str, ...]  # column keys of 表三 listed after 其中 (leaf or group)
    applicant_item: str  # {name} {n}
    detailed_groups: tuple[str, ...]  # column groups whose non-zero leaves follow in brackets
    detail_item: str  # {name} {n}
    carried_over: str  # {n}
    handled: str  # {n}
    none_handled: str
    result_groups: tuple[str, ...]  # row keys of 表三 (a group counts the sum of its leaves)
    result_item: str  # {name} {n}
    carry_forward: str  # {n}


@record
class ReviewWording:
    """复议诉讼: one clause per kind of case, with its outcomes in brackets."""

    table: str  # 表四 (one row of cases)
    lead: str
    kinds: tuple[tuple[str, tuple[str, ...]], ...]  # column group of 表四 -> blocks whose outcomes add up
    outcomes: tuple[str, ...]  # outcome suffixes of the block column keys (recon_upheld …)
    total: str  # suffix of the block total column
    first: str  # {name} {n}: the first kind that has cases
    next: str  # {name} {n}: a later kind that has cases
    none: str  # {name}: a kind without cases
    all_none: str  # no case of any kind
    outcome_item: str  # {name} {n}


@record
class StockRows:
    """第二十条第（一）项: per document type, what was made this year and the stock."""

    lead: str
    rows: tuple[str, ...]  # row keys of 表二
    acts: tuple[str, ...]  # column keys of this year's acts (制发, 废止 …)
    stock: str  # column key of the stock (现行有效件数 …)
    act_first: str  # {verb} {row} {n}
    act_next: str  # {verb} {n}
    no_act: str  # {row}
    stock_some: str  # {verb} {row} {n}
    stock_none: str  # {verb} {row}


@record
class DecisionRows:
    """第二十条第（五）（六）项: decisions made, per kind."""

    rows: tuple[str, ...]
    column: str
    some: str  # {items}
    item: str  # {row} {column} {n}
    none: str  # {rows} {column}


@record
class AmountRow:
    """A row with a count and/or an amount (2021 行政事业性收费, 2019 政府集中采购)."""

    row: str
    count: str | None  # column key of a count, if any
    amount: str  # column key of the amount
    unit: str  # unit of the amount when the cell offers no choice
    some: str  # {row} {count} {amount_name} {amount} {unit}
    none: str  # {row}


@record
class ItemCounts:
    """2019 第二十条第（五）（六）（八）项: item counts last year and this year's change
    (本年增/减, negative for a decrease).  Rows with neither are left out, and the
    sentence with them."""

    lead: str
    rows: tuple[str, ...]
    previous: str  # column key of 上一年项目数量
    change: str  # column key of 本年增/减
    item: str  # {row} {n}
    item_change_only: str  # {row} {change}
    increase: str  # {n}
    decrease: str  # {n}


@record
class ActiveWording:
    """主动公开: the sentences of 表二, in order."""

    table: str  # 表二
    stock: StockRows
    decisions: DecisionRows
    amounts: tuple[AmountRow, ...]
    items: ItemCounts | None = None


@record
class FeeWording:
    """信息处理费 (2021): fees charged, when the draft's 登记台账 records this year's
    answers (the tables have no fee amount), and applications dropped because
    the fee was not paid (表三 （六）2)."""

    table: str  # 表三
    total: str  # its total column
    charged: str  # {amount} in 元, from the register
    not_charged: str  # the register has this year's answers and no fee
    row: str  # row key of 表三
    some: str  # {n}
    none: str


Wording = ApplicationsWording | ReviewWording | ActiveWording | FeeWording


@record
class Passage:
    key: str  # stable, stored in drafts
    title: str  # shown in the 插入数据说明 menu
    section: str  # narrative section it belongs to
    subheading: int | None  # index in the section's subheadings it goes under in a new skeleton
    tables: tuple[str, ...]  # the tables it reads: an edit elsewhere leaves it alone
    wording: Wording


APPLICATIONS = ApplicationsWording(
    table="applications",
    total="total",
    rows=("new", "carried_over", "results_total", "carry_forward"),
    received="本年度共收到政府信息公开申请{n}件",
    none_received="本年度未收到政府信息公开申请",
    applicant_groups=("natural", "legal"),
    applicant_item="{name}申请{n}件",
    detailed_groups=("legal",),
    detail_item="{name}{n}件",
    carried_over="上年结转政府信息公开申请{n}件",
    handled="本年度办结政府信息公开申请{n}件",
    none_handled="本年度没有办结的政府信息公开申请",
    result_groups=("granted", "partial", "refused", "unavailable", "not_processed", "other_handling"),
    result_item="{name}{n}件",
    carry_forward="结转下年度继续办理{n}件",
)

REVIEW = ReviewWording(
    table="review",
    lead="本年度",
    kinds=(("reconsideration", ("recon",)), ("litigation", ("direct", "after"))),
    outcomes=("upheld", "corrected", "other", "pending"),
    total="total",
    first="发生政府信息公开{name}案件{n}件",
    next="{name}案件{n}件",
    none="未发生政府信息公开{name}案件",
    all_none="本年度未发生政府信息公开行政复议、行政诉讼案件",
    outcome_item="{name}{n}件",
)

_DECISIONS = "{row}{column}{n}件"

ACTIVE_2021 = ActiveWording(
    table="active",
    stock=StockRows(
        lead="本年度",
        rows=("rules", "normative"),
        acts=("issued", "repealed"),
        stock="in_force",
        act_first="{verb}{row}{n}件",
        act_next="{verb}{n}件",
        no_act="未制发、废止{row}",
        stock_some="{verb}{row}{n}件",
        stock_none="无{verb}{row}",
    ),
    decisions=DecisionRows(("licensing", "penalty", "enforcement"), "decisions", "作出{items}", _DECISIONS,
                           "未作出{rows}{column}"),
    amounts=(AmountRow("fees", None, "fee_amount", "万元", "{row}{amount_name}{amount}{unit}", "无{row}"),),
)

ACTIVE_2019 = ActiveWording(
    table="active",
    stock=StockRows(
        lead="本年度",
        rows=("rules", "normative"),
        acts=("made", "published"),
        stock="public_total",
        act_first="{verb}{row}{n}件",
        act_next="{verb}{n}件",
        no_act="未新制作、新公开{row}",
        stock_some="{verb}{row}总数{n}件",
        stock_none="无{verb}的{row}",
    ),
    decisions=DecisionRows(("licensing", "other_services", "penalty", "enforcement"), "decisions", "作出{items}",
                           _DECISIONS, "未作出{rows}{column}"),
    items=ItemCounts(
        lead="事项数量方面，",
        rows=("licensing", "other_services", "penalty", "enforcement", "fees"),
        previous="prev_count",
        change="change",
        item="{row}上一年{n}项{change}",
        item_change_only="{row}{change}",
        increase="、本年增加{n}项",
        decrease="、本年减少{n}项",
    ),
    amounts=(
        AmountRow("procurement", "procurement_count", "procurement_amount", "",
                  "{row}项目{count}项，{amount_name}{amount}{unit}", "无{row}项目"),
    ),
)

FEES_2021 = FeeWording(
    table="applications",
    total="total",
    charged="依据《政府信息公开信息处理费管理办法》，本年度收取信息处理费共计{amount}元",
    not_charged="本年度未收取信息处理费",
    row="fee_unpaid",
    some="本年度因申请人逾期未按收费通知要求缴纳信息处理费、不再处理的政府信息公开申请{n}件",
    none="本年度没有因申请人逾期未缴纳信息处理费而不再处理的政府信息公开申请",
)

_COMMON = (
    Passage("active", "主动公开情况（表二）", "overview", 0, ("active",), ACTIVE_2019),
    Passage("applications", "依申请公开情况（表三）", "overview", 1, ("applications",), APPLICATIONS),
    Passage("review", "行政复议、行政诉讼情况（表四）", "overview", 1, ("review",), REVIEW),
)

PASSAGES: dict[str, tuple[Passage, ...]] = {
    "2019": _COMMON,
    "2021": (
        Passage("active", "主动公开情况（表二）", "overview", 0, ("active",), ACTIVE_2021),
        *_COMMON[1:],
        # also reads the register's fees: a register change refreshes every passage
        Passage("fees", "信息处理费情况", "other", 0, ("applications",), FEES_2021),
    ),
}


def passages(form_key: str) -> tuple[Passage, ...]:
    return PASSAGES.get(form_key, ())


def passage(form_key: str, key: str) -> Passage | None:
    return next((p for p in passages(form_key) if p.key == key), None)
