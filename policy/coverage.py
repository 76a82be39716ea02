"""Which delivery services reach a destination: country, subdivision, postal-code prefixes, exclusions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from shopterms.policy.errors import NotCoveredError, QueryError, listing, suggest
from shopterms.policy.model.common import Destination
from shopterms.policy.model.shipping import Service, Shipping
from shopterms.policy.queries import DestinationQuery
from shopterms.policy.region import Region, resolve_country, resolve_region


@dataclass(frozen=True)
class Place:
    """A checked destination: its holiday region and what the caller said about it."""

    region: Region
    subdivision: str | None  # ISO 3166-2 as given, e.g. DE-BY
    postal_code: str | None  # as given, trimmed

    @property
    def country(self) -> str:
        return self.region.country


class Match(Enum):
    YES = "yes"
    NO = "no"
    NEEDS_REGION = "region"
    NEEDS_POSTAL_CODE = "postal_code"


def _compact(code: str) -> str:
    return code.replace(" ", "").replace("-", "").upper()


def resolve_destination(destination: DestinationQuery | str) -> Place:
    """A checked destination from a query or a code such as DE or DE-BY."""
    if isinstance(destination, str):
        code = destination.strip()
        return _place(code.partition("-")[0], code if "-" in code else None, None)
    return _place(destination.country, destination.region, destination.postal_code)


@lru_cache(maxsize=4096)
def _place(country_text: str | None, region_text: str | None, postal_text: str | None) -> Place:
    # Cached: callers ask about the same few destinations again and again (errors are not cached).
    if not (country_text or "").strip() and region_text and "-" in region_text:
        country_text = region_text.strip().partition("-")[0]
    country = resolve_country(country_text, "country")
    region, subdivision = resolve_region(country, region_text, "region")
    postal = (postal_text or "").strip() or None
    if postal is not None and not _compact(postal).isalnum():
        message = f"'{postal_text}' is not a postal code; use letters, digits, spaces and -"
        raise QueryError("postal_code", message)
    return Place(region, subdivision, postal)


def area_match(area: Destination, place: Place) -> Match:
    """Whether a place lies in an area, or what the caller must add to tell."""
    if area.country != place.country:
        return Match.NO
    if area.region is not None:
        if place.subdivision is None:
            return Match.NEEDS_REGION
        if area.region != place.subdivision:
            return Match.NO
    if not area.postal_codes:
        return Match.YES
    if place.postal_code is None:
        return Match.NEEDS_POSTAL_CODE
    postal = _compact(place.postal_code)
    for pattern in area.postal_codes:
        if pattern.endswith("*") and postal.startswith(_compact(pattern[:-1])):
            return Match.YES
        if not pattern.endswith("*") and postal == _compact(pattern):
            return Match.YES
    return Match.NO


def area_label(area: Destination) -> str:
    label = area.label()
    return f"{label} {'/'.join(area.postal_codes)}" if area.postal_codes else label


def reaches(service: Service, place: Place) -> tuple[Match, list[str]]:
    """Whether a service delivers to the place, and notes on exclusions that could not be checked."""
    matches = [area_match(area, place) for area in service.to]
    if Match.YES not in matches:
        unknown = [match for match in matches if match is not Match.NO]
        return (unknown[0] if unknown else Match.NO), []
    notes = []
    for area in service.excluded:
        match = area_match(area, place)
        if match is Match.YES:
            return Match.NO, []
        if match is not Match.NO:
            needed = match.value.replace("_", " ")
            notes.append(f"{service.id} does not deliver to {area_label(area)}; give the {needed} to check.")
    return Match.YES, notes


def _refusal(
    services: list[Service], place: Place, matches: list[Match], named: str | None
) -> NotCoveredError:
    areas = sorted({area_label(area) for service in services for area in service.to})
    where = place.subdivision or place.country
    if Match.NEEDS_REGION in matches or Match.NEEDS_POSTAL_CODE in matches:
        field = "region" if Match.NEEDS_REGION in matches else "postal_code"
        what = "subdivisions" if field == "region" else "postal codes"
        scope = f"service {named} ships" if named else "the shop ships"
        needed = field.replace("_", " ")
        return NotCoveredError(
            field, f"{scope} only to some {what} in {where} ({listing(areas)}); give the {needed}.", areas
        )
    in_country = [area for s in services for area in [*s.to, *s.excluded] if area.country == place.country]
    if not in_country:
        field = "country"
    elif place.postal_code and any(area.postal_codes for area in in_country):
        field = "postal_code"
    else:
        field = "region" if place.subdivision else "country"
    if place.postal_code:
        where = f"{where} {place.postal_code}"
    lead = (
        f"service {named} does not ship to {where}; it" if named else f"no service ships to {where}; the shop"
    )
    return NotCoveredError(field, f"{lead} ships to {listing(areas)}.", areas)


def serving(shipping: Shipping, place: Place, service_id: str | None) -> list[tuple[Service, list[str]]]:
    """The services that deliver to the place (only the named one, if given), each with its notes."""
    if service_id is not None:
        service = shipping.service(service_id)
        ids = [candidate.id for candidate in shipping.services]
        if service is None:
            hint = suggest(service_id, ids)
            raise NotCoveredError(
                "service", f"there is no service '{service_id}'.{hint} Allowed: {listing(ids)}.", ids
            )
        candidates = [service]
    else:
        candidates = list(shipping.services)
    found, matches = [], []
    for service in candidates:
        match, notes = reaches(service, place)
        matches.append(match)
        if match is Match.YES:
            found.append((service, notes))
    if not found:
        raise _refusal(candidates, place, matches, service_id)
    return found
