"""`record`: the part of `@dataclass` this code base uses, made cheap to create.

On Python 3.11 `dataclass(frozen=True)` compiles each generated method (__init__,
__repr__, __eq__, __hash__, __setattr__, __delattr__) with its own exec(): about
0.5 ms a class.  The window imports some twenty of these (the form declarations,
the model, the findings) before its first frame, which made class creation the
largest cost of start-up after Qt itself.  `record` compiles only __init__, with
one exec(), and shares the other methods, which read the class's field names.

Same behaviour as dataclasses for what is supported: fields declared by
annotations, in order; defaults; `field(default_factory=..., compare=False)`;
frozen (the default) or mutable; eq and hash from the compared fields; methods
written in the class body win.  Not supported, and refused: ClassVar fields and
records inheriting from records.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")
_MISSING: Any = object()


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen record."""


class _Field:
    __slots__ = ("default", "default_factory", "compare")

    def __init__(self, default: Any, default_factory: Callable[[], Any] | None, compare: bool) -> None:
        self.default, self.default_factory, self.compare = default, default_factory, compare


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None, compare: bool = True) -> Any:
    if default is not _MISSING and default_factory is not None:
        raise ValueError("cannot specify both default and default_factory")
    return _Field(default, default_factory, compare)


def fields(obj_or_cls: Any) -> tuple[str, ...]:
    """Field names, in declaration order."""
    names: tuple[str, ...] = obj_or_cls.__record_fields__
    return names


def asdict(obj: Any) -> dict[str, Any]:
    """Shallow: {field: value}."""
    return {name: getattr(obj, name) for name in obj.__record_fields__}


def replace(obj: T, **changes: Any) -> T:
    values = asdict(obj)
    unknown = set(changes) - set(values)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {', '.join(sorted(unknown))}")
    values.update(changes)
    return type(obj)(**values)


def _repr(self: Any) -> str:
    args = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_fields__)
    return f"{type(self).__qualname__}({args})"


def _eq(self: Any, other: Any) -> Any:  # bool, or NotImplemented for another class
    if other.__class__ is not self.__class__:
        return NotImplemented
    return all(bool(getattr(self, n) == getattr(other, n)) for n in self.__record_compare__)


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, n) for n in self.__record_compare__))


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _make_init(cls: type, names: tuple[str, ...], frozen: bool) -> Callable[..., None]:
    env: dict[str, Any] = {"_MISSING": _MISSING, "_set": object.__setattr__}
    params, body = [], []
    seen_default = False
    for name in names:
        declared = cls.__dict__.get(name, _MISSING)
        has_default = True
        if isinstance(declared, _Field):
            if declared.default_factory is not None:
                env[f"_factory_{name}"] = declared.default_factory
                params.append(f"{name}=_MISSING")
                body.append(f"    if {name} is _MISSING: {name} = _factory_{name}()")
                delattr(cls, name)  # like dataclasses: no class attribute for a factory field
            elif declared.default is not _MISSING:
                env[f"_default_{name}"] = declared.default
                params.append(f"{name}=_default_{name}")
                setattr(cls, name, declared.default)
            else:
                params.append(name)
                delattr(cls, name)
                has_default = False
        elif declared is not _MISSING:
            env[f"_default_{name}"] = declared
            params.append(f"{name}=_default_{name}")
        else:
            params.append(name)
            has_default = False
        if seen_default and not has_default:
            raise TypeError(f"{cls.__name__}: non-default field {name!r} follows a default field")
        seen_default |= has_default
    for name in names:
        body.append(f"    _set(self, {name!r}, {name})" if frozen else f"    self.{name} = {name}")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or ["    pass"])
    exec(source, env)  # noqa: S102 - our own field names, checked to be identifiers
    init: Callable[..., None] = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


@overload
def record(cls: type[T], /) -> type[T]: ...
@overload
def record(*, frozen: bool = True, eq: bool = True) -> Callable[[type[T]], type[T]]: ...


# dataclass_transform tells type checkers that record behaves like dataclass
# (fields, __init__ signature, frozen): without it mypy sees no constructor.
@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[T] | None = None, *, frozen: bool = True, eq: bool = True) -> Any:
    """Class decorator; `@record` or `@record(frozen=False)` or `@record(eq=False)`."""

    def wrap(cls: type[T]) -> type[T]:
        if any(hasattr(base, "__record_fields__") for base in cls.__mro__[1:]):
            raise TypeError(f"{cls.__name__}: records cannot inherit from records")
        annotations = cls.__dict__.get("__annotations__", {})
        names = tuple(annotations)
        for name in names:
            if not name.isidentifier() or str(annotations[name]).startswith(("ClassVar", "typing.ClassVar")):
                raise TypeError(f"{cls.__name__}.{name}: not supported by record")
        compare = tuple(n for n in names
                        if not (isinstance(cls.__dict__.get(n), _Field) and not cls.__dict__[n].compare))
        cls.__record_fields__ = names  # type: ignore[attr-defined]
        cls.__record_compare__ = compare  # type: ignore[attr-defined]
        cls.__init__ = _make_init(cls, names, frozen)  # type: ignore[method-assign]
        own = cls.__dict__
        if "__repr__" not in own:
            cls.__repr__ = _repr  # type: ignore[method-assign]
        if eq and "__eq__" not in own:
            cls.__eq__ = _eq  # type: ignore[method-assign]
            if "__hash__" not in own or own["__hash__"] is None:
                # like dataclasses: frozen and compared by value -> hashable by value; mutable -> unhashable
                cls.__hash__ = _hash if frozen else None  # type: ignore[method-assign,assignment]
        if frozen:
            cls.__setattr__ = _frozen_setattr  # type: ignore[method-assign]
            cls.__delattr__ = _frozen_delattr  # type: ignore[method-assign]
        return cls

    return wrap if cls is None else wrap(cls)
