"""One way to name a cell in messages: 行 / 列, or the column alone in 表四,
which is printed without row labels."""
from __future__ import annotations

from core.clipboard import plan_paste
from core.forms import FORMS
from core.forms.layout import layout
from core.model import Report


def test_cells_of_a_table_without_row_labels_are_named_by_column_alone():
    form = FORMS["2021"]
    assert form.cells[("review", "cases", "recon_upheld")].label == "行政复议 结果维持"
    assert form.cells[("applications", "new", "natural")].label.endswith(" / 申请人情况 自然人")


def test_refused_paste_into_table_four_names_the_cell_without_an_empty_row_part():
    report = Report("某局", 2023)
    grid = layout(report.form.table("review"))
    cell = next(c for c in grid.cells if c.ref == ("review", "cases", "recon_upheld"))
    plan = plan_paste(report, "review", cell.row, cell.col, "abc")
    assert len(plan.refused) == 1
    assert "（行政复议 结果维持）" in plan.refused[0] and "（ /" not in plan.refused[0]
