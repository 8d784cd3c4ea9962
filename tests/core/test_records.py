"""core.records.record behaves like dataclasses.dataclass for what it supports;
each expectation below is what the dataclass equivalent does."""
from __future__ import annotations

import dataclasses

import pytest

from core.records import FrozenInstanceError, asdict, field, fields, record, replace


@record
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = ()
    note: dict = field(default_factory=dict, compare=False)


@record(frozen=False)
class Box:
    label: str
    items: list = field(default_factory=list)


def test_init_defaults_and_factories_like_a_dataclass():
    p = Point(1)
    assert (p.x, p.y, p.tags, p.note) == (1, 0, (), {})
    assert Point(1).note is not Point(1).note  # a fresh dict each time
    assert Point(1, 2, ("a",)).tags == ("a",)
    assert Point(x=3, y=4) == Point(3, 4)
    with pytest.raises(TypeError):
        Point()  # x is required
    with pytest.raises(TypeError):
        Point(1, z=2)


def test_frozen_eq_and_hash_use_the_compared_fields():
    a, b = Point(1, 2, note={"k": 1}), Point(1, 2, note={"k": 2})
    assert a == b and hash(a) == hash(b)  # note has compare=False
    assert Point(1, 2) != Point(1, 3)
    assert {Point(1, 2): "v"}[Point(1, 2)] == "v"
    with pytest.raises(FrozenInstanceError):
        a.x = 5
    with pytest.raises(AttributeError):
        del a.y
    assert a != (1, 2)  # another type is never equal


def test_repr_and_helpers():
    assert repr(Point(1, 2)) == "Point(x=1, y=2, tags=(), note={})"
    assert fields(Point) == ("x", "y", "tags", "note")
    assert asdict(Point(1)) == {"x": 1, "y": 0, "tags": (), "note": {}}
    moved = replace(Point(1, 2, ("t",)), y=9)
    assert moved == Point(1, 9, ("t",))
    with pytest.raises(TypeError):
        replace(Point(1), z=1)


def test_mutable_records_assign_and_are_unhashable_like_dataclasses():
    box = Box("甲")
    box.label = "乙"
    box.items.append(1)
    assert box == Box("乙", [1])
    assert Box.__hash__ is None

    @dataclasses.dataclass
    class DataBox:
        label: str

    assert DataBox.__hash__ is None  # the behaviour copied


def test_methods_in_the_class_body_win():
    @record
    class Named:
        name: str

        def __repr__(self) -> str:
            return f"<{self.name}>"

    assert repr(Named("x")) == "<x>"


def test_declaration_mistakes_are_refused():
    with pytest.raises(TypeError):
        @record
        class Wrong:
            a: int = 1
            b: int

    with pytest.raises(TypeError):
        @record
        class Child(Point):
            z: int = 0
