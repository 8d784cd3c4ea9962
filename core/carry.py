"""Start this year's report from last year's draft (文件 → 从上年报告新建)."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .forms import Form, form_for_year
from .forms.crossyear import carried_pairs, shared_relations, stock_rows
from .forms.schema import CellRef, FromLastYear, Number
from .model.report import PreviousYear, Report
from .records import field, record
from .skeleton import apply_skeleton, relink_carried



@record(frozen=False)
class CarryResult:
    report: Report
    carried: list[str] = field(default_factory=list)  # what was carried, in Chinese
    not_carried: list[str] = field(default_factory=list)  # what could not be, and why


def _missing_in(previous: Report, form: Form) -> list[str]:
    """What last year's format would carry into the next year and this year's
    format has no place for (a relation last year's format declares and this
    one does not), where last year's report has figures: the only things the
    user must act on.  Figures of the year itself are never carried."""
    out: list[str] = []
    for relation in previous.form.cross_year:
        if relation in form.cross_year:
            continue
        t = relation.table
        if isinstance(relation, FromLastYear):
            rows = [relation.last_row]
            columns = [there[2] for _, there in carried_pairs(relation, previous.form)]
        else:
            rows = stock_rows(relation, previous.form)
            columns = [relation.last_column, *relation.last_plus]
        if not any(previous.value((t, r, c)) not in (None, 0) for r in rows for c in columns):
            continue
        name = previous.form.table(t).name
        labels = "、".join(f"“{_column_label(previous.form, t, c)}”" for c in dict.fromkeys(columns))
        out.append(f"{name}的{labels}：{form.short_name}中没有对应栏目，未结转，请按{form.short_name}填写本年{name}")
    return out


def _column_label(form: Form, table: str, column: str) -> str:
    return next(spec.column_label for ref, spec in form.cells.items() if ref[0] == table and ref[2] == column)


def new_from_previous(previous: Report, path: Path | str | None = None,
                      skeleton: Iterable[str] = ()) -> CarryResult:
    """This year's report from last year's.  Narrative sections named in
    `skeleton` get the customary subheadings with linked data passages; the
    others keep last year's text as a draft, the passages linked there brought
    to this year's numbers and linked again."""
    year = previous.meta.year + 1
    form = form_for_year(year)
    pm = previous.meta
    report = Report(pm.agency, year, form.key, contact=pm.contact, compiler=pm.compiler)
    result = CarryResult(report)
    result.carried.append(f"机关名称、联系方式、编制单位沿用{pm.year}年度报告")
    if form.key != previous.form.key:
        result.carried.append(f"报告格式由{previous.form.short_name}改为{form.short_name}（{form.document}）")

    values: dict[CellRef, Number] = {}
    for relation in shared_relations(form, previous.form):
        if isinstance(relation, FromLastYear):
            pairs = carried_pairs(relation, form)
            for here, there in pairs:
                v = previous.value(there)
                if v is not None:
                    values[here] = v
            this_row, last_row = form.cells[pairs[0][0]].row_label, form.cells[pairs[0][1]].row_label
            result.carried.append(f"{form.table(relation.table).name}“{this_row}”取自{pm.year}年度报告的“{last_row}”")
        elif relation.from_last_year_only:
            t = relation.table
            for row in stock_rows(relation, form):
                before = previous.value((t, row, relation.last_column))
                terms = [previous.value((t, row, c)) for c in relation.last_plus]
                if before is not None or any(x is not None for x in terms):
                    values[(t, row, relation.column)] = (before or 0) + sum((x or 0 for x in terms), start=0)
            label = _column_label(form, t, relation.column)
            added = "、".join(_column_label(form, t, c) for c in relation.last_plus)
            result.carried.append(f"{form.table(t).number}“{label}”按上年的{_column_label(form, t, relation.last_column)}"
                                  f"加{added}推算")
    if previous.form.key != form.key:
        result.not_carried.extend(_missing_in(previous, form))
    report.replace_all(values)

    fresh = {s.key for s in form.narratives if s.key in set(skeleton)}
    kept = []
    for s in form.narratives:
        text = previous.texts.get(s.key, "")
        if s.key not in fresh and text.strip():
            report.set_text(s.key, text)
            kept.append(s)
    relinked = relink_carried(report, previous, [s.key for s in kept])
    apply_skeleton(report, fresh)
    if kept:
        headings = "".join(f"“{s.heading}”" for s in kept)
        result.carried.append(f"{headings}的文字沿用上年报告作为底稿，请逐段按本年度情况改写（未改写的会提示“内容雷同”）"
                              + ("；其中的数据说明已按本年度数字更新" if relinked else ""))
    if fresh:
        headings = "".join(f"“{s.heading}”" for s in form.narratives if s.key in fresh)
        result.carried.append(f"{headings}填入了常用小标题和按本年度数字生成的数据说明")

    if previous.has_register or previous.register_drives:
        from .register.rollover import carry_over

        n = carry_over(previous.register, pm.year, report.register)
        report.set_register_drives(previous.register_drives)
        result.carried.append(f"台账中{pm.year}年底尚未办结的{n}件申请转入本年台账（计入“上年结转”）")

    report.previous = PreviousYear(
        str(path) if path else "", pm.year, previous.form.key, dict(previous.inputs), dict(previous.texts))
    return result
