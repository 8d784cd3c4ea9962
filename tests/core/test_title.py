"""The printed title is the clerk's (issue 11, point 4)."""
from __future__ import annotations

import json
from io import BytesIO

from docx import Document

from core.checks import run_checks
from core.export.html_page import html_text
from core.export.word import docx_bytes
from core.model import Report
from core.storage import load, save
from tests.core.conftest import SAMPLE

SEED_TITLE = "广州市海珠区政务服务数据管理局2019年政府信息公开年度报告"  # the published report's own title


def test_default_title_is_generated_and_follows_agency_and_year():
    r = Report("某局", 2023)
    assert r.title == "某局2023年政府信息公开工作年度报告"
    r.set_meta("agency", "某某局")
    assert r.title == "某某局2023年政府信息公开工作年度报告"
    assert not [f for f in run_checks(r) if f.rule == "V18"]


def test_own_title_is_printed_saved_and_warned(tmp_path):
    r = load(SAMPLE)
    r.set_meta("title", SEED_TITLE)
    assert r.title == SEED_TITLE
    (w,) = [f for f in run_checks(r) if f.rule == "V18"]
    assert not w.is_error and "惯用写法" in w.message
    doc = Document(BytesIO(docx_bytes(r)))
    assert doc.paragraphs[0].text.replace("\n", "") == SEED_TITLE
    assert f"<h1>{SEED_TITLE}</h1>" in html_text(r)
    save(r, tmp_path / "a.ogir")
    assert json.loads((tmp_path / "a.ogir").read_text("utf-8"))["metadata"]["title"] == SEED_TITLE
    assert load(tmp_path / "a.ogir").title == SEED_TITLE


def test_drafts_without_a_title_open_and_save_without_one(tmp_path):
    data = json.loads(SAMPLE.read_text("utf-8"))
    assert "title" not in data["metadata"]  # an older draft
    r = load(SAMPLE)
    assert r.meta.title == "" and r.title.endswith("2019年政府信息公开工作年度报告")
    save(r, tmp_path / "b.ogir")
    assert "title" not in json.loads((tmp_path / "b.ogir").read_text("utf-8"))["metadata"]


def test_title_on_the_excel_cover_and_back(tmp_path):
    from core.export.excel import export_xlsx
    from core.importers.xlsx import import_xlsx

    r = load(SAMPLE)
    export_xlsx(r, tmp_path / "d.xlsx", run_checks(r))
    assert import_xlsx(tmp_path / "d.xlsx").meta.title == ""  # the generated title is not stored as the clerk's
    r.set_meta("title", SEED_TITLE)
    export_xlsx(r, tmp_path / "o.xlsx", run_checks(r))
    assert import_xlsx(tmp_path / "o.xlsx").title == SEED_TITLE
