"""The report document: metadata, narrative texts and table values.

Only input cells are stored; totals are recomputed on every change and cannot
be set.  Views subscribe with plain callbacks and receive a `Change` naming
exactly what changed, so they can repaint only that.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any

from ..forms import EVALUATION_ORDER, Form, form_for_year, get_form
from ..forms.schema import CellRef, Number
from ..records import field, record

if TYPE_CHECKING:
    from ..register.live import RegisterLive
    from ..register.register import Register, RegisterChange
from .clean import clean_text
from .links import LinkedPassage, Span, locate, refreshed


class ReadOnlyCell(KeyError):
    """Raised when something tries to set a computed or unknown cell."""

    def __str__(self) -> str:  # KeyError quotes its argument; we want the message.
        return str(self.args[0]) if self.args else ""


class ChangeKind(StrEnum):
    """What kind of change a listener is told about.  (A StrEnum: it also
    compares equal to its value, "cells" and so on.)"""

    CELLS = "cells"  # `cells` changed (values or units)
    TEXT = "text"  # the narrative of `section`
    META = "meta"  # the metadata `field` (or "explanations")
    FORM = "form"  # everything: another format, or all values replaced
    REGISTER = "register"  # the 台账; `cells` are the 表三 cells it recomputed


@record
class Change:
    """What changed, with exactly the cells concerned."""

    kind: ChangeKind
    cells: frozenset[CellRef] = frozenset()
    section: str | None = None
    field: str | None = None


META_FIELDS = ("agency", "year", "form_key", "date", "contact", "compiler", "title")
META_TEXT_FIELDS = ("agency", "date", "contact", "compiler", "title")  # the ones typed as free text
META_LABELS = {
    "agency": "机关名称",
    "year": "报告年度",
    "form_key": "报告格式",
    "date": "成文日期",
    "contact": "联系方式",
    "compiler": "编制单位",
    "title": "报告标题",
}


@record(frozen=False)
class PreviousYear:
    """What a report knows of last year's draft it was started from: enough for
    the cross-year checks even after that file has moved."""

    path: str
    year: int
    form_key: str
    inputs: dict[CellRef, Number] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    def number(self, ref: CellRef) -> Number:
        """Last year's value (inputs only; totals recomputed by the caller)."""
        v = self.inputs.get(ref)
        return 0 if v is None else v


@record
class Explanation:
    """A warning the user checked (已核实), with the numbers it was about."""

    note: str
    expected: Any = None
    actual: Any = None


@record(frozen=False)
class Metadata:
    agency: str
    year: int
    form_key: str
    date: str = ""  # 成文日期, "YYYY-MM-DD" or "YYYY-MM"
    contact: str = ""  # 联系方式 (address, phone, e-mail)
    compiler: str = ""  # 编制单位, printed in the signature block
    title: str = ""  # the printed title when the clerk changed it; "" = Report.default_title
    extra: dict[str, Any] = field(default_factory=dict)  # unknown keys from newer files


Listener = Callable[[Change], None]
REGISTER_TABLE = "applications"  # 表三, the table the register can fill


def default_report_year(year: int, month: int) -> int:
    """The year covered by a report started in this month.  Reports are due by
    31 January for the year before, and offices start drafting in November."""
    return year if month >= 11 else year - 1


@cache
def _dependents(form_key: str) -> dict[CellRef, frozenset[CellRef]]:
    """Input cell -> every computed cell whose value depends on it (transitively)."""
    form = get_form(form_key)
    direct: dict[CellRef, set[CellRef]] = {}
    for spec in EVALUATION_ORDER[form_key]:
        for r, c in spec.terms:
            direct.setdefault((spec.table, r, c), set()).add(spec.ref)
    out: dict[CellRef, frozenset[CellRef]] = {}
    for ref, spec in form.cells.items():
        if spec.computed:
            continue
        seen: set[CellRef] = set()
        todo = list(direct.get(ref, ()))
        while todo:
            d = todo.pop()
            if d not in seen:
                seen.add(d)
                todo.extend(direct.get(d, ()))
        out[ref] = frozenset(seen)
    return out


