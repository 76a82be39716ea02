"""Delivery facts from page markup: ShippingService with ShippingConditions (organisation level) and
OfferShippingDetails (offer level), for one destination.

A condition whose shippingRate is 0 from an orderValue minimum states a free-shipping threshold; other
conditions on weight, order value or number of items make the price depend on the order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from shopterms.policy.compare import selection
from shopterms.policy.compare.fact import Fact, known, unknown
from shopterms.policy.compare.record import Carrier, DaySpan, Delivery, DeliveryService, DeliveryTime, Price
from shopterms.policy.coverage import Match, Place
from shopterms.validators.compare.page_graph import PageGraph, ours, schema
from shopterms.validators.compare.page_places import best_match
from shopterms.validators.compare.page_timing import Period, dates, period

if TYPE_CHECKING:
    from rdflib.term import Node


@dataclass
class _Reach:
    """The conditions of one service that include the destination, read into prices and times."""

    match: Match = Match.NO
    paid: list[tuple[Decimal, str | None, Node]] = field(
        default_factory=list
    )  # amount, currency, amount node
    free_from: list[tuple[Decimal, Node]] = field(default_factory=list)  # threshold, orderValue node
    depends: set[str] = field(default_factory=set)
    transit: list[tuple[Period, Node]] = field(default_factory=list)  # period, condition holding it
    notes: list[str] = field(default_factory=list)


def _amount(page: PageGraph, node: Node | None) -> tuple[Decimal | None, str | None]:
    if node is None:
        return None, None
    found = page.number(node, schema("value"))
    return found, page.text(node, schema("currency"))


def _condition(page: PageGraph, reach: _Reach, condition: Node, place: Place, transit_iri: str) -> None:
    match = best_match(page, page.values(condition, schema("shippingDestination")), place)
    if match is not Match.YES:
        if reach.match is Match.NO:
            reach.match = match
        return
    if page.boolean(condition, schema("doesNotShip")):
        reach.match = Match.NO
        reach.notes.append("the markup says it does not ship there")
        reach.paid.clear()
        return
    reach.match = Match.YES
    rate = page.value(condition, schema("shippingRate"))
    if rate is not None and page.is_a(rate, "ShippingRateSettings"):
        threshold, _currency = _amount(page, page.value(rate, schema("freeShippingThreshold")))
        if threshold is not None:
            reach.free_from.append((threshold, rate))
        rate = page.value(rate, schema("shippingRate"))
    amount, currency = _amount(page, rate)
    order = page.value(condition, schema("orderValue"))
    minimum = page.number(order, schema("minValue")) if order is not None else None
    if amount is not None and amount == 0 and minimum and order is not None:
        reach.free_from.append((minimum, order))
    elif amount is not None:
        assert rate is not None
        reach.paid.append((amount, currency, rate))
        reach.depends.update(
            name
            for name, iri in (("order_value", "orderValue"), ("weight", "weight"), ("items", "numItems"))
            if page.value(condition, schema(iri)) is not None
        )
    found, why = period(page, page.value(condition, schema(transit_iri)))
    if found is not None:
        reach.transit.append((found, condition))
    elif why:
        reach.notes.append(why)


def _price(page: PageGraph, reach: _Reach) -> Fact[Price]:
    if not reach.paid:
        return unknown("the markup states no shipping rate for the destination")
    currencies = {currency for _amount, currency, _node in reach.paid}
    if len(currencies) != 1 or None in currencies:
        return unknown("the shipping rates name no single currency")
    amounts = sorted(amount for amount, _currency, _node in reach.paid)
    single = len(set(amounts)) == 1 and not reach.depends
    price = Price(
        amount=float(amounts[0]) if single else None,
        lowest=float(amounts[0]),
        depends_on=sorted(reach.depends),
        currency=str(next(iter(currencies))),
    )
    # Several rates for the same place without a condition between them: readers (Google) show the lowest.
    note = None if single or reach.depends else "several rates for the destination without conditions"
    return known(
        price, page.sources((node, schema("value")) for _amount, _currency, node in reach.paid), note
    )


def _free_from(page: PageGraph, reach: _Reach, holder: Node) -> Fact[float]:
    if reach.free_from:
        threshold, node = min(reach.free_from, key=lambda entry: entry[0])
        iri = (
            schema("freeShippingThreshold") if page.is_a(node, "ShippingRateSettings") else schema("minValue")
        )
        return known(float(threshold), [page.source(node, iri)], "delivery is free from this order value")
    stated = page.value(holder, ours("freeShippingThreshold"))
    if stated is not None:
        amount, _currency = _amount(page, stated)
        if amount is not None:
            return known(float(amount), [page.source(stated, schema("value"))])
    return unknown("the markup names no order value from which delivery is free")


def _time(
    page: PageGraph,
    holder: Node,
    handling_node: Node | None,
    reach: _Reach,
    org: Node | None,
    place: Place,
    ordered: dt.datetime,
) -> Fact[DeliveryTime]:
    handling, why = period(page, handling_node)
    if handling is None:
        return unknown(why or "the markup states no handling time")
    if not reach.transit:
        return unknown("; ".join(reach.notes) or "the markup states no transit time for the destination")
    spans = [transit.span for transit, _condition in reach.transit]
    transit = Period(
        DaySpan(min=min(s.min for s in spans), max=max(s.max for s in spans)),
        reach.transit[0][0].node,
        reach.transit[0][0].business_days,
    )
    assert handling_node is not None
    holders = [node for node in (handling_node, holder, org) if node is not None]
    computed, note, used = dates(page, handling, handling_node, transit, holders, place, ordered)
    time = DeliveryTime(
        handling_days=handling.span,
        transit_days=transit.span,
        total_days=DaySpan(
            min=handling.span.min + transit.span.min, max=handling.span.max + transit.span.max
        ),
        earliest=computed[0] if computed else None,
        latest=computed[1] if computed else None,
    )
    sources = page.sources(
        [
            (
                handling.node,
                schema("maxValue") if page.value(handling.node, schema("maxValue")) else schema("value"),
            )
        ]
        + [
            (
                period.node,
                schema("maxValue") if page.value(period.node, schema("maxValue")) else schema("value"),
            )
            for period, _condition in reach.transit
        ]
        + used
    )
    notes = [text for text in (handling.note, note) if text]
    return known(time, sources, "; ".join(notes))


def _listed(page: PageGraph, node: Node, iri: str, what: str, read: Any) -> Fact[Any]:
    values = page.values(node, iri)
    if not values:
        return unknown(
            f"the markup names no {what} (schema.org has no term for it; shopterms has {iri.rsplit('#')[-1]})"
        )
    return known([read(value) for value in values], [page.source(node, iri)])


def _carrier(page: PageGraph, node: Node) -> Carrier:
    name = page.text(node, schema("name")) or page.word(node) or "?"
    return Carrier(id=page.text(node, schema("identifier")), name=name)


def _kind(page: PageGraph, node: Node) -> Fact[Any]:
    kind = page.text(node, schema("fulfillmentType"))
    mapped = {
        "FulfillmentTypeDelivery": "delivery",
        "FulfillmentTypeCollectionPoint": "collection_point",
    }.get(kind or "")
    if mapped is None:
        return unknown("the markup does not say whether it delivers to the door or to a collection point")
    return known(mapped, [page.source(node, schema("fulfillmentType"))])


def _service(
    page: PageGraph,
    node: Node,
    number: int,
    reach: _Reach,
    handling: Node | None,
    org: Node | None,
    place: Place,
    ordered: dt.datetime,
) -> DeliveryService:
    name = page.text(node, schema("name")) or page.text(node, schema("shippingLabel")) or f"shipping {number}"
    return DeliveryService(
        id=page.text(node, schema("identifier")) or name,
        name=name,
        kind=_kind(page, node),
        carriers=_listed(page, node, ours("carrier"), "carriers", lambda value: _carrier(page, value)),
        options=_listed(
            page, node, ours("deliveryOption"), "delivery options", lambda value: page.word(value)
        ),
        time=_time(page, node, handling, reach, org, place, ordered),
        price=_price(page, reach),
        free_from=_free_from(page, reach, node),
    )


def page_delivery(page: PageGraph, org: Node | None, place: Place, ordered: dt.datetime) -> Delivery:
    """Delivery to the place, from every shipping service and offer shipping detail in the markup."""
    found: list[DeliveryService] = []
    partial: list[str] = []
    stated: list[tuple[Node, str]] = []
    candidates = [(node, "service") for node in page.of_type("ShippingService")]
    candidates += [(node, "offer") for node in page.of_type("OfferShippingDetails")]
    for number, (node, kind) in enumerate(candidates, start=1):
        reach = _Reach()
        if kind == "service":
            for condition in page.values(node, schema("shippingConditions")):
                _condition(page, reach, condition, place, "transitTime")
            handling = page.value(node, schema("handlingTime"))
            stated.append((node, schema("shippingConditions")))
        else:
            _condition(page, reach, node, place, "transitTime")
            delivery_time = page.value(node, schema("deliveryTime"))
            handling = (
                page.value(delivery_time, schema("handlingTime")) if delivery_time is not None else None
            )
            if delivery_time is not None:
                found_transit, _why = period(page, page.value(delivery_time, schema("transitTime")))
                reach.transit = [(found_transit, delivery_time)] if found_transit else []
            stated.append((node, schema("shippingDestination")))
        if reach.match is Match.YES:
            found.append(_service(page, node, number, reach, handling, org, place, ordered))
        elif reach.match is not Match.NO:
            needed = reach.match.value.replace("_", " ")
            partial.append(f"a service serves only part of {place.country}; give the {needed}")
    if found:
        serves: Fact[bool] = known(True, page.sources(stated))
    elif partial:
        serves = unknown("; ".join(sorted(set(partial))), page.sources(stated))
    elif stated:
        serves = known(
            False,
            page.sources(stated),
            f"no shipping condition in the markup includes {place.subdivision or place.country}",
        )
    else:
        serves = unknown("the markup states no shipping terms")
    return selection.delivery(serves, found)
