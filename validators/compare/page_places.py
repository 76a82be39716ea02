"""Whether a schema.org DefinedRegion (or a plain country value) includes the destination.

Regions may be written as ISO 3166-2 codes (DE-BY) or as the part after the dash (BY); postal codes as
codes, prefixes or ranges. A region or postal code the caller did not give makes the answer "needs".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shopterms.policy.coverage import Match, Place
from shopterms.validators.compare.page_graph import PageGraph, schema

if TYPE_CHECKING:
    from rdflib.term import Node


def _compact(code: str) -> str:
    return code.replace(" ", "").replace("-", "").upper()


def country_codes(page: PageGraph, node: Node) -> list[str]:
    """Country codes of a country value: text, or a Country node with its identifier or name."""
    from rdflib import Literal

    if isinstance(node, Literal):
        return [str(node).strip().upper()]
    found = [page.text(node, schema(name)) for name in ("identifier", "alternateName", "name")]
    return [code.strip().upper() for code in found if code]


def _postal(page: PageGraph, region: Node, place: Place) -> Match:
    codes = page.texts(region, schema("postalCode"))
    prefixes = page.texts(region, schema("postalCodePrefix"))
    ranges = page.values(region, schema("postalCodeRange"))
    if not (codes or prefixes or ranges):
        return Match.YES
    if place.postal_code is None:
        return Match.NEEDS_POSTAL_CODE
    postal = _compact(place.postal_code)
    if postal in {_compact(code) for code in codes} or any(postal.startswith(_compact(p)) for p in prefixes):
        return Match.YES
    for span in ranges:
        low = page.text(span, schema("postalCodeBegin"))
        high = page.text(span, schema("postalCodeEnd"))
        if low and high and _compact(low) <= postal <= _compact(high):
            return Match.YES
    return Match.NO


def region_match(page: PageGraph, region: Node, place: Place) -> Match:
    """Whether one shippingDestination value includes the place."""
    from rdflib import Literal

    if isinstance(region, Literal):
        return Match.YES if place.country in country_codes(page, region) else Match.NO
    countries = [
        code for value in page.values(region, schema("addressCountry")) for code in country_codes(page, value)
    ]
    if place.country not in countries:
        return Match.NO
    areas = page.texts(region, schema("addressRegion"))
    if areas:
        if place.subdivision is None:
            return Match.NEEDS_REGION
        wanted = {place.subdivision.upper(), place.subdivision.upper().partition("-")[2]}
        if not wanted & {area.upper() for area in areas}:
            return Match.NO
    return _postal(page, region, place)


def best_match(page: PageGraph, regions: list[Node], place: Place) -> Match:
    """YES if any region includes the place; else what would tell; else NO."""
    matches = [region_match(page, region, place) for region in regions]
    if Match.YES in matches:
        return Match.YES
    for needed in (Match.NEEDS_REGION, Match.NEEDS_POSTAL_CODE):
        if needed in matches:
            return needed
    return Match.NO
