"""Countries and subdivisions as the holiday calendars know them, checked with helpful errors.

A `Region` is what a calendar is keyed by. Its subdivision is the holiday library's code (BY for DE-BY,
9 for AT-9), present only when the library has regional holidays for it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache, lru_cache

import holidays

from shopterms.policy.errors import NotCoveredError, QueryError, listing, suggest

# Codes people write that ISO 3166-1 spells differently.
_ALIASES = {"UK": "GB", "EL": "GR"}
_SUBDIVISION = re.compile(r"^[A-Z0-9]{1,3}$")


@dataclass(frozen=True)
class Region:
    """A country, optionally narrowed to a subdivision with its own public holidays."""

    country: str
    subdivision: str | None = None

    @property
    def code(self) -> str:
        """ISO 3166 form: DE or DE-BY."""
        return f"{self.country}-{self.subdivision}" if self.subdivision else self.country


@cache
def country_codes() -> tuple[str, ...]:
    """Every ISO 3166-1 alpha-2 code with a public-holiday calendar."""
    supported = holidays.list_supported_countries()
    return tuple(sorted(code for code in supported if len(code) == 2 and code not in _ALIASES))


@cache
def subdivision_codes(country: str) -> tuple[str, ...]:
    """ISO 3166-2 codes (DE-BY) of the subdivisions with their own holidays; empty when there are none."""
    parts = holidays.list_supported_countries().get(country, [])
    return tuple(f"{country}-{part}" for part in parts if _SUBDIVISION.match(part))


def _country_names() -> dict[str, str]:
    from babel import Locale  # only needed to explain a mistake, so loaded only then

    known = set(country_codes())
    return {code: name for code, name in Locale("en").territories.items() if code in known}


def _country_hint(value: str) -> str:
    if value in _ALIASES:
        return f" Did you mean {_ALIASES[value]}?"
    if len(value) > 2:
        code_by_name = {name.upper(): code for code, name in _country_names().items()}
        close = difflib.get_close_matches(value, list(code_by_name), n=3, cutoff=0.6)
        if close:
            return f" Did you mean {' or '.join(f'{code_by_name[name]} ({name.title()})' for name in close)}?"
        return ""
    return suggest(value, country_codes())


def resolve_country(value: str | None, field: str = "country") -> str:
    """A checked ISO 3166-1 alpha-2 code, upper-cased."""
    text = (value or "").strip().upper()
    if not text:
        raise QueryError(
            field, "a country is needed, as an ISO 3166-1 alpha-2 code such as DE", country_codes()
        )
    if text not in country_codes():
        raise QueryError(
            field,
            f"'{value}' is not an ISO 3166-1 alpha-2 country code.{_country_hint(text)}",
            country_codes(),
        )
    return text


def resolve_region(country: str, value: str | None, field: str = "region") -> tuple[Region, str | None]:
    """The calendar region for a country and an optional subdivision ("DE-BY" or "BY").

    Returns the region and the subdivision as the caller named it in ISO form (DE-BY), which can be
    present while the region has none: some countries have no regional holidays in the calendar data.
    """
    if value is None or not value.strip():
        return Region(country), None
    text = value.strip().upper()
    prefix, dash, part = text.partition("-")
    if not dash:
        part = text
    elif prefix != country:
        raise NotCoveredError(
            field,
            f"'{value}' is not a subdivision of {country}; write {country}-<code>",
            subdivision_codes(country),
        )
    code = f"{country}-{part}"
    known = subdivision_codes(country)
    if not known:
        if not _SUBDIVISION.match(part):
            raise QueryError(field, f"'{value}' is not an ISO 3166-2 subdivision code such as {country}-01")
        return Region(country), code  # no regional holidays known: the national calendar applies
    if code not in known:
        raise NotCoveredError(
            field,
            f"'{value}' is not a subdivision of {country} with its own holidays.{suggest(code, known)} "
            f"Allowed: {listing(known)}.",
            known,
        )
    return Region(country, part), code


@lru_cache(maxsize=256)
def resolve_calendar(spec: str | None, home: str, field: str) -> Region | None:
    """A policy's holiday calendar setting (DE, DE-HH or none; default: the home country)."""
    if spec == "none":
        return None
    country, _, subdivision = (spec or home).partition("-")
    region, _ = resolve_region(resolve_country(country, field), subdivision or None, field)
    return region
