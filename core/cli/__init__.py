"""Command line: `python -m core …` (also installed as `ogi-report`).

Exit codes: 0 success, 1 the report has errors (validate), 2 a file could not
be read or written or the arguments are wrong.  Errors are one Chinese line on
stderr, never a traceback.

Each subcommand is a module of this package holding a `COMMAND`
(`core/cli/command.py`); adding one is a new module plus one line in
SUBCOMMANDS below.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .. import APP_NAME, __version__
from ..export.files import ExportError
from ..importers.errors import XlsxImportError
from ..storage import DraftError
from .command import EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, CliError, Command

# The subcommands, in the order `--help` lists them: modules of this package.
SUBCOMMANDS = (
    "new",
    "validate",
    "show",
    "sentences",
    "export",
    "template",
    "import_xlsx",
    "import_report",
    "audit",
    "consolidate",
    "roster_template",
    "send_templates",
    "register_import",
    "register_export",
    "charts",
)

# Failures the user can act on: printed as one line, exit code 2.
USER_ERRORS: tuple[type[Exception], ...] = (DraftError, CliError, ExportError, XlsxImportError)

__all__ = ["EXIT_FAILURE", "EXIT_FINDINGS", "EXIT_OK", "CliError", "Command", "build_parser", "commands", "main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"参数错误：{message}", file=sys.stderr)
        raise SystemExit(EXIT_FAILURE)


def commands() -> dict[str, Command]:
    out: dict[str, Command] = {}
    for module in SUBCOMMANDS:
        command: Command = importlib.import_module(f"{__name__}.{module}").COMMAND
        out[command.name] = command
    return out


def build_parser(available: dict[str, Command] | None = None) -> argparse.ArgumentParser:
    parser = _Parser(prog="ogi-report", description=f"{APP_NAME}：政府信息公开工作年度报告的命令行工具")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for command in (available or commands()).values():
        command.arguments(sub.add_parser(command.name, help=command.help))
    return parser


def _utf8_streams() -> None:
    # Windows consoles default to a legacy code page; Chinese must not crash output.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    available = commands()
    args = build_parser(available).parse_args(argv)
    try:
        return available[args.command].run(args)
    except USER_ERRORS as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # last resort: a short message, never a traceback
        print(f"错误：发生了意外问题（{type(exc).__name__}: {exc}）。请把此信息告知技术支持。", file=sys.stderr)
        return EXIT_FAILURE
