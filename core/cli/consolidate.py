"""`ogi-report consolidate ROSTER FILES_OR_FOLDERS... -o OUT_DIR`: the 汇总 of a
公开办.  Writes 本级汇总.ogir, 全行政区域汇总.ogir, 汇总.xlsx, 报送情况.csv and the
workspace 汇总.ogiw; exit 1 when a unit included in the sums has errors."""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from .command import EXIT_FINDINGS, EXIT_OK, CliError, Command, year

if TYPE_CHECKING:
    from ..consolidation import Workspace


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("roster", help="单位名单（Excel，表头含“单位名称”）或汇总文件（.ogiw）")
    p.add_argument("files", nargs="+", help="各单位报送的文件或文件夹（草稿、Excel附表、已发布的报告）")
    p.add_argument("-o", "--output", required=True, help="输出文件夹")
    p.add_argument("--year", type=year, help="汇总的报告年度（默认取收到的报告中最多的年度）")
    p.add_argument("--name", default="", help="汇总单位名称，如“某某县人民政府”")
    p.add_argument("--include", action="append", default=[], metavar="单位",
                   help="有错误仍纳入汇总的单位（可多次使用）")
    p.add_argument("--accept-fuzzy", action="store_true", help="接受按相近名称匹配的文件（默认只列出，不纳入）")
    p.add_argument("--accept-published", action="store_true",
                   help="接受已发布报告（网页、Word、PDF）的识读结果（默认列为待核对，不纳入）")
    p.add_argument("--last-year", help="上一年度的汇总文件（.ogiw），用于跨年度核对")


def _workspace(args: argparse.Namespace) -> Workspace:
    from ..consolidation import Workspace
    from ..consolidation.roster import read_roster
    from ..consolidation.storage import SUFFIX, load

    roster = Path(args.roster)
    if roster.suffix.lower() == SUFFIX:
        ws = load(roster)
        ws.files = []
        return ws
    notes: list[str] = []
    units = read_roster(roster, notes)
    for note in notes:
        print(f"单位名单：{note}")
    return Workspace(0, args.name, units)


def run(args: argparse.Namespace) -> int:
    from ..consolidation import ConsolidationError
    from ..consolidation.session import Consolidation, add_paths, last_year_reports, read_all
    from ..consolidation.storage import save as save_workspace
    from ..consolidation.sums import LOCAL, REGION
    from ..consolidation.workbook import STATUS_HEADER, status_rows, write_workbook
    from ..storage import save

    out = Path(args.output)
    try:
        ws = _workspace(args)
        if args.name:
            ws.name = args.name
        skipped = add_paths(ws, args.files)
        if not ws.files:
            raise CliError("给出的文件和文件夹中没有草稿、Excel附表或已发布的报告。")
        readings = read_all(f.path for f in ws.files)
        if args.year:
            ws.year = args.year
        elif not ws.year:
            years = Counter(r.report.meta.year for r in readings.values() if r.report is not None)
            if not years:
                raise CliError("收到的文件都无法读取，无法判断报告年度；请用 --year 指定。")
            ws.year = years.most_common(1)[0][0]
        unknown = [u for u in args.include if ws.unit(u) is None]
        if unknown:
            raise CliError(f"--include 给出的单位不在名单中：{'、'.join(unknown)}。")
        ws.include_with_errors = list(args.include)
        last = last_year_reports(args.last_year) if args.last_year else {}
        if args.last_year:
            ws.last_year = str(Path(args.last_year).resolve())
        c = Consolidation(ws, readings, last)
        if args.accept_fuzzy and c.board.pending:
            for entry, _ in c.board.pending:
                entry.how = "confirmed"
            c.refresh()
        if args.accept_published and c.board.to_review:
            from ..consolidation.assignment import mark_reviewed

            for row in c.board.rows:
                if row.state == "待核对" and row.reading is not None:
                    mark_reviewed(ws, row.reading)
            c.refresh()
        if c.sums is None:
            raise CliError(c.error)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CliError(f"无法创建输出文件夹“{out}”（{exc.strerror or exc}）。") from None
        save(c.sums.report(LOCAL), out / "本级汇总.ogir")
        save(c.sums.report(REGION), out / "全行政区域汇总.ogir")
        write_workbook(c, out / "汇总.xlsx")
        _write_status(out / "报送情况.csv", STATUS_HEADER, status_rows(c))
        save_workspace(ws, out / "汇总.ogiw")
    except ConsolidationError as exc:
        raise CliError(str(exc)) from None
    b = c.board
    print(f"{ws.year}年度汇总：名单{len(b.rows)}个单位，纳入汇总{sum(r.included for r in b.rows)}个，"
          f"未收到{len(b.missing)}个，有错误{sum(1 for r in b.rows if r.has_errors)}个。")
    for label, names in (("未收到", b.missing), ("有错误未纳入", b.excluded_with_errors),
                         ("有错误仍纳入", b.included_with_errors), ("收到多份文件", b.with_duplicates)):
        if names:
            print(f"{label}：{'、'.join(names)}")
    if b.to_review:
        print(f"待核对（已发布的报告，未纳入）：{'、'.join(b.to_review)}（核对后用 --accept-published 接受）")
    for reading in b.unmatched:
        print(f"未匹配到单位：{Path(reading.path).name}（{reading.agency or reading.problem or '没有机关名称'}）")
    for entry, reading in b.pending:
        print(f"待确认（名称相近）：{Path(reading.path).name} → {entry.unit}（用 --accept-fuzzy 接受）")
    for s in skipped:
        print(f"已跳过：{s}")
    if c.findings:
        print(f"跨单位核对发现{len(c.findings)}个问题，详见“汇总.xlsx”的“问题清单”。")
    print(f"已写入“{out}”：本级汇总.ogir、全行政区域汇总.ogir、汇总.xlsx、报送情况.csv、汇总.ogiw")
    sys.stdout.flush()
    return EXIT_FINDINGS if c.has_errors else EXIT_OK


def _write_status(path: Path, header: tuple[str, ...], rows: list[list[object]]) -> None:
    import csv
    import io

    from ..export.files import write_output

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    write_output(path, buf.getvalue().encode("utf-8-sig"))  # with BOM: Excel opens it as UTF-8


COMMAND = Command("consolidate", "汇总各单位的报告（本级和全行政区域）", arguments, run)
