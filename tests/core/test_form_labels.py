"""Every official label, compared character by character with lists typed here
from ../shared/spec/official-format.md (§1.3–1.5, §2.2–2.4) — not generated
from the code under test."""
from __future__ import annotations

import pytest

from core.forms import FORMS, form_for_year, get_form
from core.forms.layout import Role, layout

HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]

ACTIVE_2021 = [
    ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
    ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], ["行政许可"]),
    ("第二十条第（六）项", ["信息内容", "本年处理决定数量"], ["行政处罚", "行政强制"]),
    ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费"]),
]

ACTIVE_2019 = [
    ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "规范性文件"]),
    ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "其他对外管理服务事项"]),
    ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政处罚", "行政强制"]),
    ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"], ["行政事业性收费"]),
    ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"], ["政府集中采购"]),
]

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANT_HEADERS = ["申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]

ROWS_COMMON_HEAD = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "（四）无法提供",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "（五）不予处理",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理",
]
ROWS_2021 = ROWS_COMMON_HEAD + [
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
]
ROWS_2019 = ROWS_COMMON_HEAD + ["（七）总计", "四、结转下年度继续办理"]

REVIEW_HEADERS = (
    ["行政复议", "行政诉讼"]
    + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]
    + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2
)


def texts(grid, role):
    """Texts of the cells with a role, in reading order (row, then column)."""
    return [c.text for c in sorted(grid.cells, key=lambda c: (c.row, c.col)) if c.role is role]


def label_texts_in_tree_order(grid):
    """Row labels in depth-first order (the order the spec lists them)."""
    return [c.text for c in sorted(grid.cells, key=lambda c: (c.row, c.col)) if c.role is Role.LABEL]


@pytest.mark.parametrize("key", ["2019", "2021"])
def test_section_headings(key):
    assert [s.heading for s in get_form(key).sections] == HEADINGS


@pytest.mark.parametrize("key,expected", [("2021", ACTIVE_2021), ("2019", ACTIVE_2019)])
def test_active_table_labels(key, expected):
    grid = layout(get_form(key).table("active"))
    got = []
    for cell in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        if cell.role is Role.CAPTION:
            got.append((cell.text, [], []))
        elif cell.role is Role.HEADER:
            got[-1][1].append(cell.text)
        elif cell.role is Role.LABEL:
            got[-1][2].append(cell.text)
    assert got == expected


@pytest.mark.parametrize("key,rows", [("2021", ROWS_2021), ("2019", ROWS_2019)])
def test_applications_table_labels(key, rows):
    grid = layout(get_form(key).table("applications"))
    assert texts(grid, Role.NOTE) == [NOTE]
    assert texts(grid, Role.HEADER) == APPLICANT_HEADERS
    assert label_texts_in_tree_order(grid) == rows


@pytest.mark.parametrize("key", ["2019", "2021"])
def test_review_table_labels(key):
    grid = layout(get_form(key).table("review"))
    assert texts(grid, Role.HEADER) == REVIEW_HEADERS
    assert texts(grid, Role.LABEL) == []


def test_data_row_counts():
    # 25 data rows in 2021, 23 in 2019 (spec §1.4, §2.3), 7 value columns.
    for key, n in (("2021", 25), ("2019", 23)):
        grid = layout(get_form(key).table("applications"))
        assert grid.n_rows - grid.header_rows == n
        assert grid.n_cols == 3 + 7


def test_form_follows_year():
    assert form_for_year(2019).key == "2019"
    assert form_for_year(2020).key == "2019"
    assert form_for_year(2021).key == "2021"
    assert form_for_year(2030).key == "2021"
    with pytest.raises(ValueError, match="2018"):
        form_for_year(2018)


def test_form_names():
    assert FORMS["2019"].name == "中华人民共和国政府信息公开工作年度报告格式（试行）"
    assert FORMS["2021"].name == "中华人民共和国政府信息公开工作年度报告格式"
    assert FORMS["2021"].document == "国办公开办函〔2021〕30号"
