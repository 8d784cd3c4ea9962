"""`ogi-report import-xlsx`: a filled-in Excel attachment into a new draft."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..checks import run_checks
from ..storage import save
from .command import EXIT_FINDINGS, EXIT_OK, CliError, Command


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="Excel 附表（.xlsx）")
    p.add_argument("-o", "--output", required=True, help="生成的草稿文件路径")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")


def run(args: argparse.Namespace) -> int:
    from ..importers.xlsx import import_xlsx

    out = Path(args.output)
    if out.exists() and not args.force:
        raise CliError(f"“{out}”已存在。如确需覆盖，请加 --force。")
    report = import_xlsx(args.file)
    save(report, out)
    errors = [f for f in run_checks(report) if f.is_error]
    print(f"已导入“{Path(args.file).name}”，保存为草稿：{out}")
    for notice in report.notices:
        print(f"  注意：{notice}")
    if errors:
        # the draft is written either way; the exit status says, as validate's does
        print(f"导入的数据有 {len(errors)} 个错误，可用 validate 命令查看。")
        return EXIT_FINDINGS
    return EXIT_OK


COMMAND = Command("import-xlsx", "从 Excel 附表导入，生成草稿", arguments, run)
