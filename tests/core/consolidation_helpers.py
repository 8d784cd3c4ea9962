"""Small rosters and unit reports for the 汇总 tests."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from core.consolidation import Unit, Workspace
from core.model import Report
from core.storage import save

A = "applications"
RULES_ISSUED = ("active", "rules", "issued")
RULES_IN_FORCE = ("active", "rules", "in_force")  # a stock (RunningStock V8)
FEES = ("active", "fees", "fee_amount")  # 万元, fixed
NEW_NATURAL = (A, "new", "natural")
NEW_TOTAL = (A, "new", "total")
CARRY_NATURAL = (A, "carry_forward", "natural")
CARRIED_NATURAL = (A, "carried_over", "natural")


def unit_report(agency: str, year: int = 2021, *, issued: int = 0, in_force: int = 0, fees: str | None = None,
                applications: int = 0, form_key: str | None = None, text: str = "") -> Report:
    r = Report(agency, year, form_key)
    values: dict[tuple[str, str, str], int | Decimal | None] = {
        RULES_ISSUED: issued or None, RULES_IN_FORCE: in_force or None, NEW_NATURAL: applications or None,
        CARRY_NATURAL: applications or None,  # 一 + 二 = （七） + 四 stays balanced
    }
    if fees is not None:
        values[FEES] = Decimal(fees)
    r.set_values({k: v for k, v in values.items() if v is not None})
    for s in r.texts:
        r.set_text(s, text or f"{agency}认真贯彻落实政府信息公开条例。")
    return r


def write(report: Report, folder: Path, name: str) -> Path:
    path = folder / name
    save(report, path)
    return path


def roster_ws(year: int = 2021) -> Workspace:
    return Workspace(year, "某某县人民政府", [
        Unit("某某县教育局", "部门", True, True),
        Unit("某某县财政局", "部门", True, False),  # in 本级 only
        Unit("某某镇人民政府", "乡镇街道", False, True),
    ])
