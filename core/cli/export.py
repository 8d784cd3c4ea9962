"""`ogi-report export`: Word, web page and Excel attachment of a draft."""
from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ..model.report import Report
from ..storage import load
from .command import EXIT_OK, CliError, Command


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="草稿文件")
    p.add_argument("--docx", metavar="OUT.docx", help="导出正式版式的 Word 文档")
    p.add_argument("--html", metavar="OUT.html", help="导出可粘贴到门户网站的网页")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="导出 Excel 附表")
    p.add_argument("--html-charts", action="store_true", help="网页中附上图解（内嵌 SVG 图）")


def run(args: argparse.Namespace) -> int:
    # the exporters load python-docx/openpyxl: only when this command runs
    from ..export.excel import export_xlsx
    from ..export.html_page import export_html
    from ..export.word import export_docx

    def xlsx(report: Report, out: str) -> None:
        from ..checks import run_checks

        export_xlsx(report, out, run_checks(report))

    def html(report: Report, out: str) -> None:
        export_html(report, out, charts=args.html_charts, draft_path=args.file)

    asked: list[tuple[str | None, Callable[[Report, str], object], str]] = [
        (args.docx, export_docx, "Word"), (args.html, html, "网页"), (args.xlsx, xlsx, "Excel 附表")]
    targets = [(out, fn, kind) for out, fn, kind in asked if out]
    if not targets:
        raise CliError("请至少指定一种导出格式：--docx、--html 或 --xlsx。")
    draft = Path(args.file).resolve()
    for out, _, _ in targets:
        if Path(out).resolve() == draft:
            raise CliError("导出文件不能与草稿文件相同。")
    report = load(args.file)
    for out, fn, kind in targets:
        fn(report, out)
        print(f"已导出{kind}文件：{out}")
    return EXIT_OK


COMMAND = Command("export", "导出 Word（.docx）、网页（.html）", arguments, run)
