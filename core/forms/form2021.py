"""《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号 (reports for 2021 onward).

Labels verbatim from ../shared/spec/official-format.md §1.3–§1.5.
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
    AMOUNT_WANYUAN,
    Block,
    BlockTable,
    Column,
    Form,
    Mention,
    NarrativeSection,
    Row,
    RunningStock,
    TableSection,
)

_DECISIONS = Column("decisions", "本年处理决定数量", span=3, short="处理决定")

ACTIVE_TABLE = BlockTable(
    key="active",
    name="表二 主动公开",
    value_width=3,
    blocks=(
        Block(
            "item1",
            "第二十条第（一）项",
            INFO_CONTENT,
            columns=(
                Column("issued", "本年制发件数", short="制发"),
                Column("repealed", "本年废止件数", short="废止"),
                Column("in_force", "现行有效件数", short="现行有效"),
            ),
            rows=(Row("rules", "规章"), Row("normative", "行政规范性文件")),
        ),
        Block("item5", "第二十条第（五）项", INFO_CONTENT, (_DECISIONS,), (Row("licensing", "行政许可"),)),
        Block(
            "item6",
            "第二十条第（六）项",
            INFO_CONTENT,
            (_DECISIONS,),
            (Row("penalty", "行政处罚"), Row("enforcement", "行政强制")),
        ),
        Block(
            "item8",
            "第二十条第（八）项",
            INFO_CONTENT,
            (Column("fee_amount", "本年收费金额（单位：万元）", domain=AMOUNT_WANYUAN, span=3, short="金额"),),
            (Row("fees", "行政事业性收费"),),
        ),
    ),
)

OTHER_HANDLING = Row(
    "other_handling",
    OTHER_HANDLING_LABEL,
    children=(
        Row("no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        Row("fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        Row("other_reason", "3.其他"),
    ),
)

OTHER = NarrativeSection(
    "other",
    HEADING_OTHER,
    (
        "依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（未收取的也应说明）",
        "落实上级年度政务公开工作要点情况",
        "人大代表建议和政协提案办理结果公开情况",
        "年度政务公开工作创新情况",
        "其他需要报告的事项",
    ),
    subheadings=(
        "（一）信息处理费收取情况",
        "（二）落实上级年度政务公开工作要点情况",
        "（三）人大代表建议和政协提案办理结果公开情况",
        "（四）政务公开工作创新情况",
        "（五）其他需要报告的事项",
    ),
    mentions=(
        Mention(
            "V10",
            ("信息处理费",),
            "2021年版格式要求在“六、其他需要报告的事项”中报告信息处理费的收取情况，"
            "本节尚未提及“信息处理费”（未收取的也应写明，例如“本年度未收取信息处理费”）。",
        ),
    ),
    tab_name=TAB_OTHER,
)

FORM_2021 = Form(
    key="2021",
    name="中华人民共和国政府信息公开工作年度报告格式",
    short_name="2021年版格式",
    document="国办公开办函〔2021〕30号",
    first_year=2021,
    last_year=None,
    sections=(
        OVERVIEW,
        TableSection("active", HEADING_ACTIVE, ACTIVE_TABLE, TAB_ACTIVE),
        TableSection("applications", HEADING_APPLICATIONS, applications_table(OTHER_HANDLING), TAB_APPLICATIONS),
        TableSection("review", HEADING_REVIEW, REVIEW_TABLE, TAB_REVIEW),
        PROBLEMS,
        OTHER,
    ),
    # 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数
    prose=(*PROSE_COMMON,
           ("normative_issued", ProseCells("active", ("normative",), ("issued",))),
           ("normative_in_force", ProseCells("active", ("normative",), ("in_force",))),
           ("fee", ProseCells("active", ("fees",), ("fee_amount",)))),
    cross_year=(CARRY_OVER, RunningStock("V8", "active", "in_force", "in_force", plus=("issued",), minus=("repealed",),
                                         why="修订、当年制发又废止、重新清理等情况会造成差异")),
)
