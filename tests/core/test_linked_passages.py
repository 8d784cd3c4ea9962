"""Linked passages follow the numbers, go quiet when edited by hand, come back
on undo, and are kept in the draft."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from core.checks import run_checks
from core.model import Report
from core.storage import DraftSchemaError, dumps, load, loads, save

A = "applications"
ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "core/storage/draft.schema.json").read_text("utf-8"))
NONE = "本年度未收到政府信息公开申请。"
FIVE = "本年度共收到政府信息公开申请5件，其中自然人申请5件。本年度没有办结的政府信息公开申请。"


def _linked() -> Report:
    report = Report("某某县人民政府办公室", 2023)
    report.set_text("overview", f"（二）依申请公开\n{NONE}\n全年运行平稳。")
    report.link_passage("overview", "applications", NONE)
    return report


def test_numbers_rewrite_the_passage_and_undo_restores_it():
    report = _linked()
    seen = []
    report.subscribe(lambda c: seen.append((c.kind, c.section)))
    before = report.set_values({(A, "new", "natural"): 5})
    assert report.texts["overview"] == f"（二）依申请公开\n{FIVE}\n全年运行平稳。"
    assert ("text", "overview") in seen  # the editor hears of it
    span = report.linked_spans("overview")[0]
    assert report.texts["overview"][span.start : span.end] == FIVE
    report.set_values(before)  # what an undo of the cell edit does
    assert report.texts["overview"] == f"（二）依申请公开\n{NONE}\n全年运行平稳。"
    assert len(report.linked_spans("overview")) == 1


def test_editing_inside_unlinks_and_restoring_the_text_relinks():
    report = _linked()
    report.set_text("overview", "（二）依申请公开\n本年度未收到任何申请。\n全年运行平稳。")
    assert report.linked_spans("overview") == []
    report.set_text("overview", f"（二）依申请公开\n{NONE}\n全年运行平稳。")  # undo in the editor
    assert len(report.linked_spans("overview")) == 1


def test_typing_around_a_passage_keeps_it_linked():
    report = _linked()
    report.set_text("overview", f"前言。\n（二）依申请公开\n{NONE}\n全年运行平稳，效果良好。")
    span = report.linked_spans("overview")[0]
    assert span.start == len("前言。\n（二）依申请公开\n")


def test_an_edited_passage_is_left_alone_and_v9_covers_it():
    report = _linked()
    edited = "本年度共收到政府信息公开申请3件。"
    report.set_text("overview", f"（二）依申请公开\n{edited}\n全年运行平稳。")
    report.set_values({(A, "new", "natural"): 5})
    assert edited in report.texts["overview"]  # never rewritten once unlinked
    assert any(f.rule == "V9" for f in run_checks(report))
    # undoing the edit in the editor brings the link back, and with it today's numbers
    report.set_text("overview", f"（二）依申请公开\n{NONE}\n全年运行平稳。")
    assert report.texts["overview"] == f"（二）依申请公开\n{FIVE}\n全年运行平稳。"
    assert [s.link.text for s in report.linked_spans("overview")] == [FIVE]


def test_two_passages_in_one_section():
    report = Report("某某县人民政府办公室", 2023)
    review = "本年度未发生政府信息公开行政复议、行政诉讼案件。"
    report.set_text("overview", f"{NONE}{review}")
    report.link_passage("overview", "applications", NONE)
    report.link_passage("overview", "review", review)
    report.set_values({(A, "new", "natural"): 5, ("review", "cases", "recon_upheld"): 1})
    assert report.texts["overview"] == (
        FIVE + "本年度发生政府信息公开行政复议案件1件（结果维持1件），未发生政府信息公开行政诉讼案件。")
    assert [s.link.key for s in report.linked_spans("overview")] == ["applications", "review"]


def test_format_switch_drops_a_passage_the_format_lacks():
    report = Report("某某县人民政府办公室", 2023)
    fees = "本年度没有因申请人逾期未缴纳信息处理费而不再处理的政府信息公开申请。"
    report.set_text("other", fees)
    report.link_passage("other", "fees", fees)
    report.set_meta("form_key", "2019")
    assert report.texts["other"] == fees  # the words stay, as plain text
    assert report.linked_spans("other") == []
    assert "links" not in json.loads(dumps(report))
    report.set_meta("form_key", "2021")  # switched back (or the switch undone): linked again
    assert [s.link.text for s in report.linked_spans("other")] == [fees]


# --- the draft ---------------------------------------------------------------------------


def test_links_round_trip_and_match_the_schema(tmp_path):
    report = _linked()
    report.set_values({(A, "new", "natural"): 5})
    path = tmp_path / "a.ogir"
    save(report, path)
    data = json.loads(path.read_text("utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert data["format_version"] == 3
    assert data["links"] == {"overview": [{"passage": "applications", "text": FIVE}]}
    again = load(path)
    assert [s.link.text for s in again.linked_spans("overview")] == [FIVE]
    again.set_values({(A, "new", "natural"): None})
    assert NONE in again.texts["overview"]


def test_quiet_links_are_not_saved():
    report = _linked()
    report.set_text("overview", "改写了。")
    assert "links" not in json.loads(dumps(report))


def test_version_1_draft_opens_and_is_written_as_version_3(tmp_path):
    report = load(ROOT / "resources/samples/haizhu-2019.ogir")  # a version 1 file
    assert report.links == {}
    data = json.loads(dumps(report))
    assert data["format_version"] == 3 and "links" not in data
    for older in (1, 2):
        again = loads(json.dumps({**data, "format_version": older}, ensure_ascii=False).encode())
        assert again.texts == report.texts


def test_hand_edited_links_in_a_file():
    data = json.loads(dumps(_linked()))
    data["links"]["overview"][0]["text"] = "不在正文中的文字。"
    assert loads(json.dumps(data, ensure_ascii=False).encode()).links == {}
    # a stale passage (numbers changed outside the app) is brought up to the numbers
    data = json.loads(dumps(_linked()))
    data["tables"] = {A: {"new": {"natural": 5}}}
    assert FIVE in loads(json.dumps(data, ensure_ascii=False).encode()).texts["overview"]
    data["links"] = {"preface": []}
    with pytest.raises(DraftSchemaError, match="preface"):
        loads(json.dumps(data, ensure_ascii=False).encode())
