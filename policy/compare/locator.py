"""Where a loaded policy writes a value: the provenance of record facts read from a file or from the API.

A fact counts as stated only when the document writes it, directly or inside a shorthand that carries it
(`window: 30 days after delivery` states both the days and the anchor). A value the model holds only
because the format supplies a default is not a statement of the shop's, so readers leave it unknown.
"""

from __future__ import annotations

from typing import Literal

from shopterms.policy.compare.provenance import ApiSource, Provenance, YamlSource
from shopterms.policy.diagnostics import YamlPath
from shopterms.policy.loader import LoadResult


def dotted(path: YamlPath) -> str:
    """`shipping.services[1].transit`: a path as a merchant reads it."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class Locator:
    """Provenance for paths of one loaded document (a policy file, or the JSON an API served)."""

    def __init__(self, kind: Literal["yaml", "api"], location: str, result: LoadResult) -> None:
        self.kind = kind
        self.location = location
        self.result = result

    def source(self, path: YamlPath) -> Provenance:
        """The provenance of a path, written or not (for values derived from a written neighbour)."""
        if self.kind == "api":
            return ApiSource(url=self.location, path=dotted(path))
        where = self.result.locate(path)
        return YamlSource(
            file=self.location,
            path=dotted(path),
            line=where.line if where else None,
            column=where.column if where else None,
        )

    def is_written(self, path: YamlPath) -> bool:
        return tuple(path) in self.result.positions

    def is_scalar(self, path: YamlPath) -> bool:
        """Written as one value (a shorthand), not as a mapping or list of parts."""
        return self.is_written(path) and next(self.result.positions.under(tuple(path)), None) is None

    def written(self, *candidates: YamlPath) -> Provenance | None:
        """The provenance of the first candidate path the document writes; None when it writes none."""
        for path in candidates:
            if self.is_written(path):
                return self.source(path)
        return None

    def within(self, path: YamlPath, part: str) -> Provenance | None:
        """Where `part` of the value at `path` is stated: its own key, or a shorthand written at `path`."""
        if self.is_written((*path, part)):
            return self.source((*path, part))
        if self.is_scalar(path):
            return self.source(path)
        return None
