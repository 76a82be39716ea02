"""Shipping to one place: which services deliver there, at what price, how fast, with which carriers.

Coverage and prices come from the date engine's own rules (policy.coverage, policy.pricing), so this
answer and a delivery estimate never disagree about whether or at what price a service delivers.
Unlike an estimate, a broad question (just a country) also lists services that serve only part of it,
naming the areas they cover.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from shopterms.policy.answers.places import covered_place
from shopterms.policy.answers.values import Answer, NotPublishedError
from shopterms.policy.carriers import carrier_name
from shopterms.policy.coverage import Match, Place, area_label, area_match
from shopterms.policy.errors import NotCoveredError
from shopterms.policy.model import Policy, Service
from shopterms.policy.pricing import quote
from shopterms.policy.queries import Carrier, DaySpan, RateQuote


class ServiceOption(Answer):
    """A delivery service that reaches the asked-about place."""

    id: str = Field(description="Service id, as /delivery-estimate takes it.", examples=["standard"])
    name: str = Field(description="Name shown to buyers.", examples=["Standard shipping"])
    type: Literal["delivery", "collection_point"] = Field(
        description="delivery to an address, or collection_point (the buyer collects)."
    )
    carriers: list[Carrier] = Field(
        description="Carriers this service uses; empty when the policy names none."
    )
    carrier_choice: bool = Field(description="True when the buyer picks the carrier at checkout.")
    rate: RateQuote = Field(description="What shipping costs with this service to this country.")
    handling_days: DaySpan = Field(description="Business days from order to hand-over to the carrier.")
    transit_days: DaySpan = Field(
        description="Business days in transit, counted in the destination's calendar."
    )
    cutoff: str | None = Field(
        description="Local time (HH:MM, shop time zone) up to which a business-day order counts from that "
        "day; null: the order's own day counts at any hour.",
        examples=["14:00"],
    )
    delivery_days: list[str] = Field(description="Weekdays the carrier delivers (mon … sun).")
    delivery_options: list[str] = Field(
        description="What the buyer can choose for the hand-over, e.g. parcel_locker."
    )
    only_in: list[str] = Field(
        description="When the service serves only part of the asked-about place: the areas it serves "
        "(subdivisions or postal codes). Empty: all of it."
    )
    excluded: list[str] = Field(
        description="Areas within the asked-about place that this service does not serve."
    )


class ShippingOptions(Answer):
    """How a shop ships to one country (optionally one region or postal code)."""

    country: str = Field(description="Destination country, ISO 3166-1 alpha-2.", examples=["DE"])
    region: str | None = Field(
        description="Destination subdivision, ISO 3166-2, when one was given.", examples=["DE-BY"]
    )
    postal_code: str | None = Field(description="Destination postal code, when one was given.")
    currency: str = Field(description="ISO 4217 currency of every amount.", examples=["EUR"])
    timezone: str = Field(
        description="IANA time zone of the warehouse; cutoffs are in it.", examples=["Europe/Berlin"]
    )
    tracking: bool | None = Field(description="Whether every parcel gets a tracking link; null: not stated.")
    warehouse_days: list[str] = Field(description="Weekdays the warehouse dispatches (mon … sun).")
    services: list[ServiceOption] = Field(description="Services that deliver there, in the shop's order.")


_PARTIAL = (Match.NEEDS_REGION, Match.NEEDS_POSTAL_CODE)


def _option(policy: Policy, service: Service, place: Place) -> ServiceOption | None:
    shipping = policy.shipping
    assert shipping is not None
    reach = [area_match(area, place) for area in service.to]
    if Match.YES in reach:
        only_in: list[str] = []
    elif any(match in _PARTIAL for match in reach):
        only_in = [
            area_label(area) for area, match in zip(service.to, reach, strict=True) if match in _PARTIAL
        ]
    else:
        return None
    exclusions = [(area, area_match(area, place)) for area in service.excluded]
    if any(match is Match.YES for _, match in exclusions):
        return None
    handling = service.handling or shipping.handling.days
    cutoff = service.cutoff or shipping.handling.cutoff
    return ServiceOption(
        id=service.id,
        name=service.name or service.id,
        type=service.type,
        carriers=[Carrier(id=ref, name=carrier_name(ref)) for ref in service.carriers],
        carrier_choice=service.carrier_choice,
        rate=quote(service, place.country, policy.shop.currency),
        handling_days=DaySpan(min=handling.min, max=handling.max),
        transit_days=DaySpan(min=service.transit.min, max=service.transit.max),
        cutoff=None if cutoff is None else cutoff.strftime("%H:%M"),
        delivery_days=list(service.delivery_days),
        delivery_options=list(service.delivery_options),
        only_in=only_in,
        excluded=[area_label(area) for area, match in exclusions if match in _PARTIAL],
    )


def shipped_countries(policy: Policy) -> list[str]:
    """Every country at least one service delivers to, sorted."""
    if policy.shipping is None:
        return []
    return sorted({area.country for service in policy.shipping.services for area in service.to})


def shipping_options(
    policy: Policy, country: str, region: str | None = None, postal_code: str | None = None
) -> ShippingOptions:
    """The services that deliver to a place, with that country's prices, carriers and times."""
    if policy.shipping is None:
        raise NotPublishedError("shipping")
    place = covered_place(country, region, postal_code, shipped_countries(policy), "the shop ships to")
    services = [option for service in policy.shipping.services if (option := _option(policy, service, place))]
    if not services:
        field = "postal_code" if place.postal_code else "region"
        where = " ".join(part for part in (place.subdivision or place.country, place.postal_code) if part)
        raise NotCoveredError(field, f"no service of this shop delivers to {where}")
    return ShippingOptions(
        country=place.country,
        region=place.subdivision,
        postal_code=place.postal_code,
        currency=policy.shop.currency,
        timezone=policy.shop.timezone,
        tracking=policy.shipping.tracking,
        warehouse_days=list(policy.shipping.handling.business_days),
        services=services,
    )
