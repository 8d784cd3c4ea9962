"""Place the values of a published report's tables by their row labels.

Rows are scanned in document order.  A row's cells split into label cells
(up to the last cell that is not a number, blank or dash) and value cells
(the rest).  The label is compared with every declared row (match.py); the
value cells go to the row's declared cells left to right.  Section 四 has no
row labels: its one value row is the first long row of values after a header
naming 行政复议 and 行政诉讼.  Everything not exact is written to the import
report: fuzzy labels, missing rows, surplus or missing cells, blanks, dashes.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ...forms import Form, MatrixTable
from ...forms.schema import CellRef, ValueKind
from ...model.values import InvalidValue, coerce, format_value
from .document import Cell, Document, Row
from .match import FUZZY_MIN, label_score
from .result import ImportResult, Kind
from .targets import Target, header_keys, signature_keys, targets, unlabelled_tables
from .text import item_number, key, looks_like_value, parse_cell, squash

_CHILD_NUMBER = re.compile(r"(\d{1,2}\.|\([一二三四五六七八九十]{1,3}\))")


def split_row(row: Row) -> tuple[list[Cell], list[Cell]]:
    cells = row.distinct()
    last = -1
    for i, c in enumerate(cells):
        if not looks_like_value(c.text):
            last = i
    return [c for c in cells[: last + 1] if squash(c.text)], list(cells[last + 1:])


def detect_form(doc: Document, forms: dict[str, Form]) -> tuple[Form | None, dict[str, int]]:
    """The format whose own labels (those no other format prints) appear most."""
    keys = {key(c.text) for r in doc.rows for c in r.distinct() if 1 < len(c.text) < 80}
    scores: dict[str, int] = {}
    for k in forms:
        sig = signature_keys(k)
        scores[k] = sum(1 for s in sig if s in keys or any(len(s) >= 4 and x.startswith(s) for x in keys))
    best = max(scores.values()) if scores else 0
    if best == 0:
        return None, scores
    winners = [k for k, v in scores.items() if v == best]
    return (forms[winners[0]] if len(winners) == 1 else None), scores


def _label_variants(labels: list[Cell]) -> list[str]:
    """Keys to compare: the last label cell, the cells joined (a label split
    over cells or lines), and the part after a child item number inside one
    cell ("（四）无法提供1.本机关不掌握…")."""
    last = key(labels[-1].text)
    out = [last, key("".join(c.text for c in labels))]
    starts = [m.start() for m in _CHILD_NUMBER.finditer(last) if m.start() > 0]
    if starts:
        out.append(last[starts[-1]:])
    return out


class Locator:
    def __init__(self, doc: Document, result: ImportResult) -> None:
        self.doc = doc
        self.r = result
        self.form: Form = result.form
        self.targets = targets(self.form.key)
        self.placed: dict[int, str] = {}  # target order -> where
        self.parent_number = ""
        self.last_order = -1
        self.header_unit: dict[CellRef, str] = {}
        self.review_tables = unlabelled_tables(self.form)
        self.armed: MatrixTable | None = None
        self.deferred: list[tuple[Target, list[Cell], str]] = []
        self.centers: dict[tuple[str, int], list[list[float]]] = {}
        self.exact: dict[str, list[Target]] = {}
        for t in self.targets:
            self.exact.setdefault(t.key, []).append(t)
        self.amount_stems = [(ref, key(spec.column_label.split("（")[0])) for ref, spec in self.form.cells.items()
                             if spec.domain.kind is ValueKind.AMOUNT]

    # --- the scan ------------------------------------------------------------------

    def run(self) -> None:
        for row in self.doc.rows:
            labels, values = split_row(row)
            if not any(squash(v.text) for v in values):
                # A row printed all blank is still a row, when it has a blank cell for every column;
                # otherwise it is a header, a caption or a wrapped label.
                target = self._best(labels)[0] if labels and row.table is not None else None
                if target is None or len(values) < len(target.refs):
                    self._context(labels)
                    continue
            if self.armed is not None and len(values) >= 10 and not self._best(labels)[0]:
                self._place_unlabelled(self.armed, values, row)
                continue
            if not labels:
                continue
            target, score, printed = self._best(labels)
            if target is None:
                self._context(labels)
                if row.table is not None and sum(1 for v in values if squash(v.text)) >= 2:
                    self.r.note(Kind.UNPLACED, f"{row.where}“{row.text[:40]}”不是国家格式中的行，未导入。", (), row.text)
                continue
            self._place(target, score, printed, values, row)
        self._resolve_deferred()
        self._report_missing()

    def _context(self, labels: list[Cell]) -> None:
        keys = [key(c.text) for c in labels]
        for t in self.review_tables:
            heads = header_keys(t)
            joined = "".join(keys)
            if all(h in joined for h in heads):
                self.armed = t
        for k in keys:
            n = item_number(k)
            if n.startswith("("):
                self.parent_number = n
            self._header_units(k)

    def _header_units(self, k: str) -> None:
        for ref, stem in self.amount_stems:
            if k.startswith(stem) and "元" in k[len(stem):]:
                self.header_unit[ref] = "万元" if "万元" in k[len(stem):] else "元"

    def _best(self, labels: list[Cell]) -> tuple[Target | None, float, str]:
        if not labels:
            return None, 0.0, ""
        variants = _label_variants(labels)
        best: tuple[float, float, Target | None, str] = (0.0, 0.0, None, "")
        # Most labels are printed exactly: then only the rows with that label compete.
        candidates = self.exact.get(variants[0]) or self.targets
        for t in candidates:
            raw = label_score(variants[0], t)
            if t.leaf:
                raw = max(raw, *(label_score(v, t, contain=False) for v in variants[1:]))
            if raw == 0.0:
                continue
            bonus = 0.0
            if t.parent and item_number(t.parent) == self.parent_number:
                bonus += 0.05
            if t.order == self.last_order + 1:
                bonus += 0.05
            if raw + bonus > best[0] + best[1]:
                best = (raw, bonus, t, labels[-1].text)
        raw, _, target, printed = best
        return (target, raw, printed) if target is not None and raw >= FUZZY_MIN else (None, 0.0, "")

    # --- placing ------------------------------------------------------------------

    def _place(self, t: Target, score: float, printed: str, values: list[Cell], row: Row) -> None:
        table = self.form.table(t.table)
        if t.order in self.placed:
            if not any(squash(v.text) for v in values):
                return  # the rest of a label wrapped onto the next line, under an already placed row
            self.r.note(Kind.UNPLACED, f"{row.where}“{printed}”与{self.placed[t.order]}的行重复，未再次导入。", (), row.text)
            return
        self.placed[t.order] = row.where
        self.last_order = t.order
        if t.parent:
            self.parent_number = item_number(t.parent)
        if not t.leaf:
            children = [c for c in self.targets if c.parent == t.key and c.table == t.table]
            if score < 0.95 or any(c.order in self.placed for c in children):
                # Only a parent label printed as such, with none of its items seen, is a one-row group;
                # otherwise it is a piece of a label wrapped over lines.
                del self.placed[t.order]
                return
            for c in children:
                self.placed[c.order] = row.where
            last = children[-1]
            self.r.note(Kind.FUZZY, f"{table.name}“{t.label}”印为一行，没有分项；其数值已放入“{last.label}”，请核实。",
                        t.refs, printed)
            for ref in t.refs:
                self.r.fuzzy[ref] = printed
        elif score < 1.0:
            self.r.note(Kind.FUZZY, f"{row.where}“{printed}”按“{t.label}”导入（近似匹配）。", t.refs, printed)
            for ref in t.refs:
                self.r.fuzzy[ref] = printed
        n = len(t.refs)
        cells = self._trim(values, n)
        if len(cells) < n and all(c.x0 is not None for c in cells) and cells:
            self.deferred.append((t, cells, row.where))
            return
        if len(cells) != n:
            what = "多" if len(cells) > n else "少"
            self.r.note(Kind.UNPLACED, f"{row.where}“{printed or table.name}”有{len(cells)}个数值单元格，"
                        f"国家格式为{n}栏（{what}了），已按从左到右的顺序放入，请核实。", t.refs, row.text)
        if len(cells) == n and all(c.x0 is not None for c in cells):
            self.centers.setdefault((t.table, n), []).append([(c.x0 + c.x1) / 2 for c in cells])  # type: ignore[operator]
        for ref, cell in zip(t.refs, cells):
            self._value(ref, cell, row.where)

    def _trim(self, values: list[Cell], n: int) -> list[Cell]:
        """Drop blank cells left over from broken merges when there are too many."""
        vals = list(values)
        while len(vals) > n and not squash(vals[0].text):
            vals.pop(0)
        while len(vals) > n and not squash(vals[-1].text):
            vals.pop()
        if len(vals) > n and n == 1 and len({squash(v.text) for v in vals if squash(v.text)}) == 1:
            return [next(v for v in vals if squash(v.text))]
        return vals

    def _place_unlabelled(self, table: MatrixTable, values: list[Cell], row: Row) -> None:
        self.armed = None
        refs = tuple((table.key, r.key, c.key) for r in table.rows for c in table.leaf_columns())
        t = Target(table.key, table.name, "", "", refs, "", True, -1)
        if -1 in self.placed:
            self.r.note(Kind.UNPLACED, f"{row.where}又出现一行{table.name}的数值，未再次导入。", (), row.text)
            return
        self._place(t, 1.0, "", values, row)

    def _resolve_deferred(self) -> None:
        for t, cells, where in self.deferred:
            n = len(t.refs)
            samples = self.centers.get((t.table, n))
            if not samples:
                self.r.note(Kind.UNPLACED, f"{where}“{t.label}”只有{len(cells)}个数值，国家格式为{n}栏，"
                            "无法判断各数值属于哪一栏，未导入。", t.refs)
                continue
            centers = [sum(s[i] for s in samples) / len(samples) for i in range(n)]
            used: set[int] = set()
            for c in cells:
                mid = (c.x0 + c.x1) / 2  # type: ignore[operator]
                i = min((i for i in range(n) if i not in used), key=lambda i: abs(centers[i] - mid))
                used.add(i)
                self._value(t.refs[i], c, where)
            for i in range(n):
                if i not in used:
                    self.r.printed_blank[t.refs[i]] = ""

    def _value(self, ref: CellRef, cell: Cell, where: str) -> None:
        spec = self.form.cells[ref]
        label = spec.label
        table = self.form.table(ref[0]).name
        try:
            value, unit = parse_cell(cell.text, spec.domain)
        except InvalidValue as exc:
            self.r.note(Kind.UNPLACED, f"{where}{table}“{label}”：{exc}", (ref,), cell.text)
            return
        if value is None:
            self.r.printed_blank[ref] = "" if not squash(cell.text) else cell.text.strip()
            return
        if spec.domain.kind is ValueKind.AMOUNT:
            value = self._amount(ref, value, unit, f"{table}“{label}”", cell.text)
        if spec.computed:
            self.r.reported_totals[ref] = value
        else:
            self.r.inputs[ref] = value

    def _amount(self, ref: CellRef, value: int | Decimal, unit: str | None, what: str, printed: str) -> int | Decimal:
        spec = self.form.cells[ref]
        unit = unit or self.header_unit.get(ref)
        if spec.domain.units:
            if unit is None:
                unit = spec.domain.units[0]
                self.r.note(Kind.UNIT, f"{what}印为“{printed.strip()}”，未注明单位，按{unit}导入，请核实。", (ref,), printed)
            self.r.units[ref] = unit
            return value
        if unit == "元":
            converted = coerce(Decimal(value) / 10000, spec.domain)
            self.r.note(Kind.UNIT, f"{what}印为“{printed.strip()}”（元），已换算为{format_value(converted)}万元。",
                        (ref,), printed)
            return converted
        return value

    def _report_missing(self) -> None:
        for t in self.targets:
            if t.leaf and t.order not in self.placed:
                name = self.form.table(t.table).name
                self.r.note(Kind.MISSING, f"{name}中没有找到“{t.label}”这一行，该行按空白导入。", t.refs)
        for table in self.review_tables:
            if -1 not in self.placed:
                refs = tuple((table.key, r.key, c.key) for r in table.rows for c in table.leaf_columns())
                heads = "”“".join(c.label for c in table.columns)
                self.r.note(Kind.MISSING, f"没有找到{table.name}的数值行（“{heads}”表头下的一行数字），按空白导入。", refs)
        for ref, text in self.r.printed_blank.items():
            spec = self.form.cells[ref]
            label = spec.label
            shown = f"印为“{text}”" if text else "为空白"
            total = "（这是总计单元格）" if spec.computed else ""
            self.r.note(Kind.BLANK, f"{self.form.table(ref[0]).name}“{label}”{shown}，按空白导入（不是0）{total}。",
                        (ref,), text)
