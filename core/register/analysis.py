"""What one request means for a report year: the 表三 cells it counts in, its
deadline, and the problems to report.  Pure functions of the request and the
context, so results are cached per request object (requests are immutable).
"""
from __future__ import annotations

from datetime import date

from ..forms.schema import CellRef
from functools import cache
from typing import NamedTuple

from ..records import record
from .choices import APPLICATIONS, applicant_keys, result_keys
from .deadlines import DUE_SOON_DAYS, Deadline, deadline, working_days_left
from .request import Request
from .workdays import WorkCalendar


@record
class Context:
    year: int
    form_key: str
    today: date

    @property
    def first(self) -> date:
        return _bounds(self.year)[0]

    @property
    def last(self) -> date:
        return _bounds(self.year)[1]


@cache
def _bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


class Issue(NamedTuple):
    """A problem of one request: rule id, severity ("error"/"warning"), Chinese text
    without the request's name (added when the finding is made), and a status tag
    used by the register's filters."""

    rule: str
    severity: str
    text: str
    tag: str = ""


class Analysis(NamedTuple):
    cells: tuple[CellRef, ...]
    deadline: Deadline | None
    issues: tuple[Issue, ...]
    status: str  # "done", "open", "due_soon", "overdue", "unknown"


# Filter tags.
OVERDUE = "overdue"
DUE_SOON = "due_soon"
OPEN = "open"
DONE = "done"


def _fmt(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def contributions(req: Request, ctx: Context) -> tuple[CellRef, ...]:
    """The 表三 cells of year ctx.year this request counts in (empty when it does not count)."""
    col = req.applicant_type
    if req.received is None or col not in applicant_keys(ctx.form_key):
        return ()
    first, last = _bounds(ctx.year)
    received, answered = req.received, req.answered
    if received > last or (answered is not None and answered < first):
        return ()
    out: list[CellRef] = []
    if received >= first:
        out.append((APPLICATIONS, "new", col))
    else:
        out.append((APPLICATIONS, "carried_over", col))
    if answered is not None and answered <= last:
        if req.result in result_keys(ctx.form_key):
            out.append((APPLICATIONS, req.result, col))
    else:
        out.append((APPLICATIONS, "carry_forward", col))
    return tuple(out)


def _data_issues(req: Request, ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    if req.received is None:
        out.append(Issue("D7", "error", "未填收到日期，不能计入表三，也无法计算答复期限"))
        return out
    first, last = _bounds(ctx.year)
    relevant = req.received <= last and (req.answered is None or req.answered >= first)
    if not relevant:
        return out
    if req.applicant_type not in applicant_keys(ctx.form_key):
        what = "未填申请人类型" if not req.applicant_type else f"申请人类型“{req.applicant_type}”不是表三的申请人栏目"
        out.append(Issue("D7", "error", f"{what}，不能计入表三"))
    if req.answered is not None and req.answered < req.received:
        out.append(Issue("D7", "error", f"答复日期{_fmt(req.answered)}早于收到日期{_fmt(req.received)}"))
    if req.answered is not None and req.answered <= last:
        if not req.result:
            out.append(Issue("D7", "error", "已答复但未填办理结果，不能计入表三“本年度办理结果”"))
        elif req.result not in result_keys(ctx.form_key):
            out.append(Issue("D7", "error", f"办理结果“{req.result}”不是本报告格式表三中的办理结果"))
    if req.result and req.answered is None:
        out.append(Issue("D7", "warning", "已填办理结果但未填答复日期，按未办结计入“结转下年度继续办理”"))
    return out


def _needs_deadline(req: Request) -> bool:
    """Whether any deadline warning is possible.  An answer within 20 calendar days
    of its start, or a 补正 notice within 7, is in time whatever the holidays
    (n working days never end before the n-th calendar day), so most finished
    requests of a register skip the working-day arithmetic."""
    if req.answered is None or req.consult_start is not None or req.received is None:
        return True
    start = req.correction_received or req.received
    if (req.answered - start).days > 20:
        return True
    return req.correction_sent is not None and (req.correction_sent - req.received).days > 7


def analyse(req: Request, ctx: Context, calendar: WorkCalendar) -> Analysis:
    issues = _data_issues(req, ctx)
    status = DONE if req.answered is not None else OPEN
    if _needs_deadline(req):
        dl = deadline(req, calendar, ctx.today)
    else:
        dl = None
        assert req.received is not None and req.answered is not None
        unknown = calendar.unknown_years(range(req.received.year, req.answered.year + 1))
        if unknown:
            dl = deadline(req, calendar, ctx.today)
    if dl is not None:
        if dl.unknown_years:
            years = "、".join(f"{y}年" for y in dl.unknown_years)
            issues.append(Issue("D6", "warning",
                                f"期限涉及{years}，本软件的节假日日历尚未收录{years}的法定节假日和调休安排，"
                                "暂按周六、周日休息计算；请在“台账 → 节假日设置”中补充"))
        if req.answered is None:
            if ctx.today > dl.due:
                status = OVERDUE
                issues.append(Issue("D1", "warning", f"答复期限已于{_fmt(dl.due)}届满，尚未答复", OVERDUE))
            elif working_days_left(calendar, ctx.today, dl.due) <= DUE_SOON_DAYS:
                status = DUE_SOON
                left = working_days_left(calendar, ctx.today, dl.due)
                when = "今天到期" if left == 0 else f"还剩{left}个工作日"
                issues.append(Issue("D3", "warning", f"答复期限{_fmt(dl.due)}，{when}", DUE_SOON))
        elif req.answered > dl.due:
            issues.append(Issue("D2", "warning", f"答复日期{_fmt(req.answered)}晚于答复期限{_fmt(dl.due)}"))
        if dl.correction_due is not None and req.correction_sent is not None and req.correction_sent > dl.correction_due:
            issues.append(Issue("D4", "warning",
                                f"补正通知日期{_fmt(req.correction_sent)}超过收到申请后7个工作日"
                                f"（应不晚于{_fmt(dl.correction_due)}）"))
    if req.extended and req.extension_date is None:
        issues.append(Issue("D5", "warning", "已延期但未填延期日期（延长答复期限应告知申请人，请填写告知日期）"))
    return Analysis(contributions(req, ctx), dl, tuple(issues), status)
