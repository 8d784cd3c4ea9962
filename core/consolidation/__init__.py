"""汇总: a 公开办 collects the reports of its units and adds them up.

    workspace  the roster of units of one year and the files collected for them
    storage    the workspace file (*.ogiw, versioned JSON, atomic save)
    roster     rosters from Excel lists and last year's workspace; the roster template
    collect    reading a unit's file (draft, Excel attachment, published report) and
               matching it to a roster unit by the agency name inside
    status     one row per unit: received or missing, format, errors, warnings
    sums       the 本级 and 全行政区域 sums as normal drafts, with drill-down
    crosscheck checks across units (copied text, stale numbers, all zero, 上年结转)
    workbook   the 汇总 workbook; templates: blank templates per unit

Nothing here imports Qt.
"""
from __future__ import annotations

from .errors import ConsolidationError
from .workspace import KINDS, Collected, Unit, Workspace

__all__ = ["KINDS", "Collected", "ConsolidationError", "Unit", "Workspace"]
