"""`ogi-report send-templates ROSTER --year Y -o DIR`: one blank attachment per unit."""
from __future__ import annotations

import argparse

from .command import EXIT_OK, CliError, Command, year


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("roster", help="单位名单（Excel）或汇总文件（.ogiw）")
    p.add_argument("--year", type=year, help="报告年度（名单为 Excel 时必填）")
    p.add_argument("-o", "--output", required=True, help="输出文件夹")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..consolidation import ConsolidationError, Workspace
    from ..consolidation.roster import read_roster
    from ..consolidation.storage import SUFFIX, load
    from ..consolidation.templates import write_templates

    try:
        if Path(args.roster).suffix.lower() == SUFFIX:
            ws = load(args.roster)
            if args.year:
                ws.year = args.year
        else:
            if not args.year:
                raise CliError("请用 --year 指定报告年度。")
            notes: list[str] = []
            ws = Workspace(args.year, "", read_roster(args.roster, notes))
            for note in notes:
                print(f"单位名单：{note}")
        paths = write_templates(ws, args.output)
    except ConsolidationError as exc:
        raise CliError(str(exc)) from None
    print(f"已为{len(paths)}个单位生成{ws.year}年度的附表模板，保存在“{args.output}”。")
    return EXIT_OK


COMMAND = Command("send-templates", "为名单中的每个单位生成预填名称和年度的空白附表", arguments, run)
