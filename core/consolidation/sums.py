"""The sums of 本级 and 全行政区域, kept per cell so that a drill-down names
the units behind every number and replacing one unit's file re-sums at once.

Every input cell is summed.  Amounts a unit gave in 元 (the cells with a unit
choice) are converted to the form's first unit, 万元, before adding.  Stock
cells (the RunningStock columns declared in core/forms: 现行有效件数,
上一年项目数量) are summed as well, and named as stocks in the result."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..forms import CellRef, Form, Number
from ..forms.crossyear import stock_rows
from ..forms.schema import RunningStock
from ..model.report import Report
from .errors import ConsolidationError
from .status import Board
from .workspace import Workspace

LOCAL = "本级"
REGION = "全行政区域"
SCOPES = (LOCAL, REGION)
FACTORS = {"元": Decimal(1) / Decimal(10000), "万元": Decimal(1)}  # to 万元


def stock_cells(form: Form) -> frozenset[CellRef]:
    """The cells the form declares as stocks (a running stock column, row by row)."""
    out: set[CellRef] = set()
    for relation in form.cross_year:
        if isinstance(relation, RunningStock):
            out.update((relation.table, row, relation.column) for row in stock_rows(relation, form))
    return frozenset(out)


def normalised_inputs(report: Report) -> dict[CellRef, Number]:
    """The report's inputs with every amount in its cell's first unit (万元)."""
    out: dict[CellRef, Number] = {}
    cells = report.form.cells
    for ref, v in report.inputs.items():
        units = cells[ref].domain.units
        if units and report.unit(ref) != units[0]:
            v = Decimal(v) * FACTORS[report.unit(ref)] / FACTORS[units[0]]
        out[ref] = v
    return out


def in_scope(ws: Workspace, name: str, scope: str) -> bool:
    unit = ws.unit(name)
    return unit is not None and (unit.local if scope == LOCAL else unit.region)


class Sums:
    """The two sums over the included units of a board."""

    def __init__(self, ws: Workspace, board: Board) -> None:
        self.ws = ws
        self.form = board.form
        self.stocks = stock_cells(self.form)
        wrong = [f"“{r.unit.name}”（{r.reading.report.form.short_name}）" for r in board.rows
                 if r.included and r.reading is not None and r.reading.report is not None
                 and r.reading.report.form.key != self.form.key]
        if wrong:
            raise ConsolidationError(
                f"{'、'.join(wrong)}的报告格式与{ws.year}年度应使用的{self.form.short_name}不同，不能与其他单位合并汇总。"
                "请该单位按正确的格式重新报送，或不纳入汇总。")
        self.values: dict[str, dict[CellRef, Number]] = {}
        self.totals: dict[str, dict[CellRef, Number]] = {s: {} for s in SCOPES}
        self.included_with_errors = board.included_with_errors
        for row in board.rows:
            if row.included and row.reading is not None and row.reading.report is not None:
                self._add(row.unit.name, normalised_inputs(row.reading.report), 1)

    def _add(self, name: str, values: dict[CellRef, Number], sign: int) -> None:
        if sign > 0:
            self.values[name] = values
        for scope in SCOPES:
            if not in_scope(self.ws, name, scope):
                continue
            total = self.totals[scope]
            for ref, v in values.items():
                total[ref] = total.get(ref, 0) + sign * v

    def replace(self, name: str, report: Report | None) -> None:
        """Swap one unit's figures (a resent file; None takes the unit out)."""
        if report is not None and report.form.key != self.form.key:
            raise ConsolidationError(f"“{name}”的报告使用{report.form.short_name}，"
                                     f"与本次汇总的{self.form.short_name}不同，不能合并汇总。")
        old = self.values.pop(name, None)
        if old is not None:
            self._add(name, old, -1)
        if report is not None:
            self._add(name, normalised_inputs(report), 1)

    def value_of(self, values: dict[CellRef, Number], ref: CellRef) -> Number:
        spec = self.form.cells[ref]
        if not spec.computed:
            return values.get(ref, 0)
        return sum((self.value_of(values, (spec.table, r, c)) for r, c in spec.terms), start=0)

    def total(self, scope: str, ref: CellRef) -> Number:
        """The summed value of any cell (a total too), unrounded."""
        return self.value_of(self.totals[scope], ref)

    def inputs(self, scope: str) -> dict[CellRef, Number]:
        out: dict[CellRef, Number] = {}
        for ref, v in self.totals[scope].items():
            domain = self.form.cells[ref].domain
            if isinstance(v, Decimal):
                v = v.quantize(Decimal(1).scaleb(-domain.decimals), rounding=ROUND_HALF_UP)
                if domain.is_integer or v == v.to_integral_value():
                    v = int(v) if domain.is_integer else v.normalize()
            out[ref] = v
        return out

    def note(self, ref: CellRef) -> str:
        """What the 汇总 sheet and the window say beside a summed cell: a stock, a total, the unit."""
        spec = self.form.cells[ref]
        note = "存量：各单位年末数之和" if ref in self.stocks else "总计（自动计算）" if spec.computed else ""
        if spec.domain.units:  # a unit choice: units gave 元 or 万元, the sum is in the first (万元)
            note = (note + "；" if note else "") + f"单位：{spec.domain.units[0]}"
        return note

    def units_in(self, scope: str) -> list[str]:
        return [u.name for u in self.ws.units if u.name in self.values and in_scope(self.ws, u.name, scope)]

    def report(self, scope: str) -> Report:
        """The sum as a normal draft (opens in the editor, exports to Word/Excel)."""
        name = self.ws.name or "汇总"
        report = Report(name, self.ws.year, self.form.key)
        report.replace_all(self.inputs(scope))
        units = self.units_in(scope)
        report.extra["consolidation"] = {
            "scope": scope,
            "units": units,
            "included_with_errors": [u for u in self.included_with_errors if u in units],
            "stocks": ["/".join(ref) for ref in sorted(self.stocks)],
        }
        last = self.form.narratives[-1].key if self.form.narratives else None
        lines = [f"本报告为{name}{scope}汇总，共汇总{len(units)}个单位的报告。"]
        if self.stocks:
            labels = "、".join(sorted({self.form.cells[r].column_label for r in self.stocks}))
            lines.append(f"{labels}为存量数，是各单位年末数之和。")
        with_errors = report.extra["consolidation"]["included_with_errors"]
        if with_errors:
            lines.append(f"以下单位的报告有错误，经确认仍纳入汇总：{'、'.join(with_errors)}。")
        if last is not None:
            report.set_text(last, "\n".join(lines))
        return report

    def drill(self, scope: str, ref: CellRef) -> list[tuple[str, Number]]:
        """The units behind a summed cell and their values (in 万元 for amounts),
        in roster order; units that left the cell blank are not listed."""
        out: list[tuple[str, Number]] = []
        spec = self.form.cells[ref]
        for name in self.units_in(scope):
            values = self.values[name]
            if spec.computed:
                v = self.value_of(values, ref)
                if v != 0:
                    out.append((name, v))
            elif ref in values:
                out.append((name, values[ref]))
        return out
