"""The numbers each chart shows, read from a year's values with the labels of
core/forms (short names derived there, never retyped here)."""
from __future__ import annotations

from dataclasses import dataclass

from ..forms import BlockTable, Column, MatrixTable, Row, get_form
from ..forms.schema import Number
from .history import YearData

A = "applications"
R = "review"
ACTIVE = "active"


@dataclass(frozen=True)
class Bar:
    label: str
    value: Number
    key: str  # where the number comes from ("table/row/column"), kept on the SVG label
    group: str = ""  # a heading the bar is listed under (法人或其他组织)


@dataclass(frozen=True)
class Outcomes:
    """One 行政复议 / 行政诉讼 block of section 四."""

    label: str
    group: str  # 行政诉讼 for the two litigation blocks
    parts: tuple[Bar, ...]  # 结果维持, 结果纠正, 其他结果, 尚未审结
    total: Bar
    corrected: Number
    concluded: Number  # 已审结 = 总计 − 尚未审结


def _matrix(data: YearData, key: str) -> MatrixTable:
    table = get_form(data.form_key).table(key)
    assert isinstance(table, MatrixTable)
    return table


def _blocks(data: YearData) -> BlockTable:
    table = get_form(data.form_key).table(ACTIVE)
    assert isinstance(table, BlockTable)
    return table


def _row_sum(data: YearData, row: Row, column: str) -> Number:
    return sum((data.number((A, leaf.key, column)) for leaf in row.leaves()), start=0)


def new_requests(data: YearData) -> Bar:
    table = _matrix(data, A)
    row = next(r for r in table.rows if r.key == "new")
    return Bar(row.short_name, data.number((A, "new", "total")), f"{A}/new/total")


def results(data: YearData) -> list[Bar]:
    """办理结果 by category, in the order of the form, then 结转下年度继续办理."""
    table = _matrix(data, A)
    results_row = next(r for r in table.rows if r.key == "results")
    out = [
        Bar(row.short_name, _row_sum(data, row, "total"), f"{A}/{row.key}/total")
        for row in results_row.children
        if row.total is None
    ]
    carry = next(r for r in table.rows if r.key == "carry_forward")
    out.append(Bar(carry.short_name, data.number((A, carry.key, "total")), f"{A}/{carry.key}/total"))
    return out


def applicants(data: YearData) -> list[Bar]:
    """本年新收 requests by applicant type, grouped as the form's header groups them."""
    table = _matrix(data, A)
    out: list[Bar] = []
    for top in table.columns:  # 申请人情况
        for col in top.children:
            if col.total is not None:
                continue
            group = col.label if col.children else ""
            out += [Bar(leaf.label, data.number((A, "new", leaf.key)), f"{A}/new/{leaf.key}", group)
                    for leaf in col.leaves()]
    return out


def documents(data: YearData) -> tuple[tuple[str, ...], list[tuple[str, list[Bar]]]]:
    """第二十条第（一）项: (column labels, [(row label, one bar per column)])."""
    block = next(b for b in _blocks(data).blocks if b.key == "item1")
    labels = tuple(c.label for c in block.columns)
    rows = [
        (row.label, [Bar(c.label, data.number((ACTIVE, row.key, c.key)), f"{ACTIVE}/{row.key}/{c.key}")
                     for c in block.columns])
        for row in block.rows
    ]
    return labels, rows


def decisions(data: YearData) -> tuple[str, list[Bar]]:
    """第二十条第（五）（六）项 处理决定数量 (许可, 处罚, 强制 …): (column label, bars)."""
    out: list[Bar] = []
    label = ""
    for block in _blocks(data).blocks:
        col = next((c for c in block.columns if c.key == "decisions"), None)
        if col is None:
            continue
        label = col.label
        out += [Bar(row.label, data.number((ACTIVE, row.key, col.key)), f"{ACTIVE}/{row.key}/{col.key}")
                for row in block.rows]
    return label, out


def review(data: YearData) -> list[Outcomes]:
    """Section 四 block by block: 行政复议, 未经复议直接起诉, 复议后起诉."""
    table = _matrix(data, R)
    row = table.rows[0].key
    out: list[Outcomes] = []

    def block(col: Column, group: str) -> None:
        leaves = col.children
        parts = tuple(Bar(c.label, data.number((R, row, c.key)), f"{R}/{row}/{c.key}") for c in leaves if c.total is None)
        total_col = next(c for c in leaves if c.total is not None)
        total = Bar(total_col.label, data.number((R, row, total_col.key)), f"{R}/{row}/{total_col.key}")
        corrected = next(p.value for p in parts if p.key.endswith("_corrected"))
        pending = next(p.value for p in parts if p.key.endswith("_pending"))
        out.append(Outcomes(col.label, group, parts, total, corrected, total.value - pending))

    for top in table.columns:
        if all(not c.children for c in top.children):
            block(top, "")
        else:
            for sub in top.children:
                block(sub, top.label)
    return out


def review_group_rate(blocks: list[Outcomes], group: str) -> tuple[Number, Number]:
    """(结果纠正, 已审结) summed over the blocks of a group (行政诉讼 = both kinds)."""
    chosen = [b for b in blocks if b.group == group or (not group and not b.group)]
    return sum((b.corrected for b in chosen), start=0), sum((b.concluded for b in chosen), start=0)
