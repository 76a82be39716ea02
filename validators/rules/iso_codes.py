"""ISO 3166-1 countries, ISO 3166-2 subdivisions and ISO 4217 currencies, from pycountry's data files.

The JSON files are read directly: importing pycountry itself costs about 40 ms at start-up, more than
every rule together, and `shopterms validate` runs in pre-commit hooks where start-up is the cost.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path


@cache
def _table(name: str, key: str) -> list[dict[str, str]]:
    spec = importlib.util.find_spec("pycountry")
    assert spec is not None and spec.submodule_search_locations, "pycountry is a dependency of shopterms"
    path = Path(next(iter(spec.submodule_search_locations))) / "databases" / f"{name}.json"
    rows: list[dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))[key]
    return rows


@cache
def country_codes() -> frozenset[str]:
    return frozenset(row["alpha_2"] for row in _table("iso3166-1", "3166-1"))


@cache
def subdivision_codes() -> frozenset[str]:
    return frozenset(row["code"] for row in _table("iso3166-2", "3166-2"))


@cache
def currency_codes() -> frozenset[str]:
    return frozenset(row["alpha_3"] for row in _table("iso4217", "4217"))
