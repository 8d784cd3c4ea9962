"""Run every rule the form declares against a report."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..forms import FORMS, MatrixTable, form_for_year
from ..forms.cells import total_rules
from ..forms.schema import CellRef, Form, Number
from ..model.report import Report
from ..model.values import domain_problem, format_value
from ..records import replace
from ..register.findings import register_findings
from .amounts import check_amount_magnitude
from .crossyear import (
    check_carry_over,
    check_copied_text,
    check_old_year,
    check_stock_plausibility,
)
from .findings import METADATA, Finding, Severity
from .narrative_numbers import check_narrative_numbers, check_prose_sums
from .title import check_title

Rule = Callable[[Report], list[Finding]]


def _where(form: Form, ref: CellRef) -> str:
    spec = form.cells[ref]
    table = form.table(ref[0])
    label = f"“{spec.label}”"
    return f"{table.name}{label}"


def check_domains(report: Report) -> list[Finding]:
    """R-0: every input is a value of its cell's domain."""
    form = report.form
    out: list[Finding] = []
    for ref, value in report.inputs.items():
        spec = form.cells[ref]
        problem = domain_problem(value, spec.domain)
        if problem:
            out.append(
                Finding(
                    "R-0",
                    Severity.ERROR,
                    f"{_where(form, ref)}的值{format_value(value)}{problem}",
                    form.section_of_table(ref[0]).key,
                    (ref,),
                    None,
                    value,
                )
            )
    return out


_SIDES = ("第一项加第二项之和", "第三项加第四项之和")


def _balance_message(form: Form, table: str, column: str, rule_name: str, lhs_refs: list[CellRef],
                     rhs_refs: list[CellRef], lhs_vals: list[Number], rhs_vals: list[Number]) -> str:
    """What is wrong and by how much, in the words of the printed rule: which side
    exceeds the other, by what, and the cells with their values on each side."""
    lhs: Number = sum(lhs_vals)
    rhs: Number = sum(rhs_vals)
    difference: Number = lhs - rhs if lhs > rhs else rhs - lhs
    rule = rule_name.split("（")[0]  # 勾稽关系: the sides are spelled out below
    more, less = (_SIDES[0], _SIDES[1]) if lhs > rhs else (_SIDES[1], _SIDES[0])

    def side(refs: list[CellRef], vals: list[Number], total: Number) -> str:
        terms = " + ".join(f"{form.cells[r].row_label} {format_value(v)}" for r, v in zip(refs, vals))
        return f"{terms} = {format_value(total)}"

    return (f"{table}“{column}”列：{more}比{less}多 {format_value(difference)}，两者应相等（{rule}）。"
            f"第一项加第二项：{side(lhs_refs, lhs_vals, lhs)}；第三项加第四项：{side(rhs_refs, rhs_vals, rhs)}。")


def check_balances(report: Report) -> list[Finding]:
    """R-3.1 and any other printed equality, per value column."""
    form = report.form
    out: list[Finding] = []
    for table in form.tables:
        if not isinstance(table, MatrixTable):
            continue
        leaf_cols = table.leaf_columns()
        for bal in table.balances:
            for col in leaf_cols:
                lhs_refs = [(table.key, r, col.key) for r in bal.lhs]
                rhs_refs = [(table.key, r, col.key) for r in bal.rhs]
                lhs_vals = [report.number(r) for r in lhs_refs]
                rhs_vals = [report.number(r) for r in rhs_refs]
                lhs, rhs = sum(lhs_vals), sum(rhs_vals)
                if lhs == rhs:
                    continue
                out.append(
                    Finding(
                        bal.rule,
                        Severity.ERROR,
                        _balance_message(form, table.name, col.label, bal.rule_name, lhs_refs, rhs_refs,
                                         lhs_vals, rhs_vals),
                        form.section_of_table(table.key).key,
                        tuple(lhs_refs + rhs_refs),
                        lhs,
                        rhs,
                    )
                )
    return out


