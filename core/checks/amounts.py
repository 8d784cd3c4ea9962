"""V17: an amount of money whose magnitude is implausible for one agency.

The usual cause is a unit mix-up: 75394432.52 元 typed into a cell counted in
万元 reads as 7539亿元.  A warning (it can be 已核实), naming the cell, the
amount in 亿元 and the likely fix."""
from __future__ import annotations

from decimal import Decimal

from ..forms import ValueKind
from ..model.report import Report
from ..model.values import format_value
from .findings import Finding, Severity

RULE = "V17"
# 100亿元 in 万元: above any one agency's annual procurement or fees.
IMPLAUSIBLE_WANYUAN = Decimal(1_000_000)


def check_amount_magnitude(report: Report) -> list[Finding]:
    out: list[Finding] = []
    form = report.form
    for ref, spec in form.cells.items():
        if spec.domain.kind is not ValueKind.AMOUNT or spec.computed:
            continue
        value = report.value(ref)
        if value is None:
            continue
        unit = report.unit(ref) or "万元"
        wanyuan = Decimal(value) / 10_000 if unit == "元" else Decimal(value)
        if wanyuan < IMPLAUSIBLE_WANYUAN:
            continue
        yi = (wanyuan / 10_000).quantize(Decimal(1))
        hint = "请确认单位：如果这是以“元”计的金额，请改选单位“元”或换算为万元。" if spec.domain.units \
            else "请确认是否把以“元”计的金额填进了以“万元”计的单元格。"
        where = f"{form.table(ref[0]).name}“{spec.row_label} / {spec.column_label}”"
        out.append(Finding(
            RULE, Severity.WARNING,
            f"{where}为{format_value(value)}{unit}（约{format_value(yi)}亿元），数额异常。{hint}",
            form.section_of_table(ref[0]).key, (ref,), None, value,
        ))
    return out
