"""A check that remembers its answer per value: exports repeat the same few services, carriers, countries
and postal areas over millions of rows, so each value is checked once and looked up after that.

A refusal is remembered too (its kind and message; each row then raises a fresh exception of its own).
The memory is bounded: past LIMIT values it starts afresh, so a file of endless distinct values costs
time, never memory.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Final, TypeVar

LIMIT: Final = 65_536
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class _Refusal:
    __slots__ = ("kind", "message")

    def __init__(self, error: ValueError) -> None:
        self.kind = type(error)
        self.message = str(error)


def remembered(check: Callable[[K], V]) -> Callable[[K], V]:
    """`check`, answering a value it has seen from memory (a ValueError it raised is raised again)."""
    known: dict[K, V | _Refusal] = {}
    unseen = object()

    def checked(value: K) -> V:
        found = known.get(value, unseen)
        if found is unseen:
            try:
                found = check(value)
            except ValueError as error:
                found = _Refusal(error)
            if len(known) >= LIMIT:
                known.clear()
            known[value] = found
        if type(found) is _Refusal:
            raise found.kind(found.message)
        return found  # type: ignore[return-value]

    return checked
