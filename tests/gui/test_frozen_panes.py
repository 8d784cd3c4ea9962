"""The frozen heading rows and label columns of 表三 follow the report's format."""
from __future__ import annotations

from core.model import Report

A = "applications"


def test_frozen_panes_follow_a_change_of_format(qtbot, window):
    window.doc.replace(Report("某局", 2020), None)
    view = window.table_tab(A).view
    window.show_section(A)
    labels = {c.text for c in view.verticalHeader().cells()}
    assert "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" not in labels
    window.doc.set_meta("year", 2021)  # the 2021 format: （六）其他处理 has three rows
    grid = view.grid_model().grid
    labels = {c.text for c in view.verticalHeader().cells()}
    assert "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" in labels
    assert [view.isRowHidden(r) for r in range(grid.header_rows + 1)] == [True] * grid.header_rows + [False]
    assert [view.isColumnHidden(c) for c in range(grid.label_cols + 1)] == [True] * grid.label_cols + [False]
    assert len(view.row_heights) == grid.n_rows and view.horizontalHeader().isVisible()
