"""The 预览 page: sized from the Word export's page, in what Qt's rich text understands."""
from __future__ import annotations

import re

import pytest

from core.export.preview_html import preview_html
from core.forms.layout import Role, layout
from core.model import Report


def test_body_font_gives_28_characters_a_line_and_paragraphs_a_two_character_indent():
    r = Report("某局", 2021)
    r.set_text("overview", "本年度我局认真贯彻落实条例。")
    page = preview_html(r, 560)
    # 560 px / 28 characters = 20 px; indent 2 characters = 40 px
    assert 'font-size:20.0px' in page
    assert re.search(r'<p align="justify" style="text-indent:40\.0px; line-height:181%">本年度我局认真贯彻落实条例。</p>',
                     page)


@pytest.mark.parametrize("table", ["active", "applications", "review"])
def test_table_cells_carry_the_column_widths_and_label_lines_of_the_word_export(table):
    from core.export import preview_html as preview
    from core.export import word, word_tables
    from core.export.settings import ExportSettings

    # the preview's copies of the Word table constants are the Word export's
    assert preview.CELL_SIDE_MARGIN_TWIPS == word_tables.CELL_SIDE_MARGIN_TWIPS
    assert preview.TWIPS_PER_PT == word_tables.TWIPS_PER_PT
    assert preview.TEXT_WIDTH_PT == word.TEXT_WIDTH_MM * word.PT_PER_MM

    r = Report("某局", 2021)
    grid = layout(r.form.table(table))
    s = ExportSettings()
    pt = s.review_table_font_pt if grid.n_cols > 10 else s.table_font_pt
    pl = word_tables.table_layout(r, grid, word.TEXT_WIDTH_MM * word.PT_PER_MM, pt)
    page = preview_html(r, 560)
    total = sum(pl.widths)
    for cell in grid.cells:
        if cell.role is Role.VALUE or not cell.text:
            continue
        share = sum(pl.widths[cell.col : cell.col + cell.colspan]) / total * 100
        text = "<br>".join(pl.lines[(cell.row, cell.col)])
        assert re.search(rf'width="{share:.1f}%"[^>]*>{re.escape(text)}</td>', page), cell.text
