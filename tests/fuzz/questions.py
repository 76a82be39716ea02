"""The questions the downstream stage asks of a valid policy: which countries, services, moments and days.

Parameters of endpoints and tools are filled by name, from the policy itself (every country it ships
or takes returns from, its service ids, languages, postal codes) and from fixed moments that include
the ends of the supported range of dates and a clock change.
"""

from __future__ import annotations

from typing import Any

from shopterms.policy.model import Policy

MOMENTS = [
    "2026-12-23T15:00:00+01:00",
    "2199-12-31T23:59:00+14:00",
    "1970-01-01T00:00:00-12:00",
    "2027-03-28T02:30:00+01:00",  # inside the spring-forward gap in Europe
    "2026-06-15T09:00:00+00:00",
]
DAYS = ["2026-12-11", "2199-12-31", "1970-01-01", "2027-02-28"]
PREFERENCES = [["fast"], ["cheap", "free-returns"], []]


def destinations(policy: Policy) -> list[str]:
    """Every country and region a service delivers to, as `--to` takes them (DE, DE-BY)."""
    if policy.shipping is None:
        return []
    found = {d.country for s in policy.shipping.services for d in s.to}
    found |= {d.region for s in policy.shipping.services for d in s.to if d.region}
    return sorted(found)


def countries(policy: Policy) -> list[str]:
    """Every country the terms speak of: shipping destinations, countries sold to, return countries."""
    found = {code.split("-")[0] for code in destinations(policy)} | set(policy.shop.sells_to)
    if policy.returns is not None:
        found |= set(policy.returns.countries)
    return sorted(found)


def postal_codes(policy: Policy) -> list[str]:
    if policy.shipping is None:
        return []
    codes = [code for s in policy.shipping.services for d in s.to for code in d.postal_codes]
    return [code.rstrip("*").ljust(5, "0") for code in codes][:2]


def service_ids(policy: Policy) -> list[str]:
    return [] if policy.shipping is None else [service.id for service in policy.shipping.services]


def candidates(name: str, policy: Policy, turn: int, others: list[str]) -> list[Any] | None:
    """Values to try for a parameter called `name`; None when the name is unknown here."""
    by_name: dict[str, list[Any]] = {
        "country": countries(policy),
        "destination": destinations(policy) or countries(policy),
        "region": [None, *[code for code in destinations(policy) if "-" in code][:1]],
        "postal_code": [None, *postal_codes(policy)],
        "service": [None, *service_ids(policy)],
        "ordered_at": [None, MOMENTS[turn % len(MOMENTS)]],
        "at": [None, MOMENTS[(turn + 1) % len(MOMENTS)]],
        "as_of": [None],
        "delivered_on": [DAYS[turn % len(DAYS)]],
        "ordered_on": [None, DAYS[(turn + 2) % len(DAYS)]],
        "language": policy.shop.languages[1:] or [],
        "sources": [others[:2]],
        "preferences": [PREFERENCES[turn % len(PREFERENCES)]],
    }
    return by_name.get(name)
