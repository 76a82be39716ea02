"""A draft policy: facts at YAML paths, each with where it came from, merged from several sources.

Sources are merged in the order given and the first one wins: a later source's different value for a
fact already drafted is kept as a conflict, to be shown, never silently applied. A list of entities
(services, support channels, seasonal windows …) belongs to the first source that states any of it, so
two sources' services are never mixed item by item.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from shopterms.policy.diagnostics import YamlPath
from shopterms.policy.drafting.nested import put_at, value_at


@dataclass(frozen=True)
class Origin:
    """Where a fact comes from: the source as the merchant named it, and the place inside it."""

    source: str
    where: str = ""
    note: str | None = None
    answered: bool = False  # the merchant's own answer: the comment says what the key means instead

    def comment(self) -> str:
        """The text of the fact's YAML comment: `from google.json: services[0] deliveryTime.cutoffTime`."""
        text = (
            self.where if self.answered else f"from {self.source}" + (f": {self.where}" if self.where else "")
        )
        return f"{text} ({self.note})" if self.note else text


@dataclass(frozen=True)
class Fact:
    path: YamlPath
    value: Any  # plain YAML data: text, numbers, booleans, lists and mappings of them
    origin: Origin


@dataclass(frozen=True)
class Conflict:
    """A later source disagreeing with the fact already drafted (which is kept)."""

    kept: Fact
    other: Fact


@dataclass
class SourceDraft:
    """What one source yields: its facts, and notes on what it states that the policy cannot take."""

    source: str
    facts: list[Fact] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    answered: bool = False

    def add(self, path: YamlPath, value: Any, where: str = "", note: str | None = None) -> None:
        if value is None or value == [] or value == {}:
            return
        self.facts.append(Fact(tuple(path), value, Origin(self.source, where, note, self.answered)))

    def skip(self, message: str) -> None:
        self.notes.append(message)


def collection_of(path: YamlPath) -> YamlPath | None:
    """The list of entities a path lies in (`shipping.services` for `shipping.services[0].id`)."""
    for index, part in enumerate(path):
        if isinstance(part, int):
            return tuple(path[:index])
    return None


@dataclass
class Draft:
    """The merged facts (first source wins), the conflicts, and every source's notes."""

    facts: dict[YamlPath, Fact] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    _owners: dict[YamlPath, str] = field(default_factory=dict)

    def merge(self, part: SourceDraft) -> None:
        self.sources.append(part.source)
        self.notes.extend(f"{part.source}: {note}" for note in part.notes)
        for fact in part.facts:
            self._add(fact)

    def _add(self, fact: Fact) -> None:
        collection = collection_of(fact.path)
        if collection is not None:
            owner = self._owners.setdefault(collection, fact.origin.source)
            if owner != fact.origin.source:
                self._collection_conflict(collection, fact)
                return
        clash = self._overlapping(fact.path)
        if clash is None:
            self.facts[fact.path] = fact
        elif clash.path != fact.path or clash.value != fact.value:
            self.conflicts.append(Conflict(clash, fact))

    def _collection_conflict(self, collection: YamlPath, fact: Fact) -> None:
        # One conflict per source and list, shown as the whole list the later source had.
        for conflict in self.conflicts:
            if conflict.other.path == collection and conflict.other.origin.source == fact.origin.source:
                items = conflict.other.value
                index = fact.path[len(collection)]
                assert isinstance(index, int)
                while len(items) <= index:
                    items.append({})
                put_at(items[index], fact.path[len(collection) + 1 :], fact.value)
                return
        kept = next(f for f in self.facts.values() if collection_of(f.path) == collection)
        others: list[Any] = []
        index = fact.path[len(collection)]
        assert isinstance(index, int)
        while len(others) <= index:
            others.append({})
        put_at(others[index], fact.path[len(collection) + 1 :], fact.value)
        self.conflicts.append(
            Conflict(
                Fact(collection, self.value_at(collection), kept.origin),
                Fact(collection, others, fact.origin),
            )
        )

    def _overlapping(self, path: YamlPath) -> Fact | None:
        """A drafted fact at `path`, above it or inside it."""
        if path in self.facts:
            return self.facts[path]
        for size in range(1, len(path)):
            if path[:size] in self.facts:
                return self.facts[path[:size]]
        return next((f for p, f in self.facts.items() if p[: len(path)] == path), None)

    def add(self, fact: Fact) -> None:
        """One fact of a source already merged (answers, guesses); conflicts as for merge."""
        self._add(fact)

    def fill(self, fact: Fact) -> None:
        """A fact the draft lacks (the merchant's answer where a TODO would stand), put in place even
        inside a list another source states; a fact already there is kept and the answer is a conflict."""
        clash = self._overlapping(fact.path)
        if clash is None:
            self.facts[fact.path] = fact
        elif clash.value != fact.value:
            self.conflicts.append(Conflict(clash, fact))

    def has(self, path: YamlPath) -> bool:
        path = tuple(path)
        return any(p[: len(path)] == path for p in self.facts) or any(
            path[:size] in self.facts for size in range(1, len(path))
        )

    def value_at(self, path: YamlPath) -> Any:
        """The nested data the facts form under `path` (None when no fact lies there)."""
        return value_at(self.data(), path)

    def data(self) -> dict[str, Any]:
        """All facts as one nested mapping, the shape of the policy file."""
        root: dict[str, Any] = {}
        for fact in self.facts.values():
            put_at(root, fact.path, fact.value)
        return root

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.facts.values())


def merged(parts: Iterable[SourceDraft]) -> Draft:
    draft = Draft()
    for part in parts:
        draft.merge(part)
    return draft
