"""Problems found walking through a 60-unit 汇总 as a 公开办 would (issue 16's "Done means")."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from core.consolidation.templates import template_bytes

FEES = ("active", "fees", "fee_amount")


def _filled_template(tmp_path: Path, unit: str, fee: object) -> Path:
    path = tmp_path / f"{unit}.xlsx"
    path.write_bytes(template_bytes(unit, 2026))
    wb = load_workbook(path)
    ws = wb["表二 主动公开"]
    assert ws["A16"].value == "行政事业性收费"  # the row the clerk types in
    ws["B16"].value = fee
    wb.save(path)
    return path


def test_fee_typed_in_yuan_into_the_wanyuan_template_is_converted(tmp_path: Path) -> None:
    from core.importers.xlsx import import_xlsx

    # 本年收费金额（单位：万元）: one unit types 12000元, another 3.5 (万元); 12000 元 = 1.2 万元
    assert import_xlsx(_filled_template(tmp_path, "某某县司法局", "12000元")).number(FEES) == Decimal("1.2")
    assert import_xlsx(_filled_template(tmp_path, "某某县水利局", 3.5)).number(FEES) == Decimal("3.5")
