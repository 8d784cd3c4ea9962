"""`ogi-report new`: a new draft, empty or carried over from last year's."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..forms import FORMS
from ..model.report import Report
from ..storage import DRAFT_SUFFIX, load, save
from .command import EXIT_OK, CliError, Command, year


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--agency", help="机关名称")
    p.add_argument("--year", type=year, help="报告年度，如 2024")
    p.add_argument("--from", dest="from_draft", metavar="LAST", help="从上年报告草稿新建（年度加一，结转相关数字）")
    p.add_argument("--form", choices=list(FORMS), help="报告格式（默认按年度自动确定）")
    p.add_argument("-o", "--output", help=f"草稿文件路径（默认“机关名称-年度{DRAFT_SUFFIX}”）")
    p.add_argument("--skeleton", action="store_true",
                   help="正文填入常用小标题和根据表格数字生成的数据说明（数字改变时自动更新）")
    p.add_argument("--keep-text", metavar="部分", default="",
                   help="与 --from --skeleton 同用：沿用上年文字的部分，如“一,五”（其余部分填入框架）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")


def run(args: argparse.Namespace) -> int:
    carry = None
    if args.from_draft:
        from ..carry import new_from_previous

        previous_path = Path(args.from_draft)
        previous = load(previous_path)
        keep = _sections(previous, args.keep_text)
        skeleton = [s.key for s in previous.form.narratives if s.key not in keep] if args.skeleton else []
        carry = new_from_previous(previous, previous_path.resolve(), skeleton=skeleton)
        report = carry.report
        if args.agency:
            report.set_meta("agency", args.agency)
    else:
        if not args.agency or not args.year:
            raise CliError("新建报告需要 --agency 和 --year，或用 --from 指定上年报告草稿。")
        try:
            report = Report(args.agency, args.year, args.form)
        except ValueError as exc:
            raise CliError(str(exc)) from None
        if args.keep_text:
            raise CliError("--keep-text 只能与 --from 同用（沿用上年报告的文字）。")
        if args.skeleton:
            from ..skeleton import apply_skeleton

            apply_skeleton(report)
    out = Path(args.output) if args.output else Path(f"{report.meta.agency}-{report.meta.year}{DRAFT_SUFFIX}")
    if out.exists() and not args.force:
        raise CliError(f"“{out}”已存在。如确需覆盖，请加 --force。")
    save(report, out)
    print(f"已创建 {report.meta.year} 年度报告草稿（{report.form.short_name}）：{out}")
    if carry is not None:
        for line in carry.carried:
            print(f"  已结转：{line}")
        for line in carry.not_carried:
            print(f"  未结转：{line}")
    return EXIT_OK


def _sections(report: Report, spec: str) -> set[str]:
    """Section keys from "一,五" (heading numbers) or "overview,problems" (keys)."""
    out = set()
    for part in (p.strip() for p in spec.replace("，", ",").replace("、", ",").split(",")):
        if not part:
            continue
        hit = [s.key for s in report.form.narratives if part in (s.key, s.heading.split("、", 1)[0])]
        if not hit:
            names = "".join(f"“{s.heading}”" for s in report.form.narratives)
            raise CliError(f"--keep-text 中的“{part}”不是正文部分；可用的有：{names}（写编号“一”“五”“六”即可）。")
        out.update(hit)
    return out


COMMAND = Command("new", "新建报告草稿", arguments, run)
