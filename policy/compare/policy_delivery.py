"""Delivery facts from a shopterms policy: the services reaching the destination, their dates and prices.

Dates come from the date engine, so a record and `shopterms estimate` agree; coverage and prices come
from the same rules as the API's shipping answer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from shopterms.policy.carriers import carrier_name
from shopterms.policy.compare import selection
from shopterms.policy.compare.fact import Fact, known, unknown
from shopterms.policy.compare.locator import Locator
from shopterms.policy.compare.provenance import Provenance
from shopterms.policy.compare.record import Carrier, DaySpan, Delivery, DeliveryService, DeliveryTime, Price
from shopterms.policy.coverage import Match, Place, area_label, reaches
from shopterms.policy.errors import QueryError
from shopterms.policy.estimate import estimate_delivery
from shopterms.policy.model import Policy, Service
from shopterms.policy.pricing import quote
from shopterms.policy.queries import DestinationQuery

_SERVICES = ("shipping", "services")


def _time(
    policy: Policy, where: Locator, index: int, place: Place, ordered: dt.datetime
) -> Fact[DeliveryTime]:
    service = policy.shipping.services[index] if policy.shipping else None
    assert service is not None
    query = DestinationQuery(country=place.country, region=place.subdivision, postal_code=place.postal_code)
    try:
        estimate = estimate_delivery(policy, query, service.id, ordered)[0]
    except QueryError as error:
        return unknown(error.message)
    path = (*_SERVICES, index)
    sources = [
        where.written((*path, "handling"), ("shipping", "handling", "days")),
        where.written((*path, "transit")),
        where.written((*path, "cutoff"), ("shipping", "handling", "cutoff")),
        where.written(("shipping", "closed")) if estimate.warehouse.closures_hit else None,
    ]
    handling, transit = estimate.handling_days, estimate.transit_days
    time = DeliveryTime(
        handling_days=DaySpan(min=handling.min, max=handling.max),
        transit_days=DaySpan(min=transit.min, max=transit.max),
        total_days=DaySpan(min=handling.min + transit.min, max=handling.max + transit.max),
        earliest=estimate.earliest_delivery,
        latest=estimate.latest_delivery,
    )
    note = f"dates from the date engine for an order at {estimate.ordered_at.isoformat()}"
    return known(time, [source for source in sources if source is not None], note)


def _rate_sources(service: Service, where: Locator, path: tuple[Any, ...], country: str) -> list[Provenance]:
    if where.is_written((*path, "rate", country)):
        return [where.source((*path, "rate", country))]
    specific = [j for j, rule in enumerate(service.rate) if country in rule.countries]
    chosen = specific or [j for j, rule in enumerate(service.rate) if not rule.countries]
    found = [where.source((*path, "rate", j)) for j in chosen if where.is_written((*path, "rate", j))]
    return found or [where.source((*path, "rate"))]


def _price(policy: Policy, where: Locator, index: int, country: str) -> Fact[Price]:
    assert policy.shipping is not None
    service = policy.shipping.services[index]
    path = (*_SERVICES, index)
    rate = quote(service, country, policy.shop.currency)
    amounts = [conditional.amount for conditional in rate.by_condition]
    if rate.amount is None and not amounts:
        return unknown(
            f"the file states no price for {service.id} to {country}", [where.source((*path, "rate"))]
        )
    depends: list[Any] = [
        name
        for field, name in (("weight_kg", "weight"), ("order_value", "order_value"), ("items", "items"))
        if any(getattr(conditional, field) for conditional in rate.by_condition)
    ]
    lowest = min([*amounts, *([rate.amount] if rate.amount is not None else [])])
    price = Price(
        amount=None if depends else float(rate.amount) if rate.amount is not None else None,
        lowest=float(lowest),
        depends_on=depends,
        currency=rate.currency,
    )
    return known(price, _rate_sources(service, where, path, country))


def _free_from(service: Service, where: Locator, path: tuple[Any, ...]) -> Fact[float]:
    stated = where.written((*path, "free_from"))
    if stated is not None and service.free_from is not None:
        return known(float(service.free_from), [stated])
    # The rate is the whole price list of the service: without free_from, it applies to every order.
    return known(
        None, [where.source((*path, "rate"))], "no free-shipping threshold: the rate applies to every order"
    )


def _listed(where: Locator, path: tuple[Any, ...], value: list[Any], what: str) -> Fact[list[Any]]:
    stated = where.written(path)
    return known(value, [stated]) if stated is not None else unknown(f"the file does not name the {what}")


def _service(
    policy: Policy, where: Locator, index: int, place: Place, ordered: dt.datetime
) -> DeliveryService:
    assert policy.shipping is not None
    service = policy.shipping.services[index]
    path = (*_SERVICES, index)
    kind_source = where.written((*path, "type"))
    carriers = [Carrier(id=ref, name=carrier_name(ref)) for ref in service.carriers]
    return DeliveryService(
        id=service.id,
        name=service.name or service.id,
        kind=known(service.type, [kind_source])
        if kind_source
        else unknown("the file does not say whether it delivers to the door or to a collection point"),
        carriers=_listed(where, (*path, "carriers"), carriers, "carriers"),
        options=_listed(
            where, (*path, "delivery_options"), list(service.delivery_options), "delivery options"
        ),
        time=_time(policy, where, index, place, ordered),
        price=_price(policy, where, index, place.country),
        free_from=_free_from(service, where, path),
    )


def policy_delivery(policy: Policy, where: Locator, place: Place, ordered: dt.datetime) -> Delivery:
    """The delivery section of a record for one place and order moment."""
    if policy.shipping is None:
        return selection.delivery(unknown("the file has no shipping section"), [])
    found, partial = [], []
    for index, service in enumerate(policy.shipping.services):
        match, _notes = reaches(service, place)
        if match is Match.YES:
            found.append(_service(policy, where, index, place, ordered))
        elif match is not Match.NO:
            areas = ", ".join(area_label(area) for area in service.to if area.country == place.country)
            partial.append(f"{service.id} serves only {areas}; give the {match.value.replace('_', ' ')}")
    services_source = where.source(_SERVICES)
    if found:
        serves: Fact[bool] = known(True, [services_source])
    elif partial:
        serves = unknown("; ".join(partial), [services_source])
    else:
        serves = known(
            False, [services_source], f"no service delivers to {place.subdivision or place.country}"
        )
    return selection.delivery(serves, found)
