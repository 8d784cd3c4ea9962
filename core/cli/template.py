"""`ogi-report template`: a blank Excel form for subordinate units."""
from __future__ import annotations

import argparse

from ..forms import FORMS
from .command import EXIT_OK, CliError, Command, year


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", required=True, type=year, help="报告年度")
    p.add_argument("--form", choices=list(FORMS), help="报告格式（默认按年度自动确定）")
    p.add_argument("--xlsx", required=True, metavar="OUT.xlsx", help="模板文件路径")


def run(args: argparse.Namespace) -> int:
    from ..export.excel import export_template

    try:
        export_template(args.year, args.xlsx, args.form)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    print(f"已生成 {args.year} 年度空白填报模板：{args.xlsx}")
    return EXIT_OK


COMMAND = Command("template", "生成空白 Excel 填报模板", arguments, run)
