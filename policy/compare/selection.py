"""The delivery section of a record from its services: fastest, cheapest, and every carrier and option.

Every reader (policy file, API, page markup) lists the services reaching the destination and leaves the
choosing to these functions, so a record means the same whatever it was read from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from shopterms.policy.compare.fact import Fact, known, unknown
from shopterms.policy.compare.provenance import Provenance
from shopterms.policy.compare.record import Delivery, DeliveryService

T = TypeVar("T")
_FAR = dt.date.max


def _time_key(service: DeliveryService) -> tuple[Any, ...]:
    time = service.time.value
    assert time is not None
    return (time.latest or _FAR, time.earliest or _FAR, time.total_days.max, time.total_days.min)


def _price_key(service: DeliveryService) -> tuple[Any, ...]:
    price = service.price.value
    assert price is not None
    return (price.lowest, price.amount is None)


def _sources(*facts: Fact[Any]) -> list[Provenance]:
    found: list[Provenance] = []
    for fact in facts:
        found.extend(source for source in fact.sources if source not in found)
    return found


def fastest(services: Sequence[DeliveryService]) -> Fact[DeliveryService]:
    """The service delivering soonest: by latest delivery date when every time has dates, else by days."""
    timed = [service for service in services if service.time.known]
    if not timed:
        return unknown("no service reaching the destination states both handling and transit time")
    dated = all(service.time.value is not None and service.time.value.latest for service in timed)
    if dated:
        key: Callable[[DeliveryService], tuple[Any, ...]] = _time_key
        how = "latest delivery date, then earliest"
    else:

        def key(service: DeliveryService) -> tuple[Any, ...]:
            return _time_key(service)[2:]

        how = "most business days (handling + transit), then fewest"
    ranked = sorted(timed, key=lambda s: (*key(s), *(_price_key(s) if s.price.known else (float("inf"),))))
    chosen = ranked[0]
    untimed = [service.name for service in services if not service.time.known]
    note = f"chosen by {how}" + (f"; time unknown for {', '.join(untimed)}" if untimed else "")
    return known(chosen, _sources(chosen.time), note)


def cheapest(services: Sequence[DeliveryService]) -> Fact[DeliveryService]:
    """The service with the lowest stated price; among equal prices, the fastest."""
    priced = [service for service in services if service.price.known]
    if not priced:
        return unknown("no service reaching the destination states its price")
    by_time = {id(service): rank for rank, service in enumerate(_order_by_time(priced))}
    chosen = min(priced, key=lambda service: (*_price_key(service), by_time[id(service)]))
    unpriced = [service.name for service in services if not service.price.known]
    note = "chosen by lowest price, then time" + (
        f"; price unknown for {', '.join(unpriced)}" if unpriced else ""
    )
    return known(chosen, _sources(chosen.price), note)


def _order_by_time(services: Sequence[DeliveryService]) -> list[DeliveryService]:
    timed = [service for service in services if service.time.known]
    rest = [service for service in services if not service.time.known]
    return sorted(timed, key=lambda service: _time_key(service)[2:] + _time_key(service)[:2]) + rest


def union(
    services: Sequence[DeliveryService], part: Callable[[DeliveryService], Fact[list[T]]], what: str
) -> Fact[list[T]]:
    """Every stated item of one list-valued part across the services, in first-seen order."""
    stated = [service for service in services if part(service).known]
    if not stated:
        return unknown(f"no service reaching the destination names its {what}")
    items: list[T] = []
    for service in stated:
        items.extend(item for item in part(service).value or [] if item not in items)
    silent = [service.name for service in services if not part(service).known]
    note = f"not stated for {', '.join(silent)}" if silent else None
    return known(items, _sources(*(part(service) for service in stated)), note)


def delivery(serves: Fact[bool], services: Sequence[DeliveryService]) -> Delivery:
    """The delivery section: whether the destination is served, the services, and what they add up to."""
    if not services:
        why = serves.note or "no service reaches the destination"
        return Delivery(
            serves=serves,
            services=[],
            fastest=unknown(why),
            cheapest=unknown(why),
            carriers=unknown(why),
            options=unknown(why),
        )
    return Delivery(
        serves=serves,
        services=list(services),
        fastest=fastest(services),
        cheapest=cheapest(services),
        carriers=union(services, lambda service: service.carriers, "carriers"),
        options=union(services, lambda service: service.options, "delivery options"),
    )