class Report:
    def __init__(
        self,
        agency: str,
        year: int,
        form_key: str | None = None,
        *,
        date: str = "",
        contact: str = "",
        compiler: str = "",
    ) -> None:
        form = get_form(form_key) if form_key else form_for_year(year)
        self.meta = Metadata(clean_text(agency), year, form.key, clean_text(date), clean_text(contact),
                             clean_text(compiler))
        self.texts: dict[str, str] = {s.key: "" for s in form.narratives}
        self._inputs: dict[CellRef, Number] = {}
        self._computed: dict[CellRef, Number] = {}
        # Values typed under another format, kept so that switching the format
        # back and forth never loses anything: form key -> cell -> value.
        self.stashed: dict[str, dict[CellRef, Number]] = {}
        # Units chosen for amount cells with a unit choice (2019 采购总金额).
        self.units: dict[CellRef, str] = {}
        # Totals as an outside source (an imported workbook) stated them; checks
        # compare them with the recomputed ones.  Dropped once an input they
        # depend on is edited, because the user has then taken over.
        self.reported_totals: dict[CellRef, Number] = {}
        self.extra: dict[str, Any] = {}  # unknown top-level keys of the draft file
        self.previous: PreviousYear | None = None  # last year's draft, when started from it
        # Warnings the user marked 已核实, by finding key.  An explanation only
        # applies while the finding's numbers are the ones it was given for.
        self.explanations: dict[str, Explanation] = {}
        # Messages for the user about how the report was read (characters
        # cleaned on load or import); shown once by whoever opened it, never saved.
        self.notices: list[str] = []
        # Data passages linked to the tables, per narrative section (see links.py).
        self.links: dict[str, list[LinkedPassage]] = {}
        self._listeners: list[Listener] = []
        # The 依申请公开登记台账; when register_drives (由台账生成), 表三's inputs are
        # its counts and cannot be typed.  Created on first use: most reports have
        # none, and the window must not import it before its first frame.
        self._register: Register | None = None
        self._register_live: RegisterLive | None = None
        self.register_drives = False
        self._recompute()

    # --- form and metadata --------------------------------------------------

    @property
    def form(self) -> Form:
        return get_form(self.meta.form_key)

    def set_meta(self, name: str, value: Any) -> None:
        if name not in META_FIELDS:
            raise AttributeError(name)
        if isinstance(value, str):
            value = clean_text(value)
        if getattr(self.meta, name) == value:
            return
        if name == "form_key":
            self._switch_form(get_form(value).key)
            return
        if name == "year":
            self.change_year(value)
            return
        setattr(self.meta, name, value)
        self._emit(Change(ChangeKind.META, field=name))

    def change_year(self, year: int) -> None:
        """Set the report year; the format follows the year unless the user had
        deliberately chosen a format that does not match the old year."""
        old_year = self.meta.year
        if year == old_year:
            return
        try:
            followed = form_for_year(old_year).key == self.meta.form_key
        except ValueError:
            followed = True
        self.meta.year = year
        self._register_context()
        changed = self._write_register_counts() if self.register_drives else set()
        if changed:
            self._recompute()
            self._numbers_changed(Change(ChangeKind.CELLS, cells=frozenset(self._with_dependents(changed))))
        self._emit(Change(ChangeKind.META, field="year"))
        if followed:
            try:
                self._switch_form(form_for_year(year).key)
            except ValueError:
                pass  # an unsupported year is reported by the checks (V6)

    def meta_snapshot(self) -> dict[str, Any]:
        return {name: getattr(self.meta, name) for name in META_FIELDS}

    def apply_meta(self, values: dict[str, Any]) -> None:
        """Set metadata fields exactly as given (undo of an edit), without the
        format-follows-year rule of change_year."""
        if "form_key" in values:
            self._switch_form(get_form(values["form_key"]).key)
        for name, value in values.items():
            if isinstance(value, str):
                value = clean_text(value)
            if name != "form_key" and getattr(self.meta, name) != value:
                setattr(self.meta, name, value)
                if name == "year":
                    self._register_context()
                    if self.register_drives and self._write_register_counts():
                        self._recompute()
                        self._numbers_changed(Change(ChangeKind.FORM, field="register"))
                self._emit(Change(ChangeKind.META, field=name))

    def _switch_form(self, key: str) -> None:
        old = self.meta.form_key
        if old == key:
            return
        new_cells = get_form(key).cells

        def fits(ref: CellRef) -> bool:
            return ref in new_cells and not new_cells[ref].computed

        left_behind = {ref: v for ref, v in self._inputs.items() if not fits(ref)}
        if left_behind:
            self.stashed[old] = {**self.stashed.get(old, {}), **left_behind}
        restored = {ref: v for ref, v in self.stashed.pop(key, {}).items() if fits(ref)}
        self._inputs = {**restored, **{ref: v for ref, v in self._inputs.items() if fits(ref)}}
        self.units = {ref: u for ref, u in self.units.items() if ref in new_cells}
        self.reported_totals = {}
        self.meta.form_key = key
        for s in get_form(key).narratives:
            self.texts.setdefault(s.key, "")
        self._register_context()
        if self.register_drives:
            self._write_register_counts()
        self._recompute()
        self._numbers_changed(Change(ChangeKind.FORM, field="form_key"))

    # --- texts ----------------------------------------------------------------

    def set_text(self, section: str, text: str) -> None:
        if section not in {s.key for s in self.form.narratives}:
            raise KeyError(section)
        text = clean_text(text)
        if self.texts.get(section, "") == text:
            return
        live = {id(s.link) for s in self.linked_spans(section)}
        self.texts[section] = text
        # A quiet passage brought back by an undo in the editor is linked again,
        # and must then say what the numbers say now.  (Only then: the passages
        # are not regenerated on every keystroke.)
        if {id(s.link) for s in self.linked_spans(section)} - live:
            self.refresh_links([section])
        self._emit(Change(ChangeKind.TEXT, section=section))

    # --- linked passages ------------------------------------------------------

    def set_linked_text(self, section: str, text: str, links: Iterable[LinkedPassage]) -> None:
        """Replace a section's text together with the passages linked in it
        (a skeleton, or text carried from last year with its passages renewed)."""
        if section not in {s.key for s in self.form.narratives}:
            raise KeyError(section)
        self.texts[section] = clean_text(text)
        kept = list(links)
        if kept:
            self.links[section] = kept
        else:
            self.links.pop(section, None)
        self._emit(Change(ChangeKind.TEXT, section=section))

    def link_passage(self, section: str, key: str, text: str) -> None:
        """Link a data passage whose text the caller has just put into the section."""
        if section not in self.texts:
            raise KeyError(section)
        self.links.setdefault(section, []).append(LinkedPassage(key, text))
        self._emit(Change(ChangeKind.TEXT, section=section))

    def linked_spans(self, section: str) -> list[Span]:
        """The live linked passages of a section, in text order.  A passage the
        current format lacks (信息处理费 after switching to 2019) is not live:
        its words stay as plain text until the format is switched back."""
        links = self.links.get(section)
        if not links:
            return []
        from ..forms.passages import passage

        return [s for s in locate(self.texts.get(section, ""), links) if passage(self.meta.form_key, s.link.key)]

    def refresh_links(self, sections: Iterable[str] | None = None,
                      tables: frozenset[str] | None = None) -> list[str]:
        """Rewrite every live linked passage (of the given sections, or all;
        reading the given tables, or any) from the current numbers.  Returns
        the sections whose text changed (no notification: callers emit)."""
        if not any(self.links.values()):
            return []
        from ..forms.passages import passage
        from ..sentences import passage_text  # the sentences read the model: imported on use

        def fresh_text(link: LinkedPassage) -> str | None:
            p = passage(self.meta.form_key, link.key)
            if p is None:
                return None
            if tables is not None and tables.isdisjoint(p.tables):
                return link.text  # not affected by this change
            return passage_text(self, link.key)

        changed = []
        wanted = None if sections is None else set(sections)
        for section, links in list(self.links.items()):
            if wanted is not None and section not in wanted:
                continue
            fresh = {id(link): fresh_text(link) for link in links}
            old = self.texts.get(section, "")
            text, kept = refreshed(old, links, fresh)
            if kept:
                self.links[section] = kept
            else:
                del self.links[section]
            if text != old:
                self.texts[section] = text
                changed.append(section)
        return changed

    def _numbers_changed(self, change: Change) -> None:
        """Emit a change of numbers, then the passage texts it rewrote, so that
        one edit (and its undo) moves the tables and the prose together."""
        tables = frozenset(ref[0] for ref in change.cells) if change.kind == "cells" else None
        sections = self.refresh_links(tables=tables)
        self._emit(change)
        for section in sections:
            self._emit(Change(ChangeKind.TEXT, section=section))

    # --- values -----------------------------------------------------------------

    def value(self, ref: CellRef) -> Number | None:
        """The stored input or computed value; None for a blank input."""
        spec = self.form.cells[ref]
        if spec.computed:
            return self._computed[ref]
        return self._inputs.get(ref)

    def number(self, ref: CellRef) -> Number:
        """The value with blank counted as 0."""
        v = self.value(ref)
        return 0 if v is None else v

    def is_input(self, ref: CellRef) -> bool:
        """Whether the cell can be typed (not a total, not filled by the register)."""
        spec = self.form.cells.get(ref)
        return spec is not None and not spec.computed and not (self.register_drives and ref[0] == REGISTER_TABLE)

    @property
    def inputs(self) -> Mapping[CellRef, Number]:
        return self._inputs

    def set_value(self, ref: CellRef, value: Number | None) -> dict[CellRef, Number | None]:
        return self.set_values({ref: value})

    def set_values(self, values: Mapping[CellRef, Number | None]) -> dict[CellRef, Number | None]:
        """Set several inputs as one change (a paste).  None clears a cell.

        Returns the previous values of the cells that changed, which is exactly
        what an undo command needs to restore them.
        """
        cells = self.form.cells
        for ref, v in values.items():
            spec = cells.get(ref)
            if spec is None:
                raise ReadOnlyCell(f"表格中没有这个单元格：{ref}")
            if spec.computed:
                raise ReadOnlyCell(f"“{spec.label}”是自动计算的总计，不能直接填写。")
            if self.register_drives and ref[0] == REGISTER_TABLE:
                raise ReadOnlyCell(f"表三由台账生成，“{spec.label}”不能直接填写"
                                   "（在“台账”中登记申请，或关闭“由台账生成”）。")
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, Decimal))):
                raise TypeError(f"cell values are int or Decimal, got {type(v).__name__}")
        previous: dict[CellRef, Number | None] = {}
        for ref, v in values.items():
            old = self._inputs.get(ref)
            if old == v and type(old) is type(v):
                continue
            previous[ref] = old
            if v is None:
                self._inputs.pop(ref, None)
            else:
                self._inputs[ref] = v
        if not previous:
            return previous
        deps = _dependents(self.meta.form_key)
        affected: set[CellRef] = set(previous)
        for ref in previous:
            affected |= deps.get(ref, frozenset())
        for ref in list(self.reported_totals):
            if ref in affected:
                del self.reported_totals[ref]
        self._recompute()
        self._numbers_changed(Change(ChangeKind.CELLS, cells=frozenset(affected)))
        return previous

    def set_unit(self, ref: CellRef, unit: str) -> None:
        spec = self.form.cells[ref]
        if unit not in spec.domain.units:
            raise ValueError(f"“{spec.column_label}”的单位只能是{'或'.join(spec.domain.units)}。")
        if self.unit(ref) == unit:
            return
        self.units[ref] = unit
        self._numbers_changed(Change(ChangeKind.CELLS, cells=frozenset({ref})))

    def unit(self, ref: CellRef) -> str:
        spec = self.form.cells[ref]
        if not spec.domain.units:
            return ""
        return self.units.get(ref, spec.domain.units[0])

    def replace_all(
        self,
        inputs: Mapping[CellRef, Number],
        reported_totals: Mapping[CellRef, Number] | None = None,
        *,
        units: Mapping[CellRef, str] | None = None,
        stashed: Mapping[str, Mapping[CellRef, Number]] | None = None,
    ) -> None:
        """Replace every input at once (used by loaders and importers), and the
        chosen units too when given (only those that differ from the default
        need be), and the values kept under other formats when given."""
        cells = self.form.cells
        for ref in inputs:
            if ref not in cells or cells[ref].computed:
                raise ReadOnlyCell(f"不是可填写的单元格：{ref}")
        if units is not None:
            for ref, unit in units.items():
                if ref not in cells or unit not in cells[ref].domain.units:
                    raise ValueError(f"单元格{ref}的单位“{unit}”无效")
            self.units = dict(units)
        if stashed is not None:
            self.stashed = {key: dict(values) for key, values in stashed.items()}
        self._inputs = dict(inputs)
        self.reported_totals = dict(reported_totals or {})
        if self.register_drives:
            self._write_register_counts()
        self._recompute()
        self._numbers_changed(Change(ChangeKind.FORM))

    def _recompute(self) -> None:
        computed: dict[CellRef, Number] = {}
        inputs = self._inputs
        for spec in EVALUATION_ORDER[self.meta.form_key]:
            total: Number = 0
            t = spec.table
            for r, c in spec.terms:
                ref = (t, r, c)
                v = computed[ref] if ref in computed else inputs.get(ref)
                if v is not None:
                    total += v
            computed[spec.ref] = total
        self._computed = computed

    # --- the register (台账) ----------------------------------------------------------

    @property
    def register(self) -> Register:
        if self._register is None:
            from ..register.register import Register

            self._register = Register()
            self._register.subscribe(self._on_register_change)
        return self._register

    @property
    def register_live(self) -> RegisterLive:
        """The register's analyses for this report's year and format."""
        if self._register_live is None:
            from ..register.live import RegisterLive

            self._register_live = RegisterLive(self.register, self.meta.year, self.meta.form_key)
        return self._register_live

    @property
    def has_register(self) -> bool:
        """Whether there is anything of a register to save or check."""
        r = self._register
        return r is not None and bool(len(r) or r.calendar or r.mappings)

    def _register_context(self) -> None:
        if self._register_live is not None:
            self._register_live.set_context(self.meta.year, self.meta.form_key)

    def _with_dependents(self, refs: set[CellRef]) -> set[CellRef]:
        deps = _dependents(self.meta.form_key)
        out = set(refs)
        for ref in refs:
            out |= deps.get(ref, frozenset())
        return out

    def _write_register_counts(self) -> set[CellRef]:
        """Put the register's counts into 表三's inputs; returns the cells that changed."""
        values = self.register_live.table_values()
        changed = {ref for ref, v in values.items() if self._inputs.get(ref) != v}
        for ref in changed:
            self._inputs[ref] = values[ref]
        # Cells of the table the register does not fill (none today) are cleared.
        for ref in [r for r in self._inputs if r[0] == REGISTER_TABLE and r not in values]:
            del self._inputs[ref]
            changed.add(ref)
        for ref in [r for r in self.reported_totals if r[0] == REGISTER_TABLE]:
            del self.reported_totals[ref]
        return changed

    def _on_register_change(self, change: RegisterChange) -> None:
        changed = self.register_live.apply(change)
        affected: set[CellRef] = set()
        if self.register_drives and changed:
            self._write_register_counts()
            self._recompute()
            affected = self._with_dependents(changed)
        self._numbers_changed(Change(ChangeKind.REGISTER, cells=frozenset(affected)))

    def set_register_drives(self, on: bool) -> None:
        """由台账生成 on or off.  Off keeps the last counts as typed values."""
        if on == self.register_drives:
            return
        self.register_drives = on
        if on:
            self._write_register_counts()
            self._recompute()
        self._numbers_changed(Change(ChangeKind.FORM, field="register_drives"))

    def explain(self, key: str, explanation: Explanation | None) -> None:
        if explanation is None:
            if self.explanations.pop(key, None) is None:
                return
        else:
            if clean_text(explanation.note) != explanation.note:
                explanation = Explanation(clean_text(explanation.note), explanation.expected, explanation.actual)
            self.explanations[key] = explanation
        self._emit(Change(ChangeKind.META, field="explanations"))

    # --- notification -------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # --- convenience --------------------------------------------------------------

    @property
    def title(self) -> str:
        """The printed title: the clerk's own wording, or the generated one."""
        return self.meta.title.strip() or self.default_title

    @property
    def default_title(self) -> str:
        """The customary title, after the national format's own name."""
        return f"{self.meta.agency}{self.meta.year}年政府信息公开工作年度报告"
