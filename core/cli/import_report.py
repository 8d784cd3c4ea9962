"""`ogi-report import-report`: a published report (web page, Word, PDF) into a new draft."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..checks import findings_to_json, run_checks
from ..storage import save
from .command import EXIT_OK, CliError, Command


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="已发布的报告：网页（.html/.htm/.mhtml）、Word（.docx/.doc/.wps）或 PDF")
    p.add_argument("-o", "--output", required=True, help="生成的草稿文件路径")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出导入报告和校验结果")


def run(args: argparse.Namespace) -> int:
    from ..importers.published import import_published
    from ..importers.published.result import LABELS, Kind

    out = Path(args.output)
    if out.exists() and not args.force:
        raise CliError(f"“{out}”已存在。如确需覆盖，请加 --force。")
    result = import_published(args.file)
    report = result.to_report()
    save(report, out)
    findings = run_checks(report)
    if args.json:
        data = {"draft": str(out), "import": result.to_json(), **findings_to_json(findings)}
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return EXIT_OK
    m = report.meta
    print(f"已导入“{Path(args.file).name}”（{result.form.short_name}，{m.agency or '机关名称未识别'}，"
          f"{m.year}年度{'，成文日期 ' + m.date if m.date else ''}），保存为草稿：{out}")
    print(f"  读入 {len(result.inputs)} 个数值、{len(result.reported_totals)} 个已印总计，"
          f"正文 {sum(1 for t in result.texts.values() if t.strip())} 部分。")
    for note in result.notes:
        if note.kind != Kind.BLANK:
            print(f"  [{LABELS.get(note.kind, note.kind)}] {note.message}")
    blanks: dict[str, int] = {}
    for ref in result.printed_blank:
        name = result.form.table(ref[0]).name
        blanks[name] = blanks.get(name, 0) + 1
    for name, n in blanks.items():
        print(f"  [{LABELS[Kind.BLANK]}] {name}有 {n} 个单元格印为空白或横线，按空白导入（不是0）；--json 逐个列出。")
    errors = sum(1 for f in findings if f.is_error)
    if errors:
        print(f"注意：导入的报告有 {errors} 个错误，可用 validate 命令查看。")
    return EXIT_OK


COMMAND = Command("import-report", "把已发布的报告（网页、Word、PDF）导入为草稿", arguments, run)
