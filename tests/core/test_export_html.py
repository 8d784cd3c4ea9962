from __future__ import annotations

from html.parser import HTMLParser

import pytest

from core.export.content import cell_text
from core.export.html_page import export_html, html_text
from core.forms.layout import Role, layout
from core.storage import load
from tests.core.conftest import SAMPLE, distinct_full_report
from tests.core.test_form_labels import HEADINGS


class Tables(HTMLParser):
    """Collect each table as a list of rows of (text, rowspan, colspan)."""

    def __init__(self):
        super().__init__()
        self.tables, self._cell, self.h2 = [], None, []
        self._in_h2 = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = ["", int(a.get("rowspan", 1)), int(a.get("colspan", 1))]
        elif tag == "h2":
            self._in_h2 = True
            self.h2.append("")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.tables[-1][-1].append(tuple(self._cell))
            self._cell = None
        elif tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[0] += data
        elif self._in_h2:
            self.h2[-1] += data


@pytest.mark.parametrize("form_key", ["2019", "2021"])
def test_html_tables_match_the_national_layout(form_key):
    report = distinct_full_report(form_key)
    parsed = Tables()
    parsed.feed(html_text(report))
    assert parsed.h2 == HEADINGS
    assert len(parsed.tables) == 3
    for key, rows in zip(["active", "applications", "review"], parsed.tables):
        grid = layout(report.form.table(key))
        expected = [[] for _ in range(grid.n_rows)]
        for gc in sorted(grid.cells, key=lambda c: (c.row, c.col)):
            text = cell_text(report, gc.ref) if gc.role is Role.VALUE else gc.text
            expected[gc.row].append((text, gc.rowspan, gc.colspan))
        assert rows == expected, key


def test_html_is_self_contained(tmp_path):
    out = tmp_path / "r.html"
    export_html(load(SAMPLE), out)
    text = out.read_text("utf-8")
    assert "<style>" in text and "<link" not in text and "<script" not in text and "http" not in text
    assert 'rowspan="20"' in text  # 三、本年度办理结果 in the 2019 format
    assert "2429.9828万元" in text
