"""The data files shipped in this package, read through importlib.resources so an installed wheel and
a source checkout read the same bytes."""

from __future__ import annotations

from importlib import resources


def data_text(name: str) -> str:
    """The text of one data file of this package (`name` relative to it, e.g. "exports/ucp.schema.json")."""
    return resources.files(__package__ or "shopterms.schemas").joinpath(name).read_text(encoding="utf-8")
