"""`ogi-report audit`: check many published reports and write one workbook."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .command import EXIT_OK, CliError, Command


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="FILES_OR_FOLDERS", help="已发布的报告文件或文件夹（含子文件夹）")
    p.add_argument("--xlsx", required=True, metavar="OUT.xlsx", help="审核结果工作簿")
    p.add_argument("--json", action="store_true", help="同时以 JSON 输出审核结果")


def _progress(done: int, total: int, what: str) -> None:
    print(f"[{done}/{total}] {what}", file=sys.stderr)


def _json(result: Any) -> dict[str, Any]:
    entries = []
    for e in result.entries:
        item: dict[str, Any] = {"file": str(e.path), "error": e.error}
        if e.report is not None:
            m = e.report.meta
            item.update({"agency": m.agency, "year": m.year, "format": m.form_key, "errors": e.errors,
                         "warnings": e.warnings, "import_problems": e.import_problems,
                         "previous": str(e.previous) if e.previous else None,
                         "findings": [{**f.to_json(), "evidence": f.evidence} for f in e.findings],
                         "import_notes": [n.to_json() for n in e.result.problems] if e.result else []})
        entries.append(item)
    copies = [{"ratio": round(p.ratio, 3), "a": str(result.entries[p.a.owner].path), "b": str(result.entries[p.b.owner].path),
               "text_a": p.a.text, "text_b": p.b.text} for p in result.copies]
    return {"reports": entries, "copied_paragraphs": copies, "skipped": result.skipped}


def run(args: argparse.Namespace) -> int:
    from ..audit import run_audit, write_workbook

    if not str(args.xlsx).lower().endswith(".xlsx"):
        raise CliError("--xlsx 的文件名应以 .xlsx 结尾。")
    result = run_audit(args.paths, None if args.json else _progress)
    if not result.entries:
        raise CliError("没有找到可审核的报告文件（.html、.htm、.mhtml、.docx、.doc、.wps、.pdf）。")
    write_workbook(result, args.xlsx)
    if args.json:
        print(json.dumps(_json(result), ensure_ascii=False, indent=1))
        return EXIT_OK
    unreadable = sum(1 for e in result.entries if e.error)
    errors = sum(e.errors for e in result.entries)
    print(f"已审核 {len(result.entries)} 份报告（{unreadable} 份无法读取），共 {errors} 个错误、"
          f"{sum(e.warnings for e in result.entries)} 个警告、{len(result.copies)} 处跨机关雷同段落。结果：{args.xlsx}")
    for s in result.skipped:
        print(f"  已跳过：{s}")
    return EXIT_OK


COMMAND = Command("audit", "审核一批已发布的报告，生成审核结果工作簿", arguments, run)
