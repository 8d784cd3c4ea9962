"""《中华人民共和国政府信息公开工作年度报告格式（试行）》, issued with 国办公开办函〔2019〕60号
(reports for 2019 and 2020).

Labels verbatim from ../shared/spec/official-format.md §2.2–§2.4.  Section 二
is laid out on a four-column value grid as the 2019 Shanghai report does, so
the two-column blocks （八）（九） span the same width as the three-column ones.
"""
from __future__ import annotations

from .common import (
    PROSE_COMMON,
    CARRY_OVER,
    HEADING_ACTIVE,
    HEADING_APPLICATIONS,
    HEADING_OTHER,
    HEADING_REVIEW,
    INFO_CONTENT,
    OTHER_HANDLING_LABEL,
    OVERVIEW,
    PROBLEMS,
    REVIEW_TABLE,
    TAB_ACTIVE,
    TAB_APPLICATIONS,
    TAB_OTHER,
    TAB_REVIEW,
    applications_table,
)
from .schema import (
    ProseCells,
    RunningStock,
    AMOUNT_UNIT_CHOICE,
    SIGNED_COUNT,
    Block,
    BlockTable,
    Column,
    Form,
    NarrativeSection,
    Row,
    TableSection,
)

_PREV = "上一年项目数量"
_CHANGE = "本年增/减"
_ITEM_COLUMNS = (
    Column("prev_count", _PREV),
    Column("change", _CHANGE, domain=SIGNED_COUNT, span=2),
    Column("decisions", "处理决定数量", short="处理决定"),
)

ACTIVE_TABLE = BlockTable(
    key="active",
    name="表二 主动公开",
    value_width=4,
    blocks=(
        Block(
            "item1",
            "第二十条第（一）项",
            INFO_CONTENT,
            columns=(
                Column("made", "本年新制作数量", short="新制作"),
                Column("published", "本年新公开数量", span=2, short="新公开"),
                Column("public_total", "对外公开总数量", short="对外公开"),
            ),
            rows=(Row("rules", "规章"), Row("normative", "规范性文件")),
        ),
        Block(
            "item5",
            "第二十条第（五）项",
            INFO_CONTENT,
            _ITEM_COLUMNS,
            (Row("licensing", "行政许可"), Row("other_services", "其他对外管理服务事项")),
        ),
        Block(
            "item6",
            "第二十条第（六）项",
            INFO_CONTENT,
            _ITEM_COLUMNS,
            (Row("penalty", "行政处罚"), Row("enforcement", "行政强制")),
        ),
        Block(
            "item8",
            "第二十条第（八）项",
            INFO_CONTENT,
            (
                Column("prev_count", _PREV, span=2),
                Column("change", _CHANGE, domain=SIGNED_COUNT, span=2),
            ),
            (Row("fees", "行政事业性收费"),),
        ),
        Block(
            "item9",
            "第二十条第（九）项",
            INFO_CONTENT,
            (
                Column("procurement_count", "采购项目数量", span=2),
                Column("procurement_amount", "采购总金额", domain=AMOUNT_UNIT_CHOICE, span=2),
            ),
            (Row("procurement", "政府集中采购"),),
        ),
    ),
)

OTHER = NarrativeSection("other", HEADING_OTHER, ("其他需要报告的事项（没有的可写“无其他需要报告的事项。”）",),
                         tab_name=TAB_OTHER)

FORM_2019 = Form(
    key="2019",
    name="中华人民共和国政府信息公开工作年度报告格式（试行）",
    short_name="2019年版（试行）格式",
    document="国办公开办函〔2019〕60号",
    first_year=2019,
    last_year=2020,
    sections=(
        OVERVIEW,
        TableSection("active", HEADING_ACTIVE, ACTIVE_TABLE, TAB_ACTIVE),
        TableSection("applications", HEADING_APPLICATIONS, applications_table(Row("other_handling", OTHER_HANDLING_LABEL)),
                     TAB_APPLICATIONS),
        TableSection("review", HEADING_REVIEW, REVIEW_TABLE, TAB_REVIEW),
        PROBLEMS,
        OTHER,
    ),
    # 上一年项目数量 = last year's 上一年项目数量 + last year's 本年增/减
    prose=(*PROSE_COMMON, ("normative_issued", ProseCells("active", ("normative",), ("made",)))),
    cross_year=(CARRY_OVER, RunningStock("V8", "active", "prev_count", "prev_count", last_plus=("change",))),
)