def check_reported_totals(report: Report) -> list[Finding]:
    """R-3.2, R-3.3, R-4.1: totals stated by an outside source equal the sums.

    A corner cell (（七）总计 / 总计) is the total of its row and of its column:
    it is checked against each with the stated values of that rule's own terms,
    so the message names the rule that failed and numbers that add up."""
    form = report.form
    out: list[Finding] = []
    for ref, stated in report.reported_totals.items():
        spec = form.cells.get(ref)
        if spec is None or not spec.computed:
            continue
        expected = report.number(ref)
        if stated == expected:
            continue
        rules = total_rules(form.table(spec.table), spec.row, spec.column)
        if len(rules) < 2:
            rules = [(spec.rule or "R-TOTAL", spec.rule_name or "", spec.terms)]
        for rule, rule_name, terms in rules:
            refs = tuple((spec.table, r, c) for r, c in terms)
            total = sum((report.reported_totals.get(t, report.number(t)) for t in refs), Decimal(0))
            if len(rules) > 1 and total == stated:
                continue  # this direction adds up; the other one is reported
            if len(rules) == 1:
                total = expected
            out.append(
                Finding(
                    rule,
                    Severity.ERROR,
                    f"{_where(form, ref)}填写为{format_value(stated)}，但各项之和为{format_value(total)}"
                    f"（{rule_name}）。",
                    form.section_of_table(spec.table).key,
                    (ref, *refs),
                    total,
                    stated,
                )
            )
    return out


def check_form_year(report: Report) -> list[Finding]:
    """V6: the format matches the report year."""
    year = report.meta.year
    try:
        expected = form_for_year(year)
    except ValueError as exc:
        return [Finding("V6", Severity.ERROR, str(exc), METADATA)]
    if expected.key == report.meta.form_key:
        return []
    current = FORMS[report.meta.form_key]
    return [
        Finding(
            "V6",
            Severity.ERROR,
            f"{year}年度的报告应使用{expected.short_name}（{expected.document}），"
            f"当前选择的是{current.short_name}。请在“基本信息”中更正报告格式或报告年度。",
            METADATA,
        )
    ]


def check_narratives(report: Report) -> list[Finding]:
    """V12: narrative sections are not empty; V10-style required mentions."""
    out: list[Finding] = []
    for section in report.form.narratives:
        text = report.texts.get(section.key, "")
        if not text.strip():
            out.append(Finding("V12", Severity.WARNING, f"“{section.heading}”尚未填写。", section.key))
            continue
        for mention in section.mentions:
            if not any(w in text for w in mention.words):
                out.append(Finding(mention.rule, Severity.WARNING, mention.message, section.key))
    return out


def check_metadata(report: Report) -> list[Finding]:
    if report.meta.agency.strip():
        return []
    return [Finding("V13", Severity.ERROR, "尚未填写机关名称（在“基本信息”中填写）。", METADATA)]


RULES: tuple[Rule, ...] = (
    check_metadata,
    check_form_year,
    check_domains,
    check_reported_totals,
    check_balances,
    check_narratives,
    check_carry_over,
    check_stock_plausibility,
    check_copied_text,
    check_old_year,
    check_narrative_numbers,
    check_prose_sums,
    register_findings,
    check_amount_magnitude,
    check_title,
)


def _same(a: Number | None, b: Number | None) -> bool:
    return format_value(a) == format_value(b)


def run_checks(report: Report) -> list[Finding]:
    findings: list[Finding] = []
    for rule in RULES:
        findings.extend(rule(report))
    if not report.explanations:
        return findings
    out = []
    for f in findings:
        e = report.explanations.get(f.key)
        # Errors cannot be explained away; a warning's explanation lapses when its numbers change.
        if e is not None and not f.is_error and _same(e.expected, f.expected) and _same(e.actual, f.actual):
            f = replace(f, explanation=e.note)
        out.append(f)
    return out
