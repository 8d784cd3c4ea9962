"""Every real published report in tests/fixtures/published imports exactly as
its hand-typed expected.json says: format, metadata, input cells, stated
totals, units, cells printed blank or with a dash, and how each narrative
section starts.  Any difference fails, with all differences listed."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.importers.published import ImportResult, import_published

PUBLISHED = Path(__file__).resolve().parents[2] / "fixtures" / "published"
FIXTURES = sorted(p for p in PUBLISHED.iterdir() if p.is_dir()) if PUBLISHED.is_dir() else []


def _flat(nested: dict[str, Any]) -> dict[tuple[str, str, str], Any]:
    return {(t, r, c): v for t, rows in nested.items() for r, cols in rows.items() for c, v in cols.items()}


def _squash(text: str) -> str:
    return "".join(text.split())


def differences(result: ImportResult, expected: dict[str, Any]) -> list[str]:
    out = []
    if result.form.key != expected["format"]:
        out.append(f"format {result.form.key} != {expected['format']}")
    meta = expected["metadata"]
    for name, got in (("agency", result.agency), ("year", result.year), ("date", result.date)):
        if got != meta[name]:
            out.append(f"metadata.{name}: {got!r} != {meta[name]!r}")
    for part, got in (("tables", result.inputs), ("reported_totals", result.reported_totals),
                      ("units", result.units)):
        want = _flat(expected.get(part, {}))
        if part == "units":
            got = {ref: u for ref, u in got.items() if ref in want or u != "万元"}
        for ref in sorted(set(want) | set(got)):
            if ref not in got:
                out.append(f"{part}: {ref} missing (expected {want[ref]!r})")
            elif ref not in want:
                out.append(f"{part}: {ref} = {got[ref]!r} not expected")
            elif float(got[ref]) != float(want[ref]) if part != "units" else got[ref] != want[ref]:
                out.append(f"{part}: {ref} = {got[ref]!r}, expected {want[ref]!r}")
    want_blank = {(t, r, c): text for t, r, c, text in expected["cells_printed_blank_or_dash"]}
    got_blank = dict(result.printed_blank)
    for ref in sorted(set(want_blank) | set(got_blank)):
        if _squash(want_blank.get(ref, "?")) != _squash(got_blank.get(ref, "?")):
            out.append(f"printed blank/dash: {ref} {got_blank.get(ref)!r} != {want_blank.get(ref)!r}")
    for section, start in expected["narrative_starts"].items():
        text = _squash(result.texts.get(section, ""))
        if not text.startswith(_squash(start)):
            out.append(f"narrative {section} starts {text[:30]!r}, expected {start!r}")
    return out


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_fixture_imports_as_typed_by_hand(fixture: Path) -> None:
    expected = json.loads((fixture / "expected.json").read_text(encoding="utf-8"))
    source = next(p for p in fixture.iterdir() if p.stem == "source")
    result = import_published(source)
    problems = differences(result, expected)
    assert not problems, f"{fixture.name}: {len(problems)} differences:\n" + "\n".join(problems[:60])
