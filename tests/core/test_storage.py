from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.forms import get_form
from core.model import Report
from core.storage import (
    DraftNotFound,
    DraftSchemaError,
    DraftTooNew,
    DraftUnreadable,
    DraftWriteError,
    backup_path,
    dumps,
    load,
    save,
    to_dict,
)
from tests.core.conftest import SAMPLE, distinct_full_report

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "core/storage/draft.schema.json").read_text("utf-8"))


def snapshot(report: Report):
    return (
        report.meta.agency, report.meta.year, report.meta.form_key, report.meta.date, report.meta.contact,
        report.meta.compiler, dict(report.texts), dict(report.inputs), dict(report.units),
        dict(report.reported_totals), report.extra, report.meta.extra,
    )


@pytest.mark.parametrize("form_key", ["2019", "2021"])
def test_round_trip_full_report(tmp_path, form_key):
    r = distinct_full_report(form_key)
    p = tmp_path / "a.ogir"
    save(r, p)
    jsonschema.validate(json.loads(p.read_text("utf-8")), SCHEMA)
    assert snapshot(load(p)) == snapshot(r)


def test_sample_matches_schema_and_published_numbers():
    jsonschema.validate(json.loads(SAMPLE.read_text("utf-8")), SCHEMA)
    r = load(SAMPLE)
    assert r.meta.agency == "广州市海珠区政务服务数据管理局" and r.meta.year == 2019 and r.form.key == "2019"
    assert r.value(("active", "procurement", "procurement_count")) == 13
    assert r.value(("active", "procurement", "procurement_amount")) == Decimal("2429.9828")
    assert r.unit(("active", "procurement", "procurement_amount")) == "万元"
    others = [v for ref, v in r.inputs.items() if ref[1] != "procurement"]
    assert others and all(v == 0 for v in others)
    assert len(r.inputs) == 198 - 32  # every input cell printed (as 0) in the published report
    headings = [line for line in r.texts["overview"].splitlines() if line.startswith("（")]
    assert headings == ["（一）主动公开情况", "（二）依申请公开情况", "（三）政府信息管理及平台建设", "（四）监督保障",
                        "（五）巩固基层政务公开试点成果"]
    assert "公开信息共56条" in r.texts["overview"]
    assert r.texts["problems"].startswith("2019年，我局深入贯彻落实")
    assert r.texts["other"] == "无其他需要报告的事项。"


def test_save_keeps_backup_and_leaves_no_temp(tmp_path):
    p = tmp_path / "a.ogir"
    r = Report("甲局", 2022)
    save(r, p)
    first = p.read_bytes()
    r.set_meta("agency", "乙局")
    save(r, p)
    assert backup_path(p).read_bytes() == first
    assert load(p).meta.agency == "乙局"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.ogir", "a.ogir.bak"]


def test_unknown_keys_survive(tmp_path):
    p = tmp_path / "a.ogir"
    data = to_dict(Report("甲局", 2022))
    data["future_feature"] = {"x": [1, 2]}
    data["metadata"]["signature"] = "张三"
    p.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    r = load(p)
    save(r, p)
    again = json.loads(p.read_text("utf-8"))
    assert again["future_feature"] == {"x": [1, 2]}
    assert again["metadata"]["signature"] == "张三"


def _valid_bytes() -> bytes:
    return dumps(distinct_full_report("2021"))


def _mutate(fn):
    data = json.loads(_valid_bytes())
    fn(data)
    return json.dumps(data, ensure_ascii=False).encode()


DAMAGED = {
    "truncated": (lambda: _valid_bytes()[:700], DraftUnreadable),
    "empty": (lambda: b"", DraftUnreadable),
    "random bytes": (lambda: bytes(range(256)) * 8, DraftUnreadable),
    "not an object": (lambda: b"[1, 2, 3]", DraftSchemaError),
    "other json": (lambda: b'{"name": "something else"}', DraftSchemaError),
    "year as text": (lambda: _mutate(lambda d: d["metadata"].__setitem__("year", "2022")), DraftSchemaError),
    "value as text": (lambda: _mutate(lambda d: d["tables"]["applications"]["new"].__setitem__("natural", "五")), DraftSchemaError),
    "missing tables": (lambda: _mutate(lambda d: d.pop("tables")), DraftSchemaError),
    "missing agency": (lambda: _mutate(lambda d: d["metadata"].pop("agency")), DraftSchemaError),
    "unknown cell": (lambda: _mutate(lambda d: d["tables"]["applications"].__setitem__("bogus", {"natural": 1})), DraftSchemaError),
    "total stored as input": (lambda: _mutate(lambda d: d["tables"]["applications"]["new"].__setitem__("total", 9)), DraftSchemaError),
    "unknown form": (lambda: _mutate(lambda d: d["metadata"].__setitem__("form", "2030")), DraftSchemaError),
    "future version": (lambda: _mutate(lambda d: d.__setitem__("format_version", 99)), DraftTooNew),
}


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_damaged_files_give_typed_errors_and_stay_untouched(tmp_path, case):
    make, error = DAMAGED[case]
    p = tmp_path / "bad.ogir"
    raw = make()
    p.write_bytes(raw)
    before = os.stat(p).st_mtime_ns
    with pytest.raises(error) as exc:
        load(p)
    msg = str(exc.value)
    assert msg and any("\u4e00" <= ch <= "\u9fff" for ch in msg), msg
    assert "Traceback" not in msg
    assert p.read_bytes() == raw and os.stat(p).st_mtime_ns == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["bad.ogir"]


def test_missing_file(tmp_path):
    with pytest.raises(DraftNotFound, match="找不到"):
        load(tmp_path / "nope.ogir")


def test_unwritable_location(tmp_path):
    with pytest.raises(DraftWriteError):
        save(Report("甲局", 2022), tmp_path / "no" / "such" / "dir.ogir")
    with pytest.raises(DraftWriteError):
        save(Report("甲局", 2022), tmp_path)


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@st.composite
def reports(draw):
    form_key = draw(st.sampled_from(["2019", "2021"]))
    year = draw(st.integers(2019, 2020) if form_key == "2019" else st.integers(2021, 2040))
    r = Report(draw(texts), year, form_key, date=draw(texts), contact=draw(texts), compiler=draw(texts))
    form = get_form(form_key)
    inputs = [ref for ref, spec in form.cells.items() if not spec.computed]
    chosen = draw(st.lists(st.sampled_from(inputs), unique=True, max_size=40))
    values = {}
    for ref in chosen:
        spec = form.cells[ref]
        if spec.domain.is_integer:
            lo = -10**6 if spec.domain.allows_negative else 0
            values[ref] = draw(st.integers(lo, 10**9))
        else:
            values[ref] = draw(st.decimals(0, 10**8, places=4, allow_nan=False, allow_infinity=False))
    r.set_values(values)
    for s in form.narratives:
        r.set_text(s.key, draw(texts))
    return r


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reports())
def test_save_load_equality(tmp_path, report):
    p = tmp_path / "h.ogir"
    save(report, p)
    assert snapshot(load(p)) == snapshot(report)
