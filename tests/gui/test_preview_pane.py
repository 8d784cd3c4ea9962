"""The 预览 tab lays the report out like the Word export."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QTextTable

from core.forms.layout import layout
from core.model import Report


def test_preview_tables_get_the_word_exports_column_widths_and_the_page_its_line_length(qtbot, window):
    from core.export import word, word_tables
    from core.export.settings import ExportSettings

    window.doc.replace(Report("某局", 2021), None)
    window.resize(1366, 698)
    pane = window.tabs.show_extra("preview")
    qtbot.waitUntil(lambda: pane.text_px > 0)
    page = pane.page
    # the type area holds 28 characters of the body font, as a line on paper
    assert page.lineWrapColumnOrWidth() == pane.text_px
    tables = [f for f in page.document().rootFrame().childFrames() if isinstance(f, QTextTable)]
    report = window.doc.report
    assert len(tables) == len(report.form.tables) == 3
    s = ExportSettings()
    for table, spec in zip(tables, report.form.tables):
        grid = layout(spec)
        pt = s.review_table_font_pt if grid.n_cols > 10 else s.table_font_pt
        widths = word_tables.table_layout(report, grid, word.TEXT_WIDTH_MM * word.PT_PER_MM, pt).widths
        shown = [c.rawValue() for c in table.format().columnWidthConstraints()]
        assert shown == pytest.approx([w / sum(widths) * 100 for w in widths])
