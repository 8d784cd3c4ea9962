"""What every subcommand of the command line is: a name, a help line, its
arguments and what it runs.  Each subcommand lives in its own module of this
package and is listed once in `core/cli/__init__.py` (SUBCOMMANDS)."""
from __future__ import annotations

import argparse
from collections.abc import Callable

from ..records import record

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


class CliError(Exception):
    """A user-facing failure; the message is Chinese.  Raise it from a
    subcommand for anything the user can fix (bad argument, file exists)."""


@record
class Command:
    name: str  # the word typed after `ogi-report`
    help: str  # one Chinese line for `ogi-report --help`
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]  # returns the exit code


def year(text: str) -> int:
    """argparse type of a four-digit report year."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是年份") from None
    if not 1900 < value < 3000:
        raise argparse.ArgumentTypeError(f"“{text}”不是四位年份")
    return value
