"""The checker's small value classes, without @dataclass.

`check` starts as a fresh process each time, and at start-up `import dataclasses`
(which imports inspect, ast, dis, ...) and generating the methods of fifteen classes
cost about as much as all the checker's other imports together. The classes on the
`check` path therefore write their `__init__` out and inherit from `Record` what
@dataclass would have generated: `__eq__` (same class, equal fields in order),
`__repr__`, `__match_args__` and, with `Frozen`, `__hash__` and a `__setattr__` and
`__delattr__` that raise dataclasses.FrozenInstanceError. (Modules the check does
not import, such as status and diffing, keep @dataclass.) tests/translations check
that each behaves as the @dataclass it replaces.
"""
from __future__ import annotations


# The default of a field whose @dataclass default was a new list or set each time.
FRESH: object = type("Fresh", (), {"__repr__": lambda self: "FRESH"})()


class Record:
    """Subclasses name their fields in `_fields` (compared and shown, in order) and set
    them in their own `__init__`; a field left out of `_fields` is neither."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "__match_args__" not in cls.__dict__:
            cls.__match_args__ = cls._fields

    def _values(self) -> tuple:
        return tuple([getattr(self, name) for name in self._fields])

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    __hash__ = None         # as @dataclass(eq=True): mutable, so unhashable

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{self.__class__.__qualname__}({fields})"


class Frozen(Record):
    """As @dataclass(frozen=True): hashable by its fields, and never assigned to after
    `__init__` (which sets its fields through `self.__dict__`)."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name, value):
        raise _frozen(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        raise _frozen(f"cannot delete field {name!r}")


def _frozen(message: str) -> Exception:
    from dataclasses import FrozenInstanceError     # only on this error's path

    return FrozenInstanceError(message)
