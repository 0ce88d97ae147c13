"""Look up a :class:`~inspector.domain.enums.LabelledEnum` member by its stored value."""

from __future__ import annotations

from typing import TypeVar

from inspector.domain.enums import LabelledEnum

E = TypeVar("E", bound=LabelledEnum)


def member(cls: type[E], value: str) -> E:
    """The member of ``cls`` whose value is ``value``; ``ValueError`` if there is none."""
    for m in cls:
        if m.value == value:
            return m
    raise ValueError(f"{value!r} is not a valid {cls.__name__}")


def label(cls: type[LabelledEnum], value: str) -> str:
    """The Chinese label of ``value``, or ``value`` itself if unknown."""
    try:
        return member(cls, value).label
    except ValueError:
        return value
