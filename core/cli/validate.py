"""`ogi-report validate`: list the errors and warnings of a draft."""
from __future__ import annotations

import argparse
import json

from ..checks import findings_to_json, run_checks
from ..storage import load
from .command import EXIT_FINDINGS, EXIT_OK, Command


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="草稿文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")


def run(args: argparse.Namespace) -> int:
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


COMMAND = Command("validate", "校验草稿，列出错误和警告", arguments, run)
