"""V18: a report title that departs from the customary wording.

The title is the clerk's to change (the agency's own house style, e.g. …年政府
信息公开年度报告), so this is a warning that can be 已核实, never an error."""
from __future__ import annotations

from ..model.report import Report
from .findings import Finding, Severity

RULE = "V18"


def check_title(report: Report) -> list[Finding]:
    title = report.meta.title.strip()
    default = report.default_title
    if not title or title == default:
        return []
    missing = [part for part in (report.meta.agency.strip(), f"{report.meta.year}年", "政府信息公开", "年度报告")
               if part and part not in title]
    detail = f"（未包含“{'”“'.join(missing)}”）" if missing else ""
    return [Finding(
        RULE, Severity.WARNING,
        f"报告标题“{title}”与惯用写法“{default}”不同{detail}，请确认。",
        report.form.sections[0].key, (), None, None, evidence=title,
    )]
