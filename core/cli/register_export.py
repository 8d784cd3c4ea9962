"""`ogi-report register-export DRAFT --xlsx OUT [--omit-names]`: the register as Excel."""
from __future__ import annotations

import argparse

from .command import EXIT_OK, Command


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("draft", help="报告草稿（.ogir）")
    p.add_argument("--xlsx", required=True, metavar="OUT", help="导出的台账 Excel 文件")
    p.add_argument("--omit-names", action="store_true", help="不导出申请人姓名（名称）")


def run(args: argparse.Namespace) -> int:
    from ..register.xlsx_export import export_register_xlsx
    from ..storage import load

    report = load(args.draft)
    export_register_xlsx(report.register_live, args.xlsx, omit_names=args.omit_names)
    names = "（未含申请人）" if args.omit_names else ""
    print(f"已导出台账{len(report.register)}件{names}：{args.xlsx}")
    return EXIT_OK


COMMAND = Command("register-export", "把报告草稿中的登记台账导出为 Excel", arguments, run)
