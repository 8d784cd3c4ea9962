"""`ogi-report new`: a new draft, empty or carried over from last year's."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..forms import FORMS
from ..model.report import Report
from ..storage import DRAFT_SUFFIX, load, save
from .command import EXIT_OK, CliError, Command, year


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--agency", help="机关名称")
    p.add_argument("--year", type=year, help="报告年度，如 2024")
    p.add_argument("--from", dest="from_draft", metavar="LAST", help="从上年报告草稿新建（年度加一，结转相关数字）")
    p.add_argument("--form", choices=list(FORMS), help="报告格式（默认按年度自动确定）")
    p.add_argument("-o", "--output", help=f"草稿文件路径（默认“机关名称-年度{DRAFT_SUFFIX}”）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")


def run(args: argparse.Namespace) -> int:
    carry = None
    if args.from_draft:
        from ..carry import new_from_previous

        previous_path = Path(args.from_draft)
        carry = new_from_previous(load(previous_path), previous_path.resolve())
        report = carry.report
        if args.agency:
            report.set_meta("agency", args.agency)
    else:
        if not args.agency or not args.year:
            raise CliError("新建报告需要 --agency 和 --year，或用 --from 指定上年报告草稿。")
        try:
            report = Report(args.agency, args.year, args.form)
        except ValueError as exc:
            raise CliError(str(exc)) from None
    out = Path(args.output) if args.output else Path(f"{report.meta.agency}-{report.meta.year}{DRAFT_SUFFIX}")
    if out.exists() and not args.force:
        raise CliError(f"“{out}”已存在。如确需覆盖，请加 --force。")
    save(report, out)
    print(f"已创建 {report.meta.year} 年度报告草稿（{report.form.short_name}）：{out}")
    if carry is not None:
        for line in carry.carried:
            print(f"  已结转：{line}")
        for line in carry.not_carried:
            print(f"  未结转：{line}")
    return EXIT_OK


COMMAND = Command("new", "新建报告草稿", arguments, run)
