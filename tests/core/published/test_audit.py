"""Auditing a folder of published reports, and the two CLI commands."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.audit import run_audit, write_workbook
from core.audit.copies import Paragraph, copied_paragraphs
from core.cli import main
from core.storage import load

from . import pages

AGENCY = "某某县自然资源局"


def _page(agency: str, year: int) -> str:
    return pages.page_2021().replace(f"{AGENCY}2024年", f"{agency}{year}年")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "reports"
    (d / "sub").mkdir(parents=True)
    (d / "a2023.html").write_text(_page(AGENCY, 2023), encoding="utf-8")
    (d / "sub" / "a2024.htm").write_bytes(_page(AGENCY, 2024).replace("charset=utf-8", "charset=gbk").encode("gbk"))
    (d / "water2024.html").write_text(_page("某某县水利局", 2024), encoding="utf-8")
    (d / "broken.pdf").write_bytes(b"not a pdf")
    (d / "notes.txt").write_text("not a report", encoding="utf-8")
    return d


def test_audit_chains_years_finds_copies_and_lists_unreadable_files(folder: Path) -> None:
    result = run_audit([folder])
    names = [e.path.name for e in result.entries]
    assert sorted(names) == ["a2023.html", "a2024.htm", "broken.pdf", "water2024.html"]
    by = {e.path.name: e for e in result.entries}
    assert "已损坏" in by["broken.pdf"].error
    later = by["a2024.htm"]
    assert later.previous == folder / "a2023.html"
    v7 = sorted(f.cells[0][2] for f in later.findings if f.rule == "V7")
    # 2024 上年结转 (11,0,0,0,0,1) against 2023 结转下年度 (92,0,0,0,1,1)
    assert v7 == ["legal_service", "natural"]
    v8 = [f for f in later.findings if f.rule == "V8"]
    assert [(f.expected, f.actual) for f in v8] == [(40, 37)]  # 37 + 4 - 1
    assert any(f.rule == "V11" for f in later.findings)
    assert not [f for f in by["a2023.html"].findings if f.rule in ("V7", "V8", "V11")]
    # The one long paragraph of 一 is shared with another agency: two pairs (2023 and 2024 pages),
    # none between the same agency's two years.
    pairs = {(result.entries[p.a.owner].path.name, result.entries[p.b.owner].path.name) for p in result.copies}
    assert {frozenset(p) for p in pairs} == {frozenset({"a2023.html", "water2024.html"}),
                                             frozenset({"a2024.htm", "water2024.html"})}
    assert all(p.a.text == pages.OVERVIEW[0] for p in result.copies)


def test_workbook_sheets(folder: Path, tmp_path: Path) -> None:
    result = run_audit([folder])
    out = tmp_path / "审核.xlsx"
    write_workbook(result, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "问题清单", "雷同段落"]
    summary = list(wb["汇总"].iter_rows(values_only=True))
    assert summary[0][:8] == ("文件", "机关名称", "报告年度", "报告格式", "错误", "警告", "导入问题", "雷同段落")
    row = next(r for r in summary if r[0] == "a2024.htm")
    assert row[1:4] == (AGENCY, 2024, "2021年版格式") and row[7] == 1
    findings = list(wb["问题清单"].iter_rows(values_only=True))
    assert any(r[0] == "a2024.htm" and r[4] == "V7" for r in findings)
    assert any(r[0] == "broken.pdf" and r[3] == "无法读取" for r in findings)
    quoted = [r for r in findings if r[4] == "雷同"]
    assert len(quoted) == 4 and all(r[6] == pages.OVERVIEW[0] for r in quoted)
    assert len(list(wb["雷同段落"].iter_rows(values_only=True))) == 3


def test_copy_detection_threshold() -> None:
    base = "本机关严格落实政府信息公开保密审查制度，坚持先审查后公开，全年未发生泄密事件，公开内容准确规范。"
    near = base.replace("全年", "本年")  # one character different: well above 90 %
    far = "本机关加强政务新媒体管理，开设专栏十二个，发布信息三百余条，回应关切二十次，群众满意度明显提升。"
    paras = [Paragraph(0, "a", "overview", base), Paragraph(1, "b", "overview", near),
             Paragraph(2, "c", "overview", far), Paragraph(3, "a", "problems", near)]
    pairs = copied_paragraphs(paras)
    assert [(p.a.owner, p.b.owner) for p in pairs] == [(0, 1), (1, 3)] or \
        sorted((p.a.owner, p.b.owner) for p in pairs) == [(0, 1), (1, 3)]
    assert all(p.ratio >= 0.9 for p in pairs)


def test_cli_import_report_and_audit(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "a.ogir"
    assert main(["import-report", str(folder / "a2023.html"), "-o", str(draft)]) == 0
    out = capsys.readouterr().out
    assert "某某县自然资源局" in out and "近似匹配" in out
    report = load(draft)
    assert report.meta.year == 2023 and report.value(("applications", "new", "natural")) == 1204
    assert main(["import-report", str(folder / "a2023.html"), "-o", str(draft)]) == 2  # exists, no --force
    assert main(["import-report", str(folder / "broken.pdf"), "-o", str(tmp_path / "b.ogir")]) == 2
    assert "已损坏" in capsys.readouterr().err
    assert main(["import-report", str(folder / "a2023.html"), "-o", str(draft), "--force", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["import"]["metadata"] == {"agency": AGENCY, "year": 2023, "date": "2025-01-20"}
    xlsx = tmp_path / "audit.xlsx"
    assert main(["audit", str(folder), "--xlsx", str(xlsx), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["reports"]) == 4 and len(data["copied_paragraphs"]) == 2
    assert xlsx.exists()
    assert main(["audit", str(tmp_path / "nothing"), "--xlsx", str(xlsx)]) == 2
