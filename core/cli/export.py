"""`ogi-report export`: Word, web page and Excel attachment of a draft."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..storage import load
from .command import EXIT_OK, CliError, Command


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="草稿文件")
    p.add_argument("--docx", metavar="OUT.docx", help="导出正式版式的 Word 文档")
    p.add_argument("--html", metavar="OUT.html", help="导出可粘贴到门户网站的网页")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="导出 Excel 附表")


def run(args: argparse.Namespace) -> int:
    # the exporters load python-docx/openpyxl: only when this command runs
    from ..export.excel import export_xlsx
    from ..export.html_page import export_html
    from ..export.word import export_docx

    targets = [(args.docx, export_docx, "Word"), (args.html, export_html, "网页"), (args.xlsx, export_xlsx, "Excel 附表")]
    targets = [t for t in targets if t[0]]
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
