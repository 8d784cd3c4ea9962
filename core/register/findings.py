"""Register problems and deadline warnings as findings of the report's checks.

Rules: D1 逾期未答复, D2 逾期答复, D3 即将到期 (within 3 working days),
D4 补正通知超过7个工作日, D5 延期未填日期, D6 节假日日历未收录的年份,
D7 台账数据不能计入表三.  Only requests that matter now are reported: deadline
warnings for every request, data problems for requests that touch the report year.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..checks.findings import Finding, Severity

if TYPE_CHECKING:
    from ..model.report import Report

SECTION = "register"


def request_name(index: int, number: str) -> str:
    return f"台账第{index + 1}行（编号{number}）" if number.strip() else f"台账第{index + 1}行"


def register_findings(report: Report) -> list[Finding]:
    if not report.has_register:
        return []
    live = report.register_live
    live.follow_today()
    live.ensure()
    out: list[Finding] = []
    drives = report.register_drives
    cache = live.finding_cache
    for i in live.issue_rows():
        req = report.register[i]
        hit = cache.get(i)
        if hit is not None and hit[0] is req and hit[1] == drives:
            out.extend(hit[2])  # type: ignore[arg-type]
            continue
        name = request_name(i, req.number)
        evidence = req.number.strip() or f"第{i + 1}行"
        made = tuple(
            Finding(issue.rule, Severity.ERROR if issue.severity == "error" and drives else Severity.WARNING,
                    f"{name}：{issue.text}。", SECTION, evidence=evidence)
            for issue in live.analysis(i).issues)
        cache[i] = (req, drives, made)
        out.extend(made)
    return out
