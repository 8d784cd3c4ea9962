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
# Findings listed one by one per rule; the rest are summed up in one finding, so a
# register with thousands of overdue requests keeps the findings panel readable
# (and quick: it is rebuilt after every edit).  The 台账 tab's filters list them all.
MAX_PER_RULE = 20
_RULE_NAMES = {"D1": "逾期未答复", "D2": "逾期答复", "D3": "即将到期", "D4": "补正通知超过7个工作日",
               "D5": "已延期未填延期日期", "D6": "节假日日历未收录", "D7": "台账数据不能计入表三"}
_FILTER_HINT = {"D1": "到期提醒", "D3": "到期提醒", "D4": "到期提醒", "D5": "到期提醒"}


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
    analyses = live.analyses()
    wanted = {rule: min(n, MAX_PER_RULE) for rule, n in live.rule_counts.items() if n > 0}
    listed: dict[str, int] = dict.fromkeys(wanted, 0)
    errors: dict[str, bool] = {}
    left = sum(wanted.values())
    for i in live.issue_rows():
        if left <= 0:
            break  # every rule has its MAX_PER_RULE findings; the rest are only counted
        issues = analyses[i].issues
        if all(listed[x.rule] >= MAX_PER_RULE for x in issues):
            continue
        for x in issues:
            if listed[x.rule] < MAX_PER_RULE:
                left -= 1
            listed[x.rule] += 1
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
            for issue in issues)
        cache[i] = (req, drives, made)
        out.extend(made)
    more = {rule: live.rule_counts[rule] - listed[rule] for rule in wanted if live.rule_counts[rule] > listed[rule]}
    if more and drives and "D7" in more:
        errors["D7"] = any(x.severity == "error" for a in analyses for x in a.issues if x.rule == "D7")
    for rule, n in more.items():
        where = _FILTER_HINT.get(rule, "有问题")
        out.append(Finding(rule, Severity.ERROR if errors.get(rule) else Severity.WARNING,
                           f"台账中另有{n}件申请{_RULE_NAMES[rule]}（在“台账”中选择显示“{where}”可逐件查看）。",
                           SECTION, evidence=f"另有{_RULE_NAMES[rule]}"))
    return out
