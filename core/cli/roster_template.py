"""`ogi-report roster-template OUT.xlsx [--from WORKSPACE]`: the 汇总 roster to fill."""
from __future__ import annotations

import argparse
from pathlib import Path

from .command import EXIT_OK, CliError, Command


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("output", help="输出的单位名单模板（.xlsx）")
    p.add_argument("--from", dest="source", help="从上一年度的汇总文件（.ogiw）带入单位名单")


def run(args: argparse.Namespace) -> int:
    from ..consolidation import ConsolidationError
    from ..consolidation.roster import roster_template_bytes
    from ..consolidation.storage import load
    from ..export.files import write_output

    out = Path(args.output)
    if out.suffix.lower() != ".xlsx":
        raise CliError(f"“{out.name}”应以 .xlsx 结尾。")
    try:
        ws = load(args.source) if args.source else None
    except ConsolidationError as exc:
        raise CliError(str(exc)) from None
    write_output(out, roster_template_bytes(ws))
    print(f"已写入单位名单模板“{out}”{f'（{len(ws.units)}个单位）' if ws else ''}。")
    return EXIT_OK


COMMAND = Command("roster-template", "生成汇总用的单位名单模板（Excel）", arguments, run)
