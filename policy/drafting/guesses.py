"""Defaults guessed from a country: its time zone, currency and languages, and the legal periods.

Time zones come from the IANA database's zone.tab (shipped by tzdata), which lists a country's most
populous zone first; currencies and official languages from the CLDR data that babel ships.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

EU = frozenset(
    {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU"}
    | {"IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"}
)
EEA = EU | {"IS", "LI", "NO"}


@cache
def _zones_by_country() -> dict[str, list[str]]:
    text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    zones: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coordinates, zone, *_ = line.split("\t")
        zones.setdefault(code, []).append(zone)
    return zones


def time_zones(country: str) -> list[str]:
    """The country's IANA zones, most populous first (empty for an unknown code)."""
    return list(_zones_by_country().get(country.upper(), []))


def currency(country: str) -> str | None:
    from babel.numbers import get_territory_currencies

    try:
        found = get_territory_currencies(country.upper(), tender=True)
    except Exception:  # babel raises for codes it does not know
        return None
    return found[0] if found else None


def languages(country: str) -> list[str]:
    from babel.languages import get_official_languages

    try:
        return list(get_official_languages(country.upper()))
    except Exception:
        return []


def withdrawal_days(country: str) -> int | None:
    """The statutory withdrawal period for distance sales, where the law sets one (EU/EEA and UK: 14)."""
    return 14 if country.upper() in EEA or country.upper() == "GB" else None


def guarantee_years(country: str) -> int | None:
    """The legal guarantee for goods where the law sets a minimum (EU: two years)."""
    return 2 if country.upper() in EU else None
