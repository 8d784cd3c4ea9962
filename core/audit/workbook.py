"""The audit workbook: 汇总 (one row per report), 问题清单 (every finding with
its quote, import problems included) and 雷同段落 (paragraphs copied between
agencies, both texts side by side)."""
from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from ..export.files import write_output
from ..importers.published.result import LABELS
from .run import AuditResult

SUMMARY = "汇总"
FINDINGS = "问题清单"
COPIES = "雷同段落"
COPY_RULE = "雷同"


def _copies_of(result: AuditResult) -> dict[int, int]:
    counts: dict[int, int] = {}
    for pair in result.copies:
        for owner in (pair.a.owner, pair.b.owner):
            counts[owner] = counts.get(owner, 0) + 1
    return counts


def summary_rows(result: AuditResult) -> list[list[Any]]:
    copies = _copies_of(result)
    rows: list[list[Any]] = []
    for n, e in enumerate(result.entries):
        if e.report is None:
            rows.append([e.path.name, "", "", "", "", "", "", "", f"无法读取：{e.error}", str(e.path)])
            continue
        m = e.report.meta
        rows.append([e.path.name, m.agency, m.year, e.report.form.short_name, e.errors, e.warnings,
                     e.import_problems, copies.get(n, 0),
                     f"已与{e.previous.name}比对" if e.previous else "", str(e.path)])
    return rows


def finding_rows(result: AuditResult) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for e in result.entries:
        agency = e.report.meta.agency if e.report else ""
        year = e.report.meta.year if e.report else ""
        if e.error:
            rows.append([e.path.name, agency, year, "无法读取", "", e.error, ""])
        for f in e.findings:
            rows.append([e.path.name, agency, year, f.severity.label, f.rule, f.message, f.evidence])
        if e.result is not None:
            for note in e.result.problems:
                if note.kind == "total":
                    continue  # listed as the error R-BLANK
                rows.append([e.path.name, agency, year, "导入", LABELS.get(note.kind, note.kind), note.message,
                             note.printed])
    for pair in result.copies:
        a, b = result.entries[pair.a.owner], result.entries[pair.b.owner]
        for x, y, px in ((a, b, pair.a), (b, a, pair.b)):
            other = y.report.meta.agency if y.report else y.path.name
            rows.append([x.path.name, x.report.meta.agency if x.report else "", x.report.meta.year if x.report else "",
                         "警告", COPY_RULE, f"有一段与{other}（{y.path.name}）的报告相似度达{pair.ratio:.0%}。", px.text])
    return rows


def copy_rows(result: AuditResult) -> list[list[Any]]:
    out = []
    for pair in result.copies:
        a, b = result.entries[pair.a.owner], result.entries[pair.b.owner]
        out.append([f"{pair.ratio:.0%}", a.report.meta.agency if a.report else "", a.path.name, pair.a.text,
                    b.report.meta.agency if b.report else "", b.path.name, pair.b.text])
    return out


def write_workbook(result: AuditResult, path: Path | str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    sheets = [
        (SUMMARY, ["文件", "机关名称", "报告年度", "报告格式", "错误", "警告", "导入问题", "雷同段落", "跨年度比对", "路径"],
         summary_rows(result), [28, 30, 9, 18, 7, 7, 9, 9, 30, 50]),
        (FINDINGS, ["文件", "机关名称", "报告年度", "类别", "规则", "说明", "引文"], finding_rows(result),
         [28, 30, 9, 8, 10, 80, 60]),
        (COPIES, ["相似度", "机关A", "文件A", "段落A", "机关B", "文件B", "段落B"], copy_rows(result),
         [8, 24, 24, 60, 24, 24, 60]),
    ]
    for i, (title, head, rows, widths) in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = title
        ws.append(head)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append(row)
        for col, w in enumerate(widths, start=1):
            ws.column_dimensions[chr(64 + col)].width = w
        wrap = Alignment(wrap_text=True, vertical="top")
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and len(cell.value) > 20:
                    cell.alignment = wrap
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    buf = BytesIO()
    wb.save(buf)
    write_output(Path(path), buf.getvalue())
