"""Merged-cell layouts as the spec's layout tables draw them (§1.3–1.5, §2.2)."""
from __future__ import annotations

from core.forms import get_form
from core.forms.layout import Role, layout


def find(grid, text, role=None, nth=0):
    hits = [c for c in sorted(grid.cells, key=lambda c: (c.row, c.col)) if c.text == text and (role is None or c.role is role)]
    return hits[nth]


def span(cell):
    return (cell.row, cell.col, cell.rowspan, cell.colspan)


def test_applications_2021_merges():
    g = layout(get_form("2021").table("applications"))
    assert (g.n_rows, g.n_cols, g.header_rows, g.label_cols) == (28, 10, 3, 3)
    assert span(find(g, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")) == (0, 0, 3, 3)
    assert span(find(g, "申请人情况")) == (0, 3, 1, 7)
    assert span(find(g, "自然人")) == (1, 3, 2, 1)
    assert span(find(g, "法人或其他组织")) == (1, 4, 1, 5)
    assert span(find(g, "商业企业")) == (2, 4, 1, 1)
    assert span(find(g, "其他", Role.HEADER)) == (2, 8, 1, 1)
    assert span(find(g, "总计", Role.HEADER)) == (1, 9, 2, 1)
    # label area: rows 一, 二 span all three label columns; 三 spans 22 rows.
    assert span(find(g, "一、本年新收政府信息公开申请数量")) == (3, 0, 1, 3)
    assert span(find(g, "三、本年度办理结果")) == (5, 0, 22, 1)
    assert span(find(g, "（一）予以公开")) == (5, 1, 1, 2)
    assert span(find(g, "（三）不予公开")) == (7, 1, 8, 1)
    assert span(find(g, "1.属于国家秘密")) == (7, 2, 1, 1)
    assert span(find(g, "（四）无法提供")) == (15, 1, 3, 1)
    assert span(find(g, "（五）不予处理")) == (18, 1, 5, 1)
    assert span(find(g, "（六）其他处理")) == (23, 1, 3, 1)
    assert span(find(g, "（七）总计")) == (26, 1, 1, 2)
    assert span(find(g, "四、结转下年度继续办理")) == (27, 0, 1, 3)
    # parent rows carry no values of their own
    assert g.at(7, 3).ref == ("applications", "state_secret", "natural")
    assert g.covering(7, 1).text == "（三）不予公开"


def test_applications_2019_other_handling_is_one_row():
    g = layout(get_form("2019").table("applications"))
    assert g.n_rows == 3 + 23
    assert span(find(g, "三、本年度办理结果")) == (5, 0, 20, 1)
    assert span(find(g, "（六）其他处理")) == (23, 1, 1, 2)
    assert g.at(23, 3).ref == ("applications", "other_handling", "natural")


def test_review_merges():
    g = layout(get_form("2021").table("review"))
    assert (g.n_rows, g.n_cols, g.header_rows, g.label_cols) == (4, 15, 3, 0)
    assert span(find(g, "行政复议")) == (0, 0, 1, 5)
    assert span(find(g, "行政诉讼")) == (0, 5, 1, 10)
    assert span(find(g, "结果维持", nth=0)) == (1, 0, 2, 1)
    assert span(find(g, "总计", nth=0)) == (1, 4, 2, 1)
    assert span(find(g, "未经复议直接起诉")) == (1, 5, 1, 5)
    assert span(find(g, "复议后起诉")) == (1, 10, 1, 5)
    assert span(find(g, "结果维持", nth=1)) == (2, 5, 1, 1)
    assert span(find(g, "总计", nth=2)) == (2, 14, 1, 1)
    assert [c.col for c in g.value_cells] == list(range(15))


def test_active_2021_merges():
    g = layout(get_form("2021").table("active"))
    assert g.n_cols == 4
    assert span(find(g, "第二十条第（一）项")) == (0, 0, 1, 4)
    assert span(find(g, "本年处理决定数量", nth=0)) == (5, 1, 1, 3)
    assert span(find(g, "本年收费金额（单位：万元）")) == (12, 1, 1, 3)
    assert g.at(13, 1).ref == ("active", "fees", "fee_amount")
    assert g.at(13, 1).colspan == 3


def test_active_2019_two_column_blocks_span_the_same_width():
    g = layout(get_form("2019").table("active"))
    assert g.n_cols == 5
    assert span(find(g, "采购项目数量")) [2:] == (1, 2)
    assert span(find(g, "采购总金额"))[1:] == (3, 1, 2)
    # every grid row is fully covered: no holes in any block
    for r in range(g.n_rows):
        for c in range(g.n_cols):
            assert g.covering(r, c) is not None, (r, c)
