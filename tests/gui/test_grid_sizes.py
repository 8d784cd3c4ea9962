"""Column widths and header breaks of the grids (gui/grid_sizes.py), measured
with a stand-in font: every character 14 px wide."""
from __future__ import annotations

import pytest

from core.forms import FORMS
from core.forms.layout import Role, layout
from gui.grid_sizes import PAD, column_widths, header_lines, header_texts


def measure(text: str) -> int:
    return 14 * len(text)


CHAR = 14


def test_a_heading_breaks_before_its_bracket_and_never_leaves_one_character_alone():
    assert header_lines("本年收费金额（单位：万元）", measure, 8 * CHAR) == "本年收费金额\n（单位：万元）"
    assert header_lines("社会公益组织", measure, 6 * CHAR) == "社会公益组织"
    # no punctuation to break at: balanced halves, not 社会公益组/织
    assert header_lines("社会公益组织", measure, 5 * CHAR) == "社会公\n益组织"


@pytest.mark.parametrize("form_key", ["2019", "2021"])
@pytest.mark.parametrize("available", [1330, 1880])
def test_value_columns_hold_their_heading_on_one_line_and_the_table_fills_the_width(form_key, available):
    grid = layout(FORMS[form_key].table("applications"))
    widths = column_widths(grid, measure, CHAR, available)
    assert sum(widths) == available
    values = widths[grid.label_cols:]
    # 社会公益组织 and 法律服务机构 are six characters: one line each
    assert min(values) >= 6 * CHAR + PAD
    assert len(set(values[:-1])) == 1  # equal shares (the last takes the rounding)
    texts = header_texts(grid, measure, widths)
    leaf_headings = [texts[(c.row, c.col)] for c in grid.cells if c.role is Role.HEADER and c.colspan == 1 and c.text]
    assert all("\n" not in t for t in leaf_headings)
    # the label area takes at most 40 % of the width
    assert sum(widths[: grid.label_cols]) <= 0.4 * available + 1


def test_the_spare_width_of_a_wide_screen_goes_to_the_values():
    grid = layout(FORMS["2021"].table("applications"))
    narrow = column_widths(grid, measure, CHAR, 1330)
    wide = column_widths(grid, measure, CHAR, 1880)
    assert wide[grid.label_cols] > narrow[grid.label_cols]


def test_review_table_without_row_labels_shares_the_width_evenly():
    grid = layout(FORMS["2021"].table("review"))
    widths = column_widths(grid, measure, CHAR, 1330)
    assert grid.label_cols == 0 and len(widths) == 15 and sum(widths) == 1330
    assert max(widths) - min(widths) <= 15  # only the rounding remainder differs


@pytest.mark.parametrize("form_key", ["2019", "2021"])
def test_the_value_columns_of_each_block_of_table_two_are_equal(form_key):
    grid = layout(FORMS[form_key].table("active"))
    widths = column_widths(grid, measure, CHAR, 1330)
    assert sum(widths) == 1330
    for row in range(grid.n_rows):
        heads = [c for c in grid.cells if c.row == row and c.role is Role.HEADER and c.col > 0]
        if len(heads) > 1:
            spans = [sum(widths[c.col : c.col + c.colspan]) for c in heads]
            # equal but for whole pixels (each column rounded down, the last taking the remainder)
            assert max(spans) - min(spans) <= grid.n_cols, [c.text for c in heads]


def test_row_labels_break_after_their_ordinal_not_inside_a_word():
    grid = layout(FORMS["2021"].table("applications"))
    # label columns 5, 6 and 20 characters wide (plus padding), values after them
    widths = [5 * CHAR + PAD, 6 * CHAR + PAD, 20 * CHAR + PAD] + [8 * CHAR] * (grid.n_cols - 3)
    texts = header_texts(grid, measure, widths)
    by_text = {c.text: texts[(c.row, c.col)] for c in grid.cells if c.role is Role.LABEL}
    assert by_text["（五）不予处理"] == "（五）\n不予处理"
    # nine characters in a five-character column: two even lines, none of one or two characters
    assert sorted(len(line) for line in by_text["三、本年度办理结果"].split("\n")) == [4, 5]
    assert by_text["2.重复申请"] == "2.重复申请"
