"""Working days in mainland China: weekends, statutory holidays and 调休 workdays.

The holidays come from the `chinese-calendar` package (the State Council's
notice for each year, published each November; the package knows the years up
to its release).  For a year it does not know, the user can type the holidays
and 调休 workdays (a YearOverride stored in the draft); without one, only
weekends are rest days and every deadline touching that year is flagged.

The package is imported on first use only: the window must not pay for it
before its first frame.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import cache

from ..records import field, record

MIN_YEAR, MAX_YEAR = 1990, 2100  # dates outside are typing mistakes, not requests


@record
class YearOverride:
    """Rest days and 调休 workdays of one year as the user typed them."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)


@cache
def package_years() -> tuple[int, int]:
    """First and last year the installed chinese-calendar knows."""
    from chinese_calendar import constants

    years = [d.year for d in constants.holidays] + [d.year for d in constants.workdays]
    return min(years), max(years)


def _package_year(year: int) -> tuple[frozenset[date], frozenset[date]] | None:
    first, last = package_years()
    if not first <= year <= last:
        return None
    return _package_days(year)


@cache
def _package_days(year: int) -> tuple[frozenset[date], frozenset[date]]:
    from chinese_calendar import constants

    rest = frozenset(d for d in constants.holidays if d.year == year)
    work = frozenset(d for d in constants.workdays if d.year == year)
    return rest, work


class WorkCalendar:
    def __init__(self, overrides: Mapping[int, YearOverride] | None = None) -> None:
        self.overrides = dict(overrides or {})
        self._days: dict[int, list[int]] = {}
        self._known: dict[int, bool] = {}

    def known(self, year: int) -> bool:
        """Whether the holidays of `year` are known (from the package or typed by the user)."""
        k = self._known.get(year)
        if k is None:
            k = self._known[year] = year in self.overrides or _package_year(year) is not None
        return k

    def unknown_years(self, years: Iterable[int]) -> list[int]:
        return [y for y in years if not self.known(y)]

    def _workdays(self, year: int) -> list[int]:
        days = self._days.get(year)
        if days is not None:
            return days
        rest: set[date] = set()
        work: set[date] = set()
        package = _package_year(year)
        if package is not None:
            rest |= package[0]
            work |= package[1]
        override = self.overrides.get(year)
        if override is not None:
            rest = (rest - override.workdays) | override.holidays
            work = (work - override.holidays) | override.workdays
        out = []
        d = date(year, 1, 1)
        one = timedelta(days=1)
        while d.year == year:
            if d in work or (d.weekday() < 5 and d not in rest):
                out.append(d.toordinal())
            d += one
        self._days[year] = out
        return out

    def is_workday(self, d: date) -> bool:
        days = self._workdays(d.year)
        i = bisect_left(days, d.toordinal())
        return i < len(days) and days[i] == d.toordinal()

    def nth_workday_after(self, start: date, n: int) -> date:
        """The n-th working day after `start` (the day of receipt itself not counted:
        “自收到申请之日起20个工作日内” ends on the 20th working day after it)."""
        if n <= 0:
            return start
        year, ordinal = start.year, start.toordinal()
        while year <= MAX_YEAR + 1:
            days = self._workdays(year)
            i = bisect_right(days, ordinal)
            if n <= len(days) - i:
                return date.fromordinal(days[i + n - 1])
            n -= len(days) - i
            year += 1
        raise ValueError(f"日期超出{MAX_YEAR}年")

    def workdays_between(self, after: date, until: date) -> int:
        """Working days d with after < d <= until."""
        if until <= after:
            return 0
        count = 0
        a, b = after.toordinal(), until.toordinal()
        for year in range(after.year, until.year + 1):
            days = self._workdays(year)
            count += bisect_right(days, b) - bisect_right(days, a)
        return count

    def nth_workday_excluding(self, start: date, n: int, pause: tuple[date, date] | None) -> date:
        """The n-th working day after `start`, not counting the working days of `pause`
        (征求第三方意见 from its first to its last day, both included)."""
        if pause is None or pause[1] < pause[0] or pause[1] <= start:
            return self.nth_workday_after(start, n)
        begin, end = pause
        before = self.workdays_between(start, begin - timedelta(days=1)) if begin > start else 0
        if before >= n:
            return self.nth_workday_after(start, n)
        return self.nth_workday_after(max(start, end), n - before)
