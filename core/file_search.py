"""The report files among the files and folders a user names (审核一批报告, 汇总):
folders are searched recursively in a stable order, hidden folders and the lock
and temp files office programs leave beside open documents are passed over."""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .records import record

# ~$name.docx (Word/WPS owner files), .~lock.name# (LibreOffice), .name (hidden)
_IGNORED_PREFIXES = ("~$", ".~lock", ".")


class TooManyFiles(Exception):
    """More files than the caller's limit: the caller says so in its own words."""


@record(frozen=False)
class FoundFiles:
    files: list[Path]  # matching, in order
    wrong_type: list[Path]  # files named directly that do not match
    missing: list[Path]  # names that are neither a file nor a folder


def find_files(paths: Iterable[Path | str], suffixes: tuple[str, ...], limit: int) -> FoundFiles:
    found = FoundFiles([], [], [])
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for n in sorted(names):
                    if n.lower().endswith(suffixes) and not n.startswith(_IGNORED_PREFIXES):
                        found.files.append(Path(root) / n)
        elif p.is_file():
            (found.files if p.name.lower().endswith(suffixes) else found.wrong_type).append(p)
        else:
            found.missing.append(p)
        if len(found.files) > limit:
            raise TooManyFiles(limit)
    return found
