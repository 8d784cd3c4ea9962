"""The 预览 page: sized from the Word export's page, in what Qt's rich text understands."""
from __future__ import annotations

import re

from core.export.preview_html import preview_html
from core.model import Report


def test_body_font_gives_28_characters_a_line_and_paragraphs_a_two_character_indent():
    r = Report("某局", 2021)
    r.set_text("overview", "本年度我局认真贯彻落实条例。")
    page = preview_html(r, 560)
    # 560 px / 28 characters = 20 px; indent 2 characters = 40 px
    assert 'font-size:20.0px' in page
    assert re.search(r'<p align="justify" style="text-indent:40\.0px; line-height:181%">本年度我局认真贯彻落实条例。</p>',
                     page)


def test_table_cells_carry_the_column_widths_of_the_word_export():
    page = preview_html(Report("某局", 2021), 560)
    # 表三: label columns weighted 1.0, 1.3, 3.6 and seven value columns of 1.0: 12.9 in all
    assert '<td align="center" valign="middle" width="7.8%" rowspan="2">自然人</td>' in page
    # the 勾稽关系 note spans the three label columns and the three heading rows: 5.9 / 12.9
    assert 'width="45.7%" rowspan="3" colspan="3">（本列数据的勾稽关系为' in page
    # 表四 has no label columns: fifteen columns of 1/15
    assert 'width="6.7%" rowspan="2">结果维持</td>' in page
