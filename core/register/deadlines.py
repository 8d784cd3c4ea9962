"""Statutory deadlines of one request (《政府信息公开条例》第三十条至第三十三条).

- 补正: the notice within 7 working days of receipt (第三十条).
- Answer: within 20 working days of receipt, or of receiving the 补正 (第三十条,
  第三十三条); one extension of at most 20 working days (第三十三条).
- Time spent consulting a third party or other organs is not counted (第三十三条).
Working days come from WorkCalendar; the day of receipt itself is not counted.
"""
from __future__ import annotations

from datetime import date

from ..records import record
from .request import Request
from .workdays import MAX_YEAR, MIN_YEAR, WorkCalendar

CORRECTION_DAYS = 7
ANSWER_DAYS = 20
EXTENSION_DAYS = 20
DUE_SOON_DAYS = 3


@record
class Deadline:
    start: date  # the day the answer period runs from (收到日期 or 补正收到日期)
    due: date  # last working day to answer
    correction_due: date | None  # last working day to send a 补正 notice
    unknown_years: tuple[int, ...] = ()  # years whose holidays were assumed (weekends only)


def _in_range(d: date | None) -> bool:
    return d is None or MIN_YEAR <= d.year <= MAX_YEAR


def deadline(req: Request, calendar: WorkCalendar, today: date) -> Deadline | None:
    """None when the request has no usable 收到日期."""
    if req.received is None or not (_in_range(req.received) and _in_range(req.correction_received)
                                    and _in_range(req.consult_start) and _in_range(req.consult_end)
                                    and _in_range(req.answered)):
        return None
    start = req.correction_received if req.correction_received and req.correction_received >= req.received \
        else req.received
    pause = None
    if req.consult_start is not None:
        # An open consultation pauses the clock until it ends (or the answer, or today).
        end = req.consult_end or req.answered or today
        pause = (req.consult_start, end)
    days = ANSWER_DAYS + (EXTENSION_DAYS if req.extended or req.extension_date else 0)
    due = calendar.nth_workday_excluding(start, days, pause)
    correction_due = calendar.nth_workday_after(req.received, CORRECTION_DAYS) if req.correction_sent else None
    # An open request is watched up to today; a finished one only up to its own dates.
    now = today if req.answered is None else None
    last = max(d for d in (due, correction_due, req.answered, req.correction_sent, now) if d is not None)
    unknown = calendar.unknown_years(range(req.received.year, min(last.year, MAX_YEAR) + 1))
    return Deadline(start, due, correction_due, tuple(unknown))


def working_days_left(calendar: WorkCalendar, today: date, due: date) -> int:
    """Working days from today (not counted) to the due day (counted); 0 when due today
    or already past (callers tell those apart by comparing dates)."""
    return calendar.workdays_between(today, due)
