"""Command line: `python -m core …` (also installed as `ogi-report`).

Exit codes: 0 success, 1 the report has errors (validate), 2 a file could not
be read or written or the arguments are wrong.  Errors are one Chinese line on
stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import APP_NAME, __version__
from .checks import findings_to_json, run_checks
from .export.text import report_text
from .model.report import Report
from .export.files import ExportError
from .importers.errors import XlsxImportError
from .storage import DRAFT_SUFFIX, DraftError, load, save

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


class CliError(Exception):
    """A user-facing failure; the message is Chinese."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"参数错误：{message}", file=sys.stderr)
        raise SystemExit(EXIT_FAILURE)


def _cmd_new(args: argparse.Namespace) -> int:
    carry = None
    if args.from_draft:
        from .carry import new_from_previous

        previous_path = Path(args.from_draft)
        carry = new_from_previous(load(previous_path), previous_path.resolve())
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


def _cmd_validate(args: argparse.Namespace) -> int:
    report = load(args.file)
    findings = run_checks(report)
    errors = sum(f.is_error for f in findings)
    if args.json:
        print(json.dumps(findings_to_json(findings), ensure_ascii=False, indent=1))
    else:
        for f in findings:
            status = f"已核实：{f.explanation}" if f.explanation is not None else f.severity.label
            print(f"[{status}] {f.rule} {f.message}")
        open_warnings = sum(1 for f in findings if not f.is_error and f.is_open)
        explained = len(findings) - errors - open_warnings
        print(f"共 {errors} 个错误，{open_warnings} 个警告" + (f"，{explained} 个已核实" if explained else "") + "。")
    return EXIT_FINDINGS if errors else EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    print(report_text(load(args.file)))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from .export.excel import export_xlsx
    from .export.html_page import export_html
    from .export.word import export_docx

    targets = [(args.docx, export_docx, "Word"), (args.html, export_html, "网页"), (args.xlsx, export_xlsx, "Excel 附表")]
    targets = [t for t in targets if t[0]]
    if not targets:
        raise CliError("请至少指定一种导出格式：--docx、--html 或 --xlsx。")
    draft = Path(args.file).resolve()
    for out, _, _ in targets:
        if Path(out).resolve() == draft:
            raise CliError("导出文件不能与草稿文件相同。")
    report = load(args.file)
    for out, fn, kind in targets:
        fn(report, out)
        print(f"已导出{kind}文件：{out}")
    return EXIT_OK


def _cmd_template(args: argparse.Namespace) -> int:
    from .export.excel import export_template

    try:
        export_template(args.year, args.xlsx, args.form)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    print(f"已生成 {args.year} 年度空白填报模板：{args.xlsx}")
    return EXIT_OK


def _cmd_import_xlsx(args: argparse.Namespace) -> int:
    from .importers.xlsx import import_xlsx

    out = Path(args.output)
    if out.exists() and not args.force:
        raise CliError(f"“{out}”已存在。如确需覆盖，请加 --force。")
    report = import_xlsx(args.file)
    save(report, out)
    errors = [f for f in run_checks(report) if f.is_error]
    print(f"已导入“{Path(args.file).name}”，保存为草稿：{out}")
    if errors:
        print(f"注意：导入的数据有 {len(errors)} 个错误，可用 validate 命令查看。")
    return EXIT_OK


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是年份") from None
    if not 1900 < year < 3000:
        raise argparse.ArgumentTypeError(f"“{text}”不是四位年份")
    return year


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ogi-report", description=f"{APP_NAME}：政府信息公开工作年度报告的命令行工具")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("new", help="新建报告草稿")
    p.add_argument("--agency", help="机关名称")
    p.add_argument("--year", type=_year, help="报告年度，如 2024")
    p.add_argument("--from", dest="from_draft", metavar="LAST", help="从上年报告草稿新建（年度加一，结转相关数字）")
    p.add_argument("--form", choices=["2019", "2021"], help="报告格式（默认按年度自动确定）")
    p.add_argument("-o", "--output", help=f"草稿文件路径（默认“机关名称-年度{DRAFT_SUFFIX}”）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    COMMANDS["new"] = _cmd_new

    p = sub.add_parser("validate", help="校验草稿，列出错误和警告")
    p.add_argument("file", help="草稿文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    COMMANDS["validate"] = _cmd_validate

    p = sub.add_parser("show", help="以文本显示报告内容")
    p.add_argument("file", help="草稿文件")
    COMMANDS["show"] = _cmd_show

    p = sub.add_parser("export", help="导出 Word（.docx）、网页（.html）")
    p.add_argument("file", help="草稿文件")
    p.add_argument("--docx", metavar="OUT.docx", help="导出正式版式的 Word 文档")
    p.add_argument("--html", metavar="OUT.html", help="导出可粘贴到门户网站的网页")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="导出 Excel 附表")
    COMMANDS["export"] = _cmd_export

    p = sub.add_parser("template", help="生成空白 Excel 填报模板")
    p.add_argument("--year", required=True, type=_year, help="报告年度")
    p.add_argument("--form", choices=["2019", "2021"], help="报告格式（默认按年度自动确定）")
    p.add_argument("--xlsx", required=True, metavar="OUT.xlsx", help="模板文件路径")
    COMMANDS["template"] = _cmd_template

    p = sub.add_parser("import-xlsx", help="从 Excel 附表导入，生成草稿")
    p.add_argument("file", help="Excel 附表（.xlsx）")
    p.add_argument("-o", "--output", required=True, help="生成的草稿文件路径")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    COMMANDS["import-xlsx"] = _cmd_import_xlsx
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
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (DraftError, CliError, ExportError, XlsxImportError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # last resort: a short message, never a traceback
        print(f"错误：发生了意外问题（{type(exc).__name__}: {exc}）。请把此信息告知技术支持。", file=sys.stderr)
        return EXIT_FAILURE
