"""Sentences from the numbers: the data passages of core/forms/passages.py,
filled from a report's tables.

Lists join with 、, clauses with ，, the parts of a sentence with ；, and every
sentence ends with 。.  A category whose number is 0 is left out; a quantity
that is 0 as a whole gets the wording's own "none" sentence.
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

from .forms import MatrixTable
from .forms.passages import (
    ActiveWording,
    AmountRow,
    ApplicationsWording,
    DecisionRows,
    FeeWording,
    ItemCounts,
    Passage,
    ReviewWording,
    StockRows,
    passage,
    passages,
)
from .forms.schema import BlockTable, Column, Number, Row
from .model.report import Report
from .model.values import format_value

Node = TypeVar("Node", Row, Column)


def _find(nodes: Sequence[Node], key: str) -> Node:
    for node in nodes:
        if node.key == key:
            return node
        children: Sequence[Node] = node.children
        try:
            return _find(children, key)
        except KeyError:
            continue
    raise KeyError(key)


def _matrix(report: Report, key: str) -> MatrixTable:
    table = report.form.table(key)
    assert isinstance(table, MatrixTable)
    return table


def _row(report: Report, table: str, key: str) -> Row:
    t = report.form.table(table)
    if isinstance(t, BlockTable):
        return _find([r for b in t.blocks for r in b.rows], key)
    return _find(t.rows, key)


def _column(report: Report, table: str, key: str) -> Column:
    t = report.form.table(table)
    if isinstance(t, BlockTable):
        return _find([c for b in t.blocks for c in b.columns], key)
    return _find(t.columns, key)


def _n(value: Number) -> str:
    return format_value(value)


def _sentence(parts: Sequence[str]) -> str:
    """Parts of one sentence joined with ；, ending with 。."""
    return "；".join(p for p in parts if p) + "。" if any(parts) else ""


# --- 依申请公开 -------------------------------------------------------------------


def _applications(report: Report, w: ApplicationsWording) -> str:
    t, total = w.table, w.total
    received_row, carried_row, handled_row, forward_row = w.rows
    table = _matrix(report, t)

    def cell(row: str, col: Column) -> Number:
        return sum((report.number((t, row, leaf.key)) for leaf in col.leaves()), start=0)

    def result(row: Row) -> Number:
        return sum((report.number((t, leaf.key, total)) for leaf in row.leaves()), start=0)

    received = report.number((t, received_row, total))
    if received:
        items = []
        for key in w.applicant_groups:
            col = _find(table.columns, key)
            n = cell(received_row, col)
            if not n:
                continue
            item = w.applicant_item.format(name=col.short_name, n=_n(n))
            if key in w.detailed_groups:
                details = [w.detail_item.format(name=leaf.short_name, n=_n(cell(received_row, leaf)))
                           for leaf in col.leaves() if cell(received_row, leaf)]
                item += f"（{'、'.join(details)}）"
            items.append(item)
        first = w.received.format(n=_n(received)) + ("，其中" + "、".join(items) if items else "")
    else:
        first = w.none_received
    carried = report.number((t, carried_row, total))
    out = _sentence([first, w.carried_over.format(n=_n(carried)) if carried else ""])

    handled = report.number((t, handled_row, total))
    if handled:
        results = [_find(table.rows, key) for key in w.result_groups]
        items = [w.result_item.format(name=row.short_name, n=_n(result(row))) for row in results if result(row)]
        second = w.handled.format(n=_n(handled)) + ("，其中" + "、".join(items) if items else "")
    else:
        second = w.none_handled if received or carried else ""
    forward = report.number((t, forward_row, total))
    return out + _sentence([second, w.carry_forward.format(n=_n(forward)) if forward else ""])


# --- 复议诉讼 ---------------------------------------------------------------------


def _review(report: Report, w: ReviewWording) -> str:
    table = _matrix(report, w.table)
    row = table.rows[0].key

    def count(blocks: tuple[str, ...], suffix: str) -> Number:
        return sum((report.number((w.table, row, f"{b}_{suffix}")) for b in blocks), start=0)

    if not any(count(blocks, w.total) for _, blocks in w.kinds):
        return w.all_none + "。"
    clauses = []
    seen_cases = False
    for kind, blocks in w.kinds:
        name = _find(table.columns, kind).short_name
        total = count(blocks, w.total)
        if not total:
            clauses.append(w.none.format(name=name))
            continue
        outcomes = [
            w.outcome_item.format(name=_find(table.columns, f"{blocks[0]}_{o}").short_name, n=_n(count(blocks, o)))
            for o in w.outcomes
            if count(blocks, o)
        ]
        clause = (w.next if seen_cases else w.first).format(name=name, n=_n(total))
        clauses.append(clause + (f"（{'、'.join(outcomes)}）" if outcomes else ""))
        seen_cases = True
    return w.lead + "，".join(clauses) + "。"


# --- 主动公开 ---------------------------------------------------------------------


def _stock(report: Report, t: str, w: StockRows) -> str:
    stock_col = _column(report, t, w.stock)
    cols = (*w.acts, w.stock)
    if not any(report.number((t, key, c)) for key in w.rows for c in cols):
        rows = "和".join(_row(report, t, key).short_name for key in w.rows)
        return w.lead + w.no_act.format(row=rows) + "，" + w.stock_none.format(verb=stock_col.short_name, row=rows) + "。"
    parts = []
    for key in w.rows:
        row = _row(report, t, key)
        acts: list[str] = []
        for col_key in w.acts:
            n = report.number((t, key, col_key))
            if n:
                verb = _column(report, t, col_key).short_name
                template = w.act_next if acts else w.act_first
                acts.append(template.format(verb=verb, row=row.short_name, n=_n(n)))
        stock = report.number((t, key, w.stock))
        stock_text = (w.stock_some.format(verb=stock_col.short_name, row=row.short_name, n=_n(stock)) if stock
                      else w.stock_none.format(verb=stock_col.short_name, row=row.short_name))
        parts.append(("、".join(acts) if acts else w.no_act.format(row=row.short_name)) + "，" + stock_text)
    return w.lead + _sentence(parts)


def _decisions(report: Report, t: str, w: DecisionRows) -> str:
    column = _column(report, t, w.column).short_name
    rows = [_row(report, t, key) for key in w.rows]
    items = [
        w.item.format(row=row.short_name, column=column, n=_n(report.number((t, row.key, w.column))))
        for row in rows
        if report.number((t, row.key, w.column))
    ]
    if items:
        return w.some.format(items="、".join(items)) + "。"
    return w.none.format(rows="、".join(r.short_name for r in rows), column=column) + "。"


def _amount(report: Report, t: str, w: AmountRow) -> str:
    row = _row(report, t, w.row)
    amount_ref = (t, w.row, w.amount)
    amount = report.number(amount_ref)
    count = report.number((t, w.row, w.count)) if w.count else 0
    if not amount and not count:
        return w.none.format(row=row.short_name) + "。"
    unit = report.unit(amount_ref) or w.unit
    name = _column(report, t, w.amount).short_name
    return w.some.format(row=row.short_name, count=_n(count), amount_name=name, amount=_n(amount), unit=unit) + "。"


def _items(report: Report, t: str, w: ItemCounts | None) -> str:
    if w is None:
        return ""
    parts = []
    for key in w.rows:
        name = _row(report, t, key).short_name
        before, change = report.number((t, key, w.previous)), report.number((t, key, w.change))
        if not before and not change:
            continue
        size: Number = -change if change < 0 else change
        moved = "" if not change else (w.increase if change > 0 else w.decrease).format(n=_n(size))
        if before:
            parts.append(w.item.format(row=name, n=_n(before), change=moved))
        else:
            parts.append(w.item_change_only.format(row=name, change=moved.lstrip("、")))
    return w.lead + _sentence(parts) if parts else ""


def _active(report: Report, w: ActiveWording) -> str:
    t = w.table
    return (_stock(report, t, w.stock) + _decisions(report, t, w.decisions) + _items(report, t, w.items)
            + "".join(_amount(report, t, a) for a in w.amounts))


# --- 信息处理费 -------------------------------------------------------------------


def register_fees(report: Report) -> Decimal | None:
    """信息处理费 charged in the report year (元) by the draft's 登记台账: the fees
    of the requests answered that year; None when the register records no
    answer in the year (then it says nothing about fees)."""
    if not report.has_register:
        return None
    year = report.meta.year
    answered = [q for q in report.register if q.answered is not None and q.answered.year == year]
    if not answered:
        return None
    return sum((q.fee for q in answered if q.fee is not None), start=Decimal(0))


def _fees(report: Report, w: FeeWording) -> str:
    amount = register_fees(report)
    charged = "" if amount is None else (
        w.charged.format(amount=_n(amount)) if amount else w.not_charged) + "。"
    n = report.number((w.table, w.row, w.total))
    return charged + (w.some.format(n=_n(n)) if n else w.none) + "。"


def fill(report: Report, p: Passage) -> str:
    """The text of a passage for the report's current numbers."""
    w = p.wording
    if isinstance(w, ApplicationsWording):
        return _applications(report, w)
    if isinstance(w, ReviewWording):
        return _review(report, w)
    if isinstance(w, ActiveWording):
        return _active(report, w)
    return _fees(report, w)


def passage_text(report: Report, key: str) -> str | None:
    """The text of passage `key`, or None when the report's format has no such passage."""
    p = passage(report.form.key, key)
    return fill(report, p) if p is not None else None


def section_passages(report: Report, section: str) -> list[tuple[Passage, str]]:
    """The passages that belong to a narrative section, with their texts."""
    return [(p, fill(report, p)) for p in passages(report.form.key) if p.section == section]


def all_passages(report: Report) -> list[tuple[Passage, str]]:
    return [(p, fill(report, p)) for p in passages(report.form.key)]
