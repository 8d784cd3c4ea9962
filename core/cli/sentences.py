"""`ogi-report sentences`: the data passages generated from a draft's tables."""
from __future__ import annotations

import argparse

from ..storage import load
from .command import EXIT_OK, Command


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="草稿文件")


def run(args: argparse.Namespace) -> int:
    from ..sentences import all_passages

    report = load(args.file)
    headings = {s.key: s.heading for s in report.form.narratives}
    linked = {(section, s.link.key) for section in report.links for s in report.linked_spans(section)}
    print(f"{report.title}：根据表格数字生成的数据说明（{report.form.short_name}）")
    for p, text in all_passages(report):
        mark = "，已链接在正文中" if (p.section, p.key) in linked else ""
        print(f"\n【{p.title}】（用于“{headings[p.section]}”{mark}）\n{text}")
    return EXIT_OK


COMMAND = Command("sentences", "显示根据表格数字生成的数据说明", arguments, run)
