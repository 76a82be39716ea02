"""Shipping destinations as DefinedRegion nodes, grouped by the price rules that apply to them.

Google reads areas narrower than a country only in a few countries: subdivisions (addressRegion) in
the United States, Australia and Japan, postal codes in the United States, Canada and Australia.
Elsewhere it would take such a region for the whole country, so a narrowed destination there is
"local": it stays out of schema:shippingConditions and is listed in our own terms instead
(shopterms:localDestination, shopterms:doesNotShipTo), which no schema.org reader mistakes for more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shopterms.policy.jsonld.values import one_or_many
from shopterms.policy.jsonld.vocabulary import JsonObject
from shopterms.policy.model import Destination, RateRule, Service

REGION_COUNTRIES = frozenset({"US", "AU", "JP"})
POSTAL_CODE_COUNTRIES = frozenset({"US", "CA", "AU"})


@dataclass(frozen=True)
class DestinationGroup:
    """Destinations of one service that the same price rules apply to."""

    destinations: tuple[Destination, ...]
    rules: tuple[RateRule, ...]


def is_local(destination: Destination) -> bool:
    """Narrower than a country, in a country where Google reads only whole countries at that level."""
    if destination.postal_codes:
        return destination.country not in POSTAL_CODE_COUNTRIES
    if destination.region:
        return destination.country not in REGION_COUNTRIES
    return False


def destination_groups(
    service: Service, destinations: Sequence[Destination] | None = None
) -> list[DestinationGroup]:
    """Destinations (default: all the service names) grouped by the rules that price them, in the
    policy's order. A destination no rule prices is left out: there is no rate to publish for it."""
    grouped: list[tuple[list[Destination], tuple[RateRule, ...]]] = []
    for destination in service.to if destinations is None else destinations:
        rules = tuple(
            rule for rule in service.rate if not rule.countries or destination.country in rule.countries
        )
        if not rules:
            continue
        match = next((group for group in grouped if group[1] == rules), None)
        if match is None:
            grouped.append(([destination], rules))
        else:
            match[0].append(destination)
    return [DestinationGroup(tuple(destinations), rules) for destinations, rules in grouped]


def defined_region(destination: Destination) -> JsonObject:
    """Postal codes are narrower than a region, so with both only the codes are written (Google reads
    a region and postal codes together as an error)."""
    node: JsonObject = {"@type": "DefinedRegion", "addressCountry": destination.country}
    exact = [code for code in destination.postal_codes if not code.endswith("*")]
    prefixes = [code[:-1] for code in destination.postal_codes if code.endswith("*")]
    if exact:
        node["postalCode"] = one_or_many(exact)
    if prefixes:
        node["postalCodePrefix"] = one_or_many(prefixes)
    if destination.region and not destination.postal_codes:
        # ISO 3166-2 subdivision code without the country part, as Google asks for.
        node["addressRegion"] = destination.region.split("-", 1)[1]
    return node


def regions(destinations: Sequence[Destination]) -> object:
    return one_or_many([defined_region(destination) for destination in destinations])
