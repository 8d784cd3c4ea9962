"""Exporting a 汇总 (core/consolidation/export): all three files, or none when cancelled."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.consolidation import Unit, Workspace
from core.consolidation.export import export_all
from core.consolidation.session import Consolidation, add_paths, read_all
from core.storage import load

from .consolidation_helpers import RULES_ISSUED, unit_report, write


class Stop(Exception):
    pass


def _consolidation(tmp_path: Path) -> Consolidation:
    got = tmp_path / "收到"
    got.mkdir()
    write(unit_report("某某县教育局", issued=2), got, "a.ogir")
    write(unit_report("某某镇人民政府", issued=5), got, "b.ogir")
    ws = Workspace(2021, "某某县人民政府", [Unit("某某县教育局", "部门", True, True),
                                           Unit("某某镇人民政府", "乡镇街道", False, True)])
    add_paths(ws, [got])
    return Consolidation(ws, read_all(f.path for f in ws.files))


def test_export_writes_the_three_files_and_reports_progress(tmp_path: Path) -> None:
    c = _consolidation(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    steps: list[tuple[int, int, str]] = []
    paths = export_all(c, out, lambda done, total, text: steps.append((done, total, text)))
    assert [p.name for p in paths] == ["本级汇总.ogir", "全行政区域汇总.ogir", "汇总.xlsx"]
    assert {p.name for p in out.iterdir()} == {"本级汇总.ogir", "全行政区域汇总.ogir", "汇总.xlsx"}
    assert load(out / "全行政区域汇总.ogir").number(RULES_ISSUED) == 7  # 2 + 5
    assert load(out / "本级汇总.ogir").number(RULES_ISSUED) == 2  # the town is not 本级
    assert "某某县教育局" in load_workbook(out / "汇总.xlsx").sheetnames
    # one step per unit sheet, then saving the book, then writing: never going backwards
    texts = [t for _, _, t in steps]
    assert texts[:2] == ["正在写入“某某县教育局”的工作表", "正在写入“某某镇人民政府”的工作表"]
    assert texts[-2:] == ["正在生成汇总.xlsx", "正在保存文件"]
    fractions = [done / total for done, total, _ in steps]
    assert fractions == sorted(fractions) and fractions[-1] == 1


@pytest.mark.parametrize("stop_at", [0, 2, 3])  # the first unit sheet, saving the book, just before writing
def test_a_cancelled_export_writes_nothing_and_keeps_old_files(tmp_path: Path, stop_at: int) -> None:
    c = _consolidation(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "汇总.xlsx").write_bytes(b"last year's export")
    calls = []

    def step(done: int, total: int, text: str) -> None:
        calls.append(text)
        if len(calls) > stop_at:
            raise Stop

    with pytest.raises(Stop):
        export_all(c, out, step)
    assert [p.name for p in out.iterdir()] == ["汇总.xlsx"]  # no new file, no temporary file left
    assert (out / "汇总.xlsx").read_bytes() == b"last year's export"
