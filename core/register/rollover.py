"""Year rollover: the requests last year's register has not finished start the
new year's register, where they count as 二、上年结转."""
from __future__ import annotations

from datetime import date

from .register import Register


def carry_over(previous: Register, previous_year: int, target: Register) -> int:
    """Copy into `target` every request not answered by the end of `previous_year`
    (including any already received in the new year); returns how many."""
    year_end = date(previous_year, 12, 31)
    carried = [r for r in previous if r.answered is None or r.answered > year_end]
    target.set_calendar({**previous.calendar, **target.calendar})
    target.mappings = {**previous.mappings, **target.mappings}
    target.insert(len(target), carried)
    return len(carried)
