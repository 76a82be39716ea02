"""The one error a date query raises when its input is wrong: which parameter, what is wrong, what is allowed.

The HTTP API turns it into a 400 response and the MCP server into a tool error, so it carries the
parameter name (`field`) and the accepted values (`allowed`) as data, not only as prose.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence


class QueryError(ValueError):
    """A query parameter is missing, malformed or names something the policy does not have."""

    def __init__(self, field: str, message: str, allowed: Sequence[str] = ()) -> None:
        self.field = field
        self.message = message
        self.allowed: tuple[str, ...] = tuple(allowed)
        super().__init__(f"{field}: {message}")

    def as_dict(self) -> dict[str, object]:
        """The error as JSON-friendly data, for API and tool responses."""
        return {"field": self.field, "message": self.message, "allowed": list(self.allowed)}


class NotCoveredError(QueryError):
    """A well-formed argument names something the terms do not cover: a country the shop does not serve,
    a subdivision, postal code or service it has no terms for, or dates no order can have.

    The HTTP API answers it with 404 (there are no terms at that address), not 400: the request itself
    has the documented form. `allowed` lists what the terms do cover."""


def suggest(value: str, choices: Iterable[str], limit: int = 3) -> str:
    """` did you mean X?` for the choices closest to a mistyped value, or an empty string."""
    close = difflib.get_close_matches(value, list(choices), n=limit, cutoff=0.5)
    if not close:
        return ""
    return f" Did you mean {' or '.join(close)}?"


def listing(values: Iterable[str], limit: int = 40) -> str:
    """Values for a message: comma-separated, shortened past `limit` so a message stays readable."""
    items = list(values)
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")
