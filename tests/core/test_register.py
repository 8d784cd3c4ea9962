"""The register (台账): 表三 counts, deadlines on working days, findings, storage, rollover.

Every expected date below was counted by hand on a printed 2024 calendar with the
State Council's 2024 holiday notice (春节 2月10日至17日, 2月4日、18日上班; 清明 4月4日至6日,
4月7日上班; 劳动节 5月1日至5日, 4月28日、5月11日上班; 端午 6月10日; 国庆 10月1日至7日,
9月29日、10月12日上班).
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from core.carry import new_from_previous
from core.checks import run_checks
from core.model import ReadOnlyCell, Report
from core.register.deadlines import deadline
from core.register.request import Request
from core.register.workdays import WorkCalendar, YearOverride
from core.storage.draft import dumps, load, loads, save

A = "applications"
SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "core/storage/draft.schema.json").read_text("utf-8"))
CAL = WorkCalendar()
TODAY = date(2024, 7, 1)


def due(req: Request) -> date:
    dl = deadline(req, CAL, TODAY)
    assert dl is not None
    return dl.due


def test_answer_due_across_spring_festival_with_weekend_workdays() -> None:
    # 2月1日 Thu: 2日=1, 4日(Sun 调休)=2, 5-9日=3..7, 18日(Sun 调休)=8, 19-23=13, 26-3月1日=18, 4日=19, 5日=20
    assert due(Request(received=date(2024, 2, 1))) == date(2024, 3, 5)
    assert CAL.is_workday(date(2024, 2, 4)) and not CAL.is_workday(date(2024, 2, 12))


def test_national_day_and_correction_notice() -> None:
    # 9月26日 Thu: 27=1, 29(Sun 调休)=2, 30=3, 10月8-11=4..7, 12(Sat 调休)=8, 14-18=13, 21-25=18, 28=19, 29=20
    req = Request(received=date(2024, 9, 26))
    assert due(req) == date(2024, 10, 29)
    dl = deadline(req.with_fields(correction_sent=date(2024, 10, 11)), CAL, TODAY)
    assert dl is not None and dl.correction_due == date(2024, 10, 11)


def test_correction_restarts_the_period() -> None:
    # from 补正 received 3月15日: 18-22=5, 25-29=10, 4月1-3=13, 7(Sun 调休)=14, 8-12=19, 15=20
    req = Request(received=date(2024, 3, 1), correction_sent=date(2024, 3, 5), correction_received=date(2024, 3, 15))
    assert due(req) == date(2024, 4, 15)


def test_third_party_time_and_extension() -> None:
    base = Request(received=date(2024, 5, 6))
    # 7=1, 8-10=4, 11(Sat 调休)=5, 13-17=10, 20-24=15, 27-31=20
    assert due(base) == date(2024, 5, 31)
    # consultation 5月8日-17日 not counted: 7=1, 20-24=6, 27-31=11, 6月3-7=16, (10 端午) 11-14=20
    assert due(base.with_fields(consult_start=date(2024, 5, 8), consult_end=date(2024, 5, 17))) == date(2024, 6, 14)
    # extension: 40 working days: 6月3-7=25, 11-14=29, 17-21=34, 24-28=39, 7月1日=40
    assert due(base.with_fields(extended=True)) == date(2024, 7, 1)
    assert due(base.with_fields(extension_date=date(2024, 5, 30))) == date(2024, 7, 1)


def _report(year: int, requests: list[Request], today: date = TODAY) -> Report:
    r = Report("某县人民政府办公室", year)
    r.register_live.set_context(year, r.meta.form_key, today)
    r.register.insert(0, requests)
    r.set_register_drives(True)
    return r


SMALL = [
    Request("a", date(2023, 11, 20), applicant_type="commercial", answered=date(2024, 1, 5), result="not_held"),
    Request("b", date(2024, 2, 1), applicant_type="natural", answered=date(2024, 2, 20), result="granted"),
    Request("c", date(2024, 6, 1), applicant_type="natural", answered=date(2024, 6, 30), result="partial"),
    Request("d", date(2024, 12, 20), applicant_type="research"),
    Request("e", date(2023, 5, 1), applicant_type="natural", answered=date(2023, 6, 1), result="granted"),
    Request("f", date(2025, 1, 3), applicant_type="natural"),
    Request("g", date(2023, 12, 1), applicant_type="legal_service"),
    Request("h", date(2024, 3, 1), applicant_type="natural", answered=date(2024, 3, 15), result="no_correction"),
]


def test_small_register_matrix_by_hand() -> None:
    r = _report(2024, SMALL)
    expected = {
        ("new", "natural"): 3, ("new", "research"): 1, ("new", "total"): 4,
        ("carried_over", "commercial"): 1, ("carried_over", "legal_service"): 1, ("carried_over", "total"): 2,
        ("granted", "natural"): 1, ("partial", "natural"): 1, ("not_held", "commercial"): 1,
        ("no_correction", "natural"): 1, ("granted", "total"): 1, ("partial", "total"): 1, ("not_held", "total"): 1,
        ("no_correction", "total"): 1, ("results_total", "natural"): 3, ("results_total", "commercial"): 1,
        ("results_total", "total"): 4,
        ("carry_forward", "research"): 1, ("carry_forward", "legal_service"): 1, ("carry_forward", "total"): 2,
    }
    for ref in r.form.cells:
        if ref[0] == A:
            assert r.number(ref) == expected.get((ref[1], ref[2]), 0), ref
    assert not [f for f in run_checks(r) if f.rule == "R-3.1"]
    live = r.register_live
    assert live.requests_in((A, "new", "natural")) == [1, 2, 7]
    spec = r.form.cells[(A, "carried_over", "total")]
    assert live.requests_in(spec.ref, [(A, rr, c) for rr, c in spec.terms]) == [0, 6]


def test_received_in_december_answered_in_january() -> None:
    req = Request("x", date(2024, 12, 28), applicant_type="natural", answered=date(2025, 1, 10), result="granted")
    r24, r25 = _report(2024, [req]), _report(2025, [req], today=date(2025, 2, 1))
    assert r24.number((A, "new", "natural")) == 1 and r24.number((A, "carry_forward", "natural")) == 1
    assert r24.number((A, "results_total", "total")) == 0
    assert r25.number((A, "carried_over", "natural")) == 1 and r25.number((A, "granted", "natural")) == 1
    assert r25.number((A, "new", "total")) == 0 and r25.number((A, "carry_forward", "total")) == 0


def test_edit_updates_table_and_mode_switch_keeps_numbers() -> None:
    r = _report(2024, SMALL)
    changes = []
    r.subscribe(changes.append)
    r.register.set_fields({(3, "answered"): date(2024, 12, 30), (3, "result"): "granted"})
    assert r.number((A, "granted", "research")) == 1 and r.number((A, "carry_forward", "research")) == 0
    assert changes[-1].kind == "register" and (A, "granted", "research") in changes[-1].cells
    with pytest.raises(ReadOnlyCell):
        r.set_value((A, "new", "natural"), 5)
    r.set_register_drives(False)
    assert r.number((A, "new", "natural")) == 3
    r.set_value((A, "new", "natural"), 5)
    assert r.number((A, "new", "natural")) == 5
    r.set_register_drives(True)
    assert r.number((A, "new", "natural")) == 3


def test_year_and_format_follow() -> None:
    r = _report(2024, SMALL)
    r.set_meta("year", 2020)  # 2019 format: no_correction is not a result there
    assert r.form.key == "2019"
    assert any(f.rule == "D7" and "办理结果" in f.message for f in run_checks(r)) is False  # nothing answered in 2020
    r.set_meta("year", 2023)
    assert r.number((A, "new", "natural")) == 1  # e
    assert r.number((A, "carry_forward", "total")) == 2  # a, g


def _rules(r: Report) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in run_checks(r):
        if f.rule.startswith("D"):
            out.setdefault(f.rule, []).append(f.message)
    return out


def test_deadline_warnings() -> None:
    today = date(2024, 10, 24)
    reqs = [
        Request("overdue", date(2024, 9, 2), applicant_type="natural"),  # due 9月30日
        Request("soon", date(2024, 9, 26), applicant_type="natural"),  # due 10月29日: 3 working days left
        Request("later", date(2024, 10, 21), applicant_type="natural"),
        Request("late-notice", date(2024, 9, 26), applicant_type="natural", correction_sent=date(2024, 10, 12),
                correction_received=date(2024, 10, 14)),
        Request("ext", date(2024, 10, 8), applicant_type="natural", extended=True),
        Request("late-answer", date(2024, 5, 6), applicant_type="natural", answered=date(2024, 6, 3), result="granted"),
    ]
    rules = _rules(_report(2024, reqs, today))
    assert len(rules["D1"]) == 1 and "编号overdue" in rules["D1"][0] and "2024年9月30日" in rules["D1"][0]
    assert len(rules["D3"]) == 1 and "编号soon" in rules["D3"][0] and "还剩3个工作日" in rules["D3"][0]
    assert len(rules["D4"]) == 1 and "编号late-notice" in rules["D4"][0]
    assert len(rules["D5"]) == 1 and "编号ext" in rules["D5"][0]
    assert len(rules["D2"]) == 1 and "编号late-answer" in rules["D2"][0]
    assert "D6" not in rules and "D7" not in rules


def test_unknown_year_warns_and_override_is_used() -> None:
    req = Request("n", date(2099, 12, 20), applicant_type="natural")
    r = _report(2099, [req], today=date(2099, 12, 21))
    rules = _rules(r)
    assert "2099年" in rules["D6"][0] and "2100年" in rules["D6"][0]
    r.register.set_calendar({2099: YearOverride(frozenset({date(2099, 12, 21)})), 2100: YearOverride()})
    assert "D6" not in _rules(r)
    assert not r.register_live.calendar.is_workday(date(2099, 12, 21))


def test_data_problems_are_errors_in_register_mode() -> None:
    r = _report(2024, [Request("p", date(2024, 3, 1), applicant_type="natural", answered=date(2024, 3, 5)),
                       Request("q", date(2024, 3, 1))])
    found = [f for f in run_checks(r) if f.rule == "D7"]
    assert len(found) == 2 and all(f.is_error for f in found)
    r.set_register_drives(False)
    assert all(not f.is_error for f in run_checks(r) if f.rule == "D7")


def test_storage_round_trip_and_old_drafts(tmp_path: Path) -> None:
    r = _report(2024, SMALL)
    r.register.set_fields({(1, "applicant"): "张三", (1, "content"): "某路段规划许可"})
    r.register.set_calendar({2027: YearOverride(frozenset({date(2027, 1, 1)}), frozenset({date(2027, 2, 6)}))})
    path = tmp_path / "a.ogir"
    save(r, path)
    data = json.loads(path.read_text("utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert data["format_version"] == 3  # 2 added the register, 3 the linked passages
    back = load(path)
    assert list(back.register) == list(r.register) and back.register_drives
    assert back.register.calendar == r.register.calendar
    assert dict(back.inputs) == dict(r.inputs)
    v1 = json.loads(dumps(Report("旧草稿", 2022)))
    v1["format_version"] = 1
    old = loads(json.dumps(v1).encode())
    assert len(old.register) == 0 and not old.register_drives


def test_rollover_carries_unfinished_requests() -> None:
    r = _report(2024, SMALL)
    new = new_from_previous(r).report
    assert new.meta.year == 2025 and new.register_drives
    assert [q.number for q in new.register] == ["d", "f", "g"]
    assert new.number((A, "carried_over", "total")) == r.number((A, "carry_forward", "total")) == 2
    assert new.number((A, "new", "natural")) == 1  # f, received 2025-01-03


def test_names_and_contents_never_reach_the_report_documents(tmp_path: Path) -> None:
    import zipfile

    from core.export.excel import export_xlsx
    from core.export.html_page import html_text
    from core.export.word import export_docx

    r = _report(2024, SMALL)
    r.register.set_fields({(1, "applicant"): "申请人甲乙丙", (1, "content"): "申请内容丁戊己", (1, "note"): "备注庚辛"})
    export_docx(r, tmp_path / "r.docx")
    export_xlsx(r, tmp_path / "r.xlsx", run_checks(r))
    texts = [html_text(r)]
    for name in ("r.docx", "r.xlsx"):
        with zipfile.ZipFile(tmp_path / name) as z:
            texts += [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
    for secret in ("申请人甲乙丙", "申请内容丁戊己", "备注庚辛"):
        assert not any(secret in t for t in texts)
    assert "3" in texts[0]  # the counts are there: 新收 自然人 3


def test_many_findings_are_summed_up() -> None:
    from core.register.findings import MAX_PER_RULE

    reqs = [Request(str(n), date(2024, 1, 2), applicant_type="natural") for n in range(MAX_PER_RULE + 7)]
    rules = _rules(_report(2024, reqs, date(2024, 12, 31)))
    assert len(rules["D1"]) == MAX_PER_RULE + 1
    assert rules["D1"][-1] == "台账中另有7件申请逾期未答复（在“台账”中选择显示“到期提醒”可逐件查看）。"
