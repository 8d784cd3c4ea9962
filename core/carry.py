"""Start this year's report from last year's draft (文件 → 从上年报告新建)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .forms import MatrixTable, form_for_year
from .model.report import PreviousYear, Report

A = "applications"


@dataclass
class CarryResult:
    report: Report
    carried: list[str] = field(default_factory=list)  # what was carried, in Chinese
    not_carried: list[str] = field(default_factory=list)  # what could not be, and why


def new_from_previous(previous: Report, path: Path | str | None = None) -> CarryResult:
    year = previous.meta.year + 1
    form = form_for_year(year)
    pm = previous.meta
    report = Report(pm.agency, year, form.key, contact=pm.contact, compiler=pm.compiler)
    result = CarryResult(report)
    result.carried.append(f"机关名称、联系方式、编制单位沿用{pm.year}年度报告")
    if form.key != previous.form.key:
        result.carried.append(f"报告格式由{previous.form.short_name}改为{form.short_name}（{form.document}）")

    values = {}
    # 三 二、上年结转 = last year's 四、结转下年度继续办理, column by column.
    table = form.table(A)
    assert isinstance(table, MatrixTable)
    for col in (c for top in table.columns for c in top.leaves()):
        if col.total is not None:
            continue
        v = previous.value((A, "carry_forward", col.key))
        if v is not None:
            values[(A, "carried_over", col.key)] = v
    result.carried.append(f"表三“二、上年结转政府信息公开申请数量”取自{pm.year}年度“四、结转下年度继续办理”")

    # 2019 format: 上一年项目数量 = last year's 上一年项目数量 + 本年增/减.
    if form.key == "2019" and previous.form.key == "2019":
        for ref in form.cells:
            if ref[0] == "active" and ref[2] == "prev_count":
                before = previous.value(ref)
                change = previous.value((ref[0], ref[1], "change"))
                if before is not None or change is not None:
                    values[ref] = (before or 0) + (change or 0)
        result.carried.append("表二“上一年项目数量”按上年的上一年项目数量加本年增/减推算")
    elif previous.form.key == "2019" and form.key == "2021":
        result.not_carried.append(
            "表二第二十条第（五）（六）（八）项的“上一年项目数量”“本年增/减”：2021年版格式已改为"
            "“本年处理决定数量”和“本年收费金额”，需按本年度实际填写")
        result.not_carried.append(
            "表二第二十条第（一）项：2021年版格式改为“本年制发件数、本年废止件数、现行有效件数”，"
            "2019年版的“本年新制作数量、本年新公开数量、对外公开总数量”不能直接换算，需重新填写")
        result.not_carried.append("表二第二十条第（九）项“政府集中采购”：2021年版格式已取消该项")
        result.not_carried.append("表三“（六）其他处理”：2021年版格式已细分为三项，需按本年度实际填写")
    report.replace_all(values)

    for s in form.narratives:
        text = previous.texts.get(s.key, "")
        if text.strip():
            report.texts[s.key] = text
    if any(previous.texts.get(s.key, "").strip() for s in form.narratives):
        result.carried.append("一、五、六部分的文字沿用上年报告作为底稿，请逐段按本年度情况改写（未改写的会提示“内容雷同”）")

    report.previous = PreviousYear(
        str(path) if path else "", pm.year, previous.form.key, dict(previous.inputs), dict(previous.texts))
    return result
