"""A full 2021 report with non-zero values in every chart, started from a 2020
draft that was started from a 2019 draft (the `previous` chain).  Values typed
by hand; the expected chart numbers in test_charts.py are worked out from them."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from core.carry import new_from_previous
from core.model import Report
from core.storage import save

A, R, ACT = "applications", "review", "active"

# 表三 by column: (row, column) -> value.  Balanced: 一 + 二 = （七） + 四 in every column.
APPLICATIONS_2021 = {
    ("new", "natural"): 120, ("new", "commercial"): 30, ("new", "research"): 2, ("new", "nonprofit"): 3,
    ("new", "legal_service"): 10, ("new", "other_org"): 5,
    ("carried_over", "natural"): 8, ("carried_over", "commercial"): 2,
    ("granted", "natural"): 60, ("granted", "commercial"): 10, ("granted", "legal_service"): 6,
    ("granted", "other_org"): 3,
    ("partial", "natural"): 15, ("partial", "commercial"): 5,
    ("state_secret", "natural"): 1, ("third_party", "natural"): 3, ("third_party", "commercial"): 2,
    ("process_info", "natural"): 4,
    ("not_held", "natural"): 25, ("not_held", "commercial"): 8, ("not_held", "research"): 1,
    ("needs_creation", "natural"): 4, ("unclear", "natural"): 2,
    ("petition", "natural"): 6, ("repeated", "natural"): 3, ("repeated", "legal_service"): 2,
    ("no_correction", "natural"): 2, ("other_reason", "natural"): 1, ("other_reason", "nonprofit"): 1,
    ("carry_forward", "natural"): 2, ("carry_forward", "commercial"): 7, ("carry_forward", "research"): 1,
    ("carry_forward", "nonprofit"): 2, ("carry_forward", "legal_service"): 2, ("carry_forward", "other_org"): 2,
}
ACTIVE_2021 = {
    ("rules", "issued"): 2, ("rules", "repealed"): 1, ("rules", "in_force"): 15,
    ("normative", "issued"): 12, ("normative", "repealed"): 3, ("normative", "in_force"): 86,
    ("licensing", "decisions"): 3456, ("penalty", "decisions"): 789, ("enforcement", "decisions"): 12,
    ("fees", "fee_amount"): Decimal("20.3"),
}
REVIEW_2021 = {
    "recon_upheld": 5, "recon_corrected": 2, "recon_other": 1, "recon_pending": 1,
    "direct_upheld": 3, "direct_corrected": 1, "direct_other": 0, "direct_pending": 2,
    "after_upheld": 1, "after_corrected": 0, "after_other": 1, "after_pending": 0,
}
NEW_2019 = {"natural": 80, "commercial": 16}  # 96 in all
NEW_2020 = {"natural": 100, "commercial": 20, "legal_service": 5}  # 125 in all
CARRY_2020 = {"natural": 8, "commercial": 2}  # 2021's 上年结转
AGENCY = "某某市某某区人民政府办公室"


def _simple_year(report: Report, new: dict[str, int], carry: dict[str, int] | None = None) -> None:
    # every request granted but those carried forward
    carry = carry or {}
    values = {}
    for col, v in new.items():
        values[(A, "new", col)] = v
        values[(A, "granted", col)] = v + int(report.number((A, "carried_over", col))) - carry.get(col, 0)
        if col in carry:
            values[(A, "carry_forward", col)] = carry[col]
    report.set_values(values)


def build_chain(folder: Path) -> tuple[Report, Path]:
    """Saves 2019.ogir, 2020.ogir and 2021.ogir into folder; returns the 2021 report and its path."""
    r2019 = Report(AGENCY, 2019)
    _simple_year(r2019, NEW_2019)
    save(r2019, folder / "2019.ogir")
    r2020 = new_from_previous(r2019, folder / "2019.ogir").report
    _simple_year(r2020, NEW_2020, CARRY_2020)
    save(r2020, folder / "2020.ogir")
    r2021 = new_from_previous(r2020, folder / "2020.ogir").report
    values: dict = {(A, r, c): v for (r, c), v in APPLICATIONS_2021.items()}
    values.update({(ACT, r, c): v for (r, c), v in ACTIVE_2021.items()})
    values.update({(R, "cases", c): v for c, v in REVIEW_2021.items()})
    r2021.set_values(values)
    r2021.set_meta("date", "2022-01-20")
    path = folder / "2021.ogir"
    save(r2021, path)
    return r2021, path
