"""Consistency checks.  Each rule is derived from the form declarations
(Balance, Sum, Domain, Mention, FromLastYear, RunningStock) rather than written
out per cell.  A new check is a function `(Report) -> list[Finding]` in this
package, called from runner.run_checks.

Rule ids follow ../shared/spec/official-format.md §3: R-0 domains, R-3.1 the
printed 勾稽关系, R-3.2/R-3.3/R-4.1 derived totals, V6 format/year,
V7/V8 cross-year relations, V10 mentions required in a narrative section,
V12 an empty narrative section.
"""
from __future__ import annotations

from .balance_history import BalanceHistory
from .findings import METADATA, Finding, Severity, findings_to_json
from .runner import run_checks

__all__ = ["METADATA", "BalanceHistory", "Finding", "Severity", "findings_to_json", "run_checks"]
