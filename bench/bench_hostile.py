"""Hostile files (issue 12, item 9): refusal time and peak memory.

A 2 MB zip whose sheet unpacks to ~2 GB, a workbook of 3 million cells, and
one of 1.5 million shared strings in 80 KB, must be refused before parsing:
budget < 1 s and < 200 MB peak (the process's resident high-water mark grows
by less than that).  The files are built here.

Run: python bench/bench_hostile.py
"""
from __future__ import annotations

import resource
import sys
import tempfile
import time
import zipfile
from io import BytesIO
from pathlib import Path

from _util import ROOT  # also puts the repository on sys.path

from core.export.excel import xlsx_bytes
from core.importers.errors import XlsxImportError
from core.importers.xlsx import import_xlsx
from core.model import Report

TIME_BUDGET_S = 1.0
MEMORY_BUDGET_MB = 200.0


def peak_mb() -> float:
    # ru_maxrss is in KB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bomb(path: Path, unpacked_mb: int) -> None:
    """Our attachment with the 表三 sheet padded by `unpacked_mb` MB of white space, streamed."""
    data = xlsx_bytes(Report("某局", 2024), [])
    chunk = b" " * (1024 * 1024)
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename != "xl/worksheets/sheet3.xml":
                dst.writestr(info.filename, content)
                continue
            head, tail = content.split(b"<sheetData>", 1)
            with dst.open(info.filename, "w", force_zip64=True) as out:
                out.write(head + b"<sheetData>")
                for _ in range(unpacked_mb):
                    out.write(chunk)
                out.write(tail)


def many_cells(path: Path, n: int) -> None:
    data = xlsx_bytes(Report("某局", 2024), [])
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename != "xl/worksheets/sheet3.xml":
                dst.writestr(info.filename, content)
                continue
            head, tail = content.split(b"</sheetData>", 1)
            with dst.open(info.filename, "w", force_zip64=True) as out:
                out.write(head)
                for r in range(1000, 1000 + n // 10):
                    out.write(b'<row r="%d">' % r + b"".join(b'<c r="%s%d"><v>1</v></c>' % (c, r) for c in
                                                            (b"AA", b"AB", b"AC", b"AD", b"AE", b"AF", b"AG", b"AH",
                                                             b"AI", b"AJ")) + b"</row>")
                out.write(b"</sheetData>" + tail)


def many_strings(path: Path, n: int) -> None:
    """A LibreOffice-saved attachment (it keeps its texts as shared strings) with `n` more tiny ones."""
    data = (ROOT / "tests" / "fixtures" / "xlsx" / "libreoffice-resaved-2021.xlsx").read_bytes()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "xl/sharedStrings.xml":
                content = content.replace(b"</sst>", b"<si><t>x</t></si>" * n + b"</sst>")
            dst.writestr(info.filename, content)


def refuse(path: Path) -> tuple[float, float, str]:
    before = peak_mb()
    t0 = time.perf_counter()
    try:
        import_xlsx(path)
        message = "IMPORTED (not refused)"
    except XlsxImportError as exc:
        message = str(exc)
    return time.perf_counter() - t0, peak_mb() - before, message


def main() -> int:
    ok = True
    with tempfile.TemporaryDirectory() as d:
        cases = [("zip bomb (2 GB unpacked)", Path(d) / "bomb.xlsx", lambda p: bomb(p, 2048)),
                 ("3 million cells", Path(d) / "cells.xlsx", lambda p: many_cells(p, 3_000_000)),
                 # Under the size caps: refused by the cell count of the streamed scan.
                 ("250,000 cells (7 MB sheet)", Path(d) / "cells2.xlsx", lambda p: many_cells(p, 250_000)),
                 # openpyxl took 31 s on this one; counted by the same scan
                 ("1.5 million shared strings", Path(d) / "strings.xlsx", lambda p: many_strings(p, 1_500_000))]
        for name, path, make in cases:
            make(path)
            seconds, grown, message = refuse(path)
            good = seconds < TIME_BUDGET_S and grown < MEMORY_BUDGET_MB and "IMPORTED" not in message
            ok &= good
            print(f"{name:<28} file {path.stat().st_size / 1024 / 1024:6.1f} MB   refused in {seconds * 1000:7.1f} ms "
                  f"(budget {TIME_BUDGET_S * 1000:g} ms)   peak memory +{grown:6.1f} MB (budget {MEMORY_BUDGET_MB:g} MB)"
                  f"   {'OK' if good else 'OVER'}")
            print(f"    {message[:100]}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
