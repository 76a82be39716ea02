"""Offer-level shipping in markup: a product page's OfferShippingDetails as delivery services.

Each detail is one price for its destinations, with the delivery time of Google's ShippingDeliveryTime
and, from our vocabulary, the free-shipping threshold. Details that name the same ShippingService (by
its identifier, name or @id) are one service; details that name none are one service together.
"""

from __future__ import annotations

from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.markup_graph import MarkupGraph, Node
from shopterms.policy.drafting.markup_rates import Condition
from shopterms.policy.drafting.markup_services import ServiceReading, areas, cutoff, days, weekdays


def read_offer_details(graph: MarkupGraph, out: SourceDraft) -> list[ServiceReading]:
    """OfferShippingDetails, one service per service they name (else one service for all of them)."""
    readings: dict[str, ServiceReading] = {}
    named: dict[str, Node] = {}
    for detail in graph.of_type("OfferShippingDetails"):
        service = graph.node(detail, "hasShippingService")
        name = (graph.text(service, "identifier") or graph.text(service, "name")) if service else None
        if name is None and service is not None and not service.blank:
            name = service.key.rsplit("#", 1)[-1].removeprefix("shipping-").rsplit("/", 1)[-1] or None
        if service is not None:
            named.setdefault(name or "shipping", service)
        reading = readings.setdefault(
            name or "shipping", ServiceReading(name=name or "shipping", place=graph.where(detail))
        )
        where = tuple(a for value in graph.values(detail, "shippingDestination") for a in areas(graph, value))
        if graph.boolean(detail, "doesNotShip"):
            reading.excluded += list(where)
            continue
        delivery = graph.node(detail, "deliveryTime")
        reading.handling = reading.handling or days(graph, graph.node(delivery, "handlingTime"))
        reading.cutoff = reading.cutoff or cutoff(graph, delivery)
        reading.business_days = reading.business_days or weekdays(graph, delivery, "businessDays")
        if (transit := days(graph, graph.node(delivery, "transitTime"))) is not None:
            reading.transit.append(transit)
        rate = graph.node(detail, "shippingRate")
        amount = graph.number(rate, "value")
        if amount is None and (amount := graph.number(rate, "maxValue")) is not None:
            out.skip(
                f"{reading.place}: a range of prices to {', '.join(a[0] for a in where)}; the highest is kept"
            )
        if amount is None or not where:
            continue
        reading.rates.add(Condition(where, amount))
        threshold = graph.number(graph.node(detail, "shopterms:freeShippingThreshold"), "value")
        if threshold is not None:
            reading.rates.add(Condition(where, free_from=threshold))
    # In the order the source names the services; details that name none come last.
    ordered = graph.ordered(named.values())
    return sorted(
        readings.values(),
        key=lambda r: ordered.index(named[r.name]) if r.name in named else len(ordered),
    )
