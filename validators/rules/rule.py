"""The shape of a rule: a small function over a loaded policy that yields findings, with its catalogue entry.

A rule module keeps a list of its rules and declares each with `collect(RULES, pack)(CodeInfo(...))` on
its check function; declaring registers the entry in `policy.codes`, so `shopterms explain` and
docs/rules.md know every code a rule can give.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from shopterms.policy.codes import register
from shopterms.policy.diagnostics import CodeInfo, Location, YamlPath
from shopterms.policy.loader import LoadResult
from shopterms.policy.locate import position_of
from shopterms.policy.model import Policy


@dataclass(frozen=True)
class Finding:
    """What a rule found: where (a YAML path of the model), in our words, and how to fix it."""

    path: YamlPath
    message: str
    hint: str | None = None
    # Set when the place is a piece of text rather than a value (a link inside a comment, say).
    location: Location | None = None
    # A library's own words about the problem (shown only in JSON output).
    detail: str | None = None


# Paths where the model holds a fact under a different key than the shorthand the file may use:
# `returns.cost: {default: free, AT: 6.95}` becomes returns.cost plus returns.by_country.AT.cost.
def _written_forms(path: YamlPath) -> Iterator[YamlPath]:
    yield path
    if len(path) >= 3 and path[:2] == ("returns", "by_country") and path[3:4] in {(), ("cost",)}:
        yield ("returns", "cost", path[2], *path[4:])
    if path[:2] == ("returns", "cost"):
        yield ("returns", "cost", "default", *path[2:])
    if path[:2] == ("returns", "refund") and len(path) == 3 and path[2] in {"days", "after"}:
        yield ("returns", "refund", "within")


@dataclass(frozen=True)
class RuleInput:
    """What every rule reads: the valid policy and the file it came from."""

    policy: Policy
    result: LoadResult

    @property
    def source(self) -> str:
        return self.result.source or ""

    def written(self, path: YamlPath) -> bool:
        """True when the file itself writes the value at `path` (not a default filled in by the model)."""
        return any(form in self.result.positions for form in _written_forms(tuple(path)))

    def locate(self, path: YamlPath) -> tuple[YamlPath, Location | None]:
        """The path as the file writes it and its place; the nearest written parent if it is not written."""
        for form in _written_forms(tuple(path)):
            if form in self.result.positions:
                value = self.result.locate(form)
                if value is not None and value.end_line not in (None, value.line):
                    # A block over several lines: its key is the clearer place to point at.
                    return form, self.result.locate_key(form) or value
                return form, value
        # Not written: point at the key of the nearest written parent (where the value would go), or at
        # the start of the document.
        nearest = self.result.positions.nearest(tuple(path))
        if nearest:
            return tuple(path), self.result.locate_key(nearest) or self.result.locate(nearest)
        top = self.result.locate(())
        return tuple(path), Location(top.line, top.column, top.line, top.column + 1) if top else None

    def path_at(self, location: Location) -> YamlPath:
        """The innermost written value whose span holds the start of `location` (the top level at worst)."""
        best: YamlPath = ()
        for path in self.result.positions:
            span = self.result.locate(path)
            if span is None or span.end_line is None or span.end_column is None:
                continue
            start, end, here = (
                (span.line, span.column),
                (span.end_line, span.end_column),
                (location.line, location.column),
            )
            if start <= here < end and len(path) >= len(best):
                best = path
        return best

    def text_location(self, start: int, end: int) -> Location:
        """The span of characters start..end of the source text."""
        line, column = position_of(self.source, start)
        end_line, end_column = position_of(self.source, end)
        return Location(line, column, end_line, end_column)


Check = Callable[[RuleInput], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """One check and its catalogue entry; the entry's code is the rule's stable name."""

    info: CodeInfo
    check: Check

    @property
    def code(self) -> str:
        return self.info.code


def collect(rules: list[Rule], pack: str) -> Callable[[CodeInfo], Callable[[Check], Check]]:
    """A decorator factory: `@rule(CodeInfo(...))` registers the entry and appends the rule to `rules`."""

    def declare(info: CodeInfo) -> Callable[[Check], Check]:
        entry = replace(info, packs=(pack,))

        def add(check: Check) -> Check:
            register(entry)
            rules.append(Rule(entry, check))
            return check

        return add

    return declare
