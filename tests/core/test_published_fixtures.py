"""The hand-typed expectations of tests/fixtures/published/ are well-formed.

Only the shape is checked here (keys that exist in core.forms, input cells in
`tables`, totals in `reported_totals`, a non-empty source file of a supported
type), so that a typo in a hand-typed key fails loudly instead of silently
matching nothing.  Comparing an import with these expectations is the
importer's test, not this one.
"""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from core.forms import FORMS
from core.forms.schema import CellRef, Form

PUBLISHED = Path(__file__).resolve().parents[1] / "fixtures" / "published"
SOURCE_TYPES = {".html", ".htm", ".docx", ".pdf"}
TOP_KEYS = {
    "source_url", "portal", "how_obtained", "format", "metadata", "tables", "reported_totals",
    "cells_printed_blank_or_dash", "narrative_starts", "notes",
}
OPTIONAL_KEYS = {"units"}
NARRATIVES = {"overview", "problems", "other"}
DATE = re.compile(r"^(\d{4}-\d{2}(-\d{2})?)?$")

FIXTURES = sorted(p for p in PUBLISHED.iterdir() if p.is_dir()) if PUBLISHED.is_dir() else []


def _load(fixture: Path) -> dict[str, Any]:
    data = json.loads((fixture / "expected.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _cells(data: dict[str, Any], part: str) -> list[tuple[CellRef, object]]:
    out: list[tuple[CellRef, object]] = []
    tables = data[part]
    assert isinstance(tables, dict), part
    for table, rows in tables.items():
        assert isinstance(rows, dict), (part, table)
        for row, cols in rows.items():
            assert isinstance(cols, dict), (part, table, row)
            for col, value in cols.items():
                out.append(((table, row, col), value))
    return out


def test_there_are_fixtures() -> None:
    assert FIXTURES, f"no fixture folders under {PUBLISHED}"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_source_file_exists_and_has_the_right_kind(fixture: Path) -> None:
    sources = [p for p in fixture.iterdir() if p.stem == "source"]
    assert len(sources) == 1, f"{fixture.name}: expected exactly one source.* file, found {sources}"
    src = sources[0]
    assert src.suffix in SOURCE_TYPES, src.name
    blob = src.read_bytes()
    assert len(blob) > 1000, f"{src} is (nearly) empty"
    if src.suffix == ".pdf":
        assert blob.startswith(b"%PDF-")
    elif src.suffix == ".docx":
        with zipfile.ZipFile(src) as z:
            assert "word/document.xml" in z.namelist()
    else:
        assert b"<table" in blob.lower()


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_expected_json_names_real_cells(fixture: Path) -> None:
    data = _load(fixture)
    keys = set(data)
    assert TOP_KEYS <= keys, f"missing keys: {TOP_KEYS - keys}"
    assert keys <= TOP_KEYS | OPTIONAL_KEYS, f"unknown keys: {keys - TOP_KEYS - OPTIONAL_KEYS}"
    for key in ("source_url", "portal", "how_obtained", "notes"):
        assert isinstance(data[key], str) and data[key].strip(), key

    assert data["format"] in FORMS, data["format"]
    form: Form = FORMS[data["format"]]

    meta = data["metadata"]
    assert set(meta) == {"agency", "year", "date"}, meta
    assert isinstance(meta["agency"], str) and meta["agency"]
    assert isinstance(meta["year"], int) and form.covers(meta["year"]), meta["year"]
    assert isinstance(meta["date"], str) and DATE.match(meta["date"]), meta["date"]

    seen: set[CellRef] = set()
    for ref, value in _cells(data, "tables"):
        assert ref in form.cells, f"{fixture.name}: tables names no cell {ref} of the {form.key} form"
        spec = form.cells[ref]
        assert not spec.computed, f"{fixture.name}: {ref} is a total; it belongs in reported_totals"
        assert isinstance(value, (int, float)) and not isinstance(value, bool), (ref, value)
        if spec.domain.is_integer:
            assert isinstance(value, int), (ref, value)
        if not spec.domain.allows_negative:
            assert value >= 0, (ref, value)
        assert ref not in seen, ref
        seen.add(ref)
    for ref, value in _cells(data, "reported_totals"):
        assert ref in form.cells, f"{fixture.name}: reported_totals names no cell {ref} of the {form.key} form"
        assert form.cells[ref].computed, f"{fixture.name}: {ref} is an input cell; it belongs in tables"
        assert isinstance(value, int) and value >= 0, (ref, value)
        assert ref not in seen, ref
        seen.add(ref)
    for ref, unit in _cells(data, "units") if "units" in data else []:
        assert ref in form.cells and unit in form.cells[ref].domain.units, (ref, unit)
        assert ref in seen, f"unit given for {ref}, which has no value"

    blanks = data["cells_printed_blank_or_dash"]
    assert isinstance(blanks, list)
    for entry in blanks:
        assert isinstance(entry, list) and len(entry) == 4 and all(isinstance(x, str) for x in entry), entry
        ref = (entry[0], entry[1], entry[2])
        assert ref in form.cells, f"{fixture.name}: blank list names no cell {ref} of the {form.key} form"
        assert ref not in seen, f"{fixture.name}: {ref} is listed both with a value and as printed blank"
        seen.add(ref)

    starts = data["narrative_starts"]
    assert set(starts) == NARRATIVES, starts
    assert all(isinstance(v, str) for v in starts.values())


def test_readme_lists_every_fixture() -> None:
    readme = (PUBLISHED / "README.md").read_text(encoding="utf-8")
    for fixture in FIXTURES:
        assert f"`{fixture.name}`" in readme, f"README.md does not list {fixture.name}"
