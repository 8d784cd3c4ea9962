"""Editing the roster by hand: add, rename, change, move and remove units.

Every operation checks first and changes nothing when it refuses (a Chinese
ConsolidationError saying what is wrong).  Names are compared as the matcher
compares them (collect.normalise: no spaces or punctuation), so two units the
matcher could not tell apart are refused as duplicates.  A unit's files follow
a rename; a removed unit's files become unmatched (they stay in the workspace).
`History` keeps snapshots for 撤销."""
from __future__ import annotations

from .collect import normalise
from .errors import ConsolidationError
from .workspace import DEFAULT_LOCAL, KINDS, Collected, Unit, Workspace

MAX_NAME = 100
MAX_CONTACT = 200
MAX_UNITS = 5000
UNDO_DEPTH = 50


def clean_name(name: str) -> str:
    """A typed name as kept: no spaces anywhere (as names read from an Excel list)."""
    return "".join(name.split())


def check_name(ws: Workspace, name: str, current: str | None = None) -> str:
    """The name to keep for a unit (`current`: its name now, when renaming), or a Chinese error."""
    name = clean_name(name)
    if not name:
        raise ConsolidationError("单位名称不能为空。")
    if len(name) > MAX_NAME:
        raise ConsolidationError(f"单位名称过长（{len(name)}个字），最多{MAX_NAME}个字。")
    key = normalise(name)
    if not key:
        raise ConsolidationError(f"单位名称“{name}”只有标点或年度，请填写单位的全称。")
    for u in ws.units:
        if u.name != current and normalise(u.name) == key:
            same = "已有" if u.name == name else "已有名称相同的单位"
            raise ConsolidationError(f"名单中{same}“{u.name}”，同一单位不能出现两次。")
    return name


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ConsolidationError(f"类别“{kind}”无效，应为{'、'.join(KINDS)}之一。")


def _check_contact(contact: str) -> str:
    contact = contact.strip()
    if len(contact) > MAX_CONTACT:
        raise ConsolidationError(f"联系方式过长（{len(contact)}个字），最多{MAX_CONTACT}个字。")
    return contact


def _unit(ws: Workspace, name: str) -> Unit:
    unit = ws.unit(name)
    if unit is None:
        raise ConsolidationError(f"名单中没有“{name}”。")
    return unit


def add_unit(ws: Workspace, name: str, kind: str = "部门", local: bool | None = None, region: bool = True,
             contact: str = "", index: int | None = None) -> Unit:
    """A new unit (at `index`, else at the end); 本级 follows the kind when not given."""
    name = check_name(ws, name)
    _check_kind(kind)
    if len(ws.units) >= MAX_UNITS:
        raise ConsolidationError(f"名单最多{MAX_UNITS}个单位。")
    unit = Unit(name, kind, DEFAULT_LOCAL[kind] if local is None else local, region, _check_contact(contact))
    ws.units.insert(len(ws.units) if index is None else max(0, min(index, len(ws.units))), unit)
    return unit


def rename_unit(ws: Workspace, old: str, new: str) -> str:
    """The unit's new name; its files and its 有错误仍纳入 choice follow it."""
    unit = _unit(ws, old)
    new = check_name(ws, new, current=old)
    if new == old:
        return new
    unit.name = new
    for f in ws.files:
        if f.unit == old:
            f.unit = new
    ws.include_with_errors = [new if n == old else n for n in ws.include_with_errors]
    return new


def update_unit(ws: Workspace, name: str, *, kind: str | None = None, local: bool | None = None,
                region: bool | None = None, contact: str | None = None) -> Unit:
    """Change a unit's kind, 本级/全行政区域 membership or contact (None: unchanged)."""
    unit = _unit(ws, name)
    if kind is not None:
        _check_kind(kind)
    text = _check_contact(contact) if contact is not None else unit.contact
    if kind is not None:
        unit.kind = kind
    if local is not None:
        unit.local = local
    if region is not None:
        unit.region = region
    unit.contact = text
    return unit


def move_unit(ws: Workspace, name: str, delta: int) -> int:
    """Move a unit up (delta < 0) or down in the roster order (the order shown and exported); its new index."""
    unit = _unit(ws, name)
    i = ws.units.index(unit)
    j = max(0, min(i + delta, len(ws.units) - 1))
    ws.units.insert(j, ws.units.pop(i))
    return j


def remove_unit(ws: Workspace, name: str) -> list[str]:
    """Take a unit off the roster.  Its files stay in the workspace, unmatched (they may then match
    another unit by name, or be assigned by hand); returns their paths."""
    unit = _unit(ws, name)
    ws.units.remove(unit)
    freed = []
    for f in ws.files:
        if f.unit == name:
            f.unit, f.how = "", ""
            freed.append(f.path)
    ws.include_with_errors = [n for n in ws.include_with_errors if n != name]
    return freed


class History:
    """Snapshots of the roster, the files' assignment and the choices, taken before each change."""

    def __init__(self) -> None:
        self._steps: list[tuple[str, list[Unit], list[Collected], list[str]]] = []

    def record(self, ws: Workspace, label: str) -> None:
        """Call before changing `ws`; `label` says what the change is (e.g. 删除“某某局”)."""
        self._steps.append((label, [Unit(u.name, u.kind, u.local, u.region, u.contact) for u in ws.units],
                            [Collected(f.path, f.unit, f.how, f.reviewed) for f in ws.files],
                            list(ws.include_with_errors)))
        del self._steps[:-UNDO_DEPTH]

    def drop_last(self) -> None:
        """Forget the last snapshot (the change it was taken for was refused)."""
        if self._steps:
            self._steps.pop()

    @property
    def label(self) -> str:
        """What 撤销 would undo, "" when nothing."""
        return self._steps[-1][0] if self._steps else ""

    def undo(self, ws: Workspace) -> str:
        """Restore the state before the last change; returns its label ("" when nothing to undo).
        Files added since stay (collecting is not undone), unmatched if they were not known then."""
        if not self._steps:
            return ""
        label, units, files, include = self._steps.pop()
        before = {f.path: f for f in files}
        ws.units = units
        ws.files = [before.get(f.path, Collected(f.path)) for f in ws.files]
        ws.include_with_errors = include
        return label

    def clear(self) -> None:
        self._steps.clear()
