"""Fuzz suite (issue 12): whatever bytes the loader or the importer is given,
the answer is a report or a typed error with a Chinese message, never another
exception; and whatever loads can be saved and loads again.

The default run is bounded to a few seconds (FAST examples each); the same
properties run with LONG examples under `pytest -m fuzz`."""
from __future__ import annotations

import json
import zipfile
from io import BytesIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.export.excel import xlsx_bytes
from core.importers.errors import XlsxImportError
from core.importers.xlsx import read_xlsx_bytes
from core.storage import DraftError, dumps, loads
from tests.core.conftest import distinct_full_report

FAST, LONG = 25, 1500
fast = settings(max_examples=FAST, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
long = settings(max_examples=LONG, deadline=None, suppress_health_check=list(HealthCheck))

# Text with the characters that broke saving and exporting: lone surrogates, C0 controls, non-characters.
hostile_text = st.text(alphabet=st.one_of(
    st.characters(codec=None), st.sampled_from(["\ud800", "\udfff", "\x00", "\x07", "\x0b", "\ufffe", "\uffff", "\r"])),
    max_size=40)
numbers = st.one_of(st.integers(min_value=-10**30, max_value=10**30), st.floats(allow_nan=False),
                    st.sampled_from(["1e999999999", "9" * 5000, "-0", "1.00000", "2.5e3"]))
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), numbers, hostile_text),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(hostile_text, inner, max_size=4)),
    max_leaves=20)


def draft_text(meta: dict, sections: dict, tables: object, extra: object) -> str:
    base = {"app": "ogi-report", "format_version": 1,
            "metadata": {"agency": "某局", "year": 2024, "form": "2021", **meta},
            "sections": sections, "tables": tables, "zz_extra": extra}
    return json.dumps(base, ensure_ascii=True)


def check_loader(raw: bytes) -> None:
    try:
        report = loads(raw)
    except DraftError as exc:
        assert str(exc) and not str(exc).isascii()  # a Chinese message
        return
    again = loads(dumps(report))  # whatever loads can be saved and read back
    assert again.meta.agency == report.meta.agency


draft_parts = st.tuples(
    st.dictionaries(st.sampled_from(["agency", "date", "contact", "compiler", "year", "form"]), json_values, max_size=4),
    st.dictionaries(st.sampled_from(["overview", "problems", "other", "x"]), json_values, max_size=3),
    st.one_of(json_values, st.just({"applications": {"new": {"natural": 3}}})),
    json_values)


def _loader_case(parts: tuple) -> None:
    check_loader(draft_text(*parts).encode("utf-8"))


@fast
@given(draft_parts)
def test_loader_on_structured_drafts(parts):
    _loader_case(parts)


@fast
@given(st.binary(max_size=300))
def test_loader_on_random_bytes(raw):
    check_loader(raw)


SEED = dumps(distinct_full_report("2021"))


@fast
@given(st.integers(min_value=0, max_value=len(SEED) - 1), st.binary(min_size=1, max_size=8))
def test_loader_on_a_damaged_real_draft(pos, patch):
    check_loader(SEED[:pos] + patch + SEED[pos + len(patch):])


XLSX = xlsx_bytes(distinct_full_report("2021"), [])
PARTS = zipfile.ZipFile(BytesIO(XLSX)).namelist()


def check_importer(data: bytes) -> None:
    try:
        read_xlsx_bytes(data, "fuzz.xlsx")
    except XlsxImportError as exc:
        assert str(exc) and not str(exc).isascii()


def rezip(part: str, content: bytes) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(XLSX)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == part else src.read(info.filename))
    return out.getvalue()


@fast
@given(st.integers(min_value=0, max_value=len(XLSX) - 1), st.binary(min_size=1, max_size=16))
def test_importer_on_damaged_archives(pos, patch):
    check_importer(XLSX[:pos] + patch + XLSX[pos + len(patch):])


xml_noise = st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")))


@fast
@given(st.sampled_from(PARTS), st.integers(min_value=0, max_value=4000), xml_noise)
def test_importer_on_damaged_parts(part, pos, noise):
    content = zipfile.ZipFile(BytesIO(XLSX)).read(part)
    pos = min(pos, len(content))
    check_importer(rezip(part, content[:pos] + noise + content[pos:]))


@pytest.mark.fuzz
@long
@given(draft_parts)
def test_loader_long(parts):
    _loader_case(parts)


@pytest.mark.fuzz
@long
@given(st.sampled_from(PARTS), st.integers(min_value=0, max_value=4000), xml_noise)
def test_importer_long(part, pos, noise):
    content = zipfile.ZipFile(BytesIO(XLSX)).read(part)
    pos = min(pos, len(content))
    check_importer(rezip(part, content[:pos] + noise + content[pos:]))
