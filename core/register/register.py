"""The register: an ordered list of requests with change notification.

Requests are immutable records; an edit replaces the record at its index, so
caches keyed by index (deadlines, 表三 contributions) are refreshed exactly for
the rows an edit touched.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..records import field, record
from .request import STORED_FIELDS, FieldValue, Request
from .workdays import YearOverride

Edit = tuple[int, str]  # (row index, field key)


@record
class RegisterChange:
    """rows: indices whose content changed; structure: rows were inserted or removed
    (indices after the first one shifted), so every index-keyed cache is stale."""

    rows: frozenset[int] = frozenset()
    structure: bool = False
    calendar: bool = False


RegisterListener = Callable[[RegisterChange], None]


@record(frozen=False)
class ImportMapping:
    """How the columns of one register layout (its header row) map to fields."""

    columns: dict[str, str] = field(default_factory=dict)  # header text -> field key
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # field key -> text -> stored value


class Register:
    def __init__(self, requests: Iterable[Request] = ()) -> None:
        self._requests: list[Request] = list(requests)
        # Holidays and 调休 workdays typed by the user, for years the calendar
        # package does not know yet (or to correct it).
        self.calendar: dict[int, YearOverride] = {}
        # Column and value mappings of imported workbooks, by header signature.
        self.mappings: dict[str, ImportMapping] = {}
        self._listeners: list[RegisterListener] = []

    def __len__(self) -> int:
        return len(self._requests)

    def __getitem__(self, index: int) -> Request:
        return self._requests[index]

    def __iter__(self) -> Iterator[Request]:
        return iter(self._requests)

    @property
    def requests(self) -> Sequence[Request]:
        return self._requests

    def subscribe(self, listener: RegisterListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, change: RegisterChange) -> None:
        for listener in list(self._listeners):
            listener(change)

    # --- edits ----------------------------------------------------------------------

    def set_fields(self, edits: Mapping[Edit, FieldValue]) -> dict[Edit, FieldValue]:
        """Set several fields as one change (a paste); returns the previous values of
        the fields that changed, which is what an undo needs."""
        for (row, key) in edits:
            if key not in STORED_FIELDS:
                raise KeyError(f"台账没有“{key}”这一栏")
            if not 0 <= row < len(self._requests):
                raise IndexError(f"台账没有第{row + 1}行")
        by_row: dict[int, dict[str, Any]] = {}
        previous: dict[Edit, FieldValue] = {}
        for (row, key), value in edits.items():
            old = self._requests[row].get(key)
            if old == value and type(old) is type(value):
                continue
            previous[(row, key)] = old
            by_row.setdefault(row, {})[key] = value
        for row, changes in by_row.items():
            self._requests[row] = self._requests[row].with_fields(**changes)
        if by_row:
            self._emit(RegisterChange(rows=frozenset(by_row)))
        return previous

    def replace_rows(self, rows: Mapping[int, Request]) -> dict[int, Request]:
        """Put whole records back (undo of an edit that also set derived flags)."""
        before = {i: self._requests[i] for i in rows}
        for i, req in rows.items():
            self._requests[i] = req
        if rows:
            self._emit(RegisterChange(rows=frozenset(rows)))
        return before

    def insert(self, index: int, requests: Sequence[Request]) -> None:
        if not requests:
            return
        self._requests[index:index] = list(requests)
        self._emit(RegisterChange(structure=True))

    def remove(self, indices: Iterable[int]) -> list[tuple[int, Request]]:
        """Remove rows; returns (index, request) in ascending order, for undo by insert_at."""
        wanted = sorted(set(indices))
        removed = [(i, self._requests[i]) for i in wanted]
        if not removed:
            return removed
        keep = set(wanted)
        self._requests = [r for i, r in enumerate(self._requests) if i not in keep]
        self._emit(RegisterChange(structure=True))
        return removed

    def insert_at(self, removed: Sequence[tuple[int, Request]]) -> None:
        """Undo of remove: put each request back at its old index."""
        if not removed:
            return
        for i, req in sorted(removed):
            self._requests.insert(i, req)
        self._emit(RegisterChange(structure=True))

    def replace_all(self, requests: Iterable[Request]) -> list[Request]:
        before = self._requests
        self._requests = list(requests)
        self._emit(RegisterChange(structure=True))
        return before

    def set_calendar(self, calendar: Mapping[int, YearOverride]) -> None:
        self.calendar = dict(calendar)
        self._emit(RegisterChange(calendar=True))
