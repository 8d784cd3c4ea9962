"""`ogi-report show`: the report as plain text."""
from __future__ import annotations

import argparse

from ..export.text import report_text
from ..storage import load
from .command import EXIT_OK, Command


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="草稿文件")


def run(args: argparse.Namespace) -> int:
    print(report_text(load(args.file)))
    return EXIT_OK


COMMAND = Command("show", "以文本显示报告内容", arguments, run)
