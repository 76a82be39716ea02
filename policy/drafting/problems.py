"""The one error an importer raises: a source it cannot read at all, said in the merchant's terms."""

from __future__ import annotations


class ImportProblem(ValueError):
    """A source that yields no draft: what was found and what was expected, in one sentence."""
