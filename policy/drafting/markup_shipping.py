"""Shipping in markup as the policy's shipping section: the warehouse, the services, and our terms for
closures, tracking, the on-time rate and notifications.

Every ShippingService states its own handling time, cutoff and business days; the policy states them
once for the warehouse, with per-service overrides. The warehouse gets what most services state (on a
tie, the first service's), and each service that differs gets its own `handling` or `cutoff`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, TypeVar, get_args

from shopterms.policy.drafting import spelling
from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.markup_graph import MarkupGraph, Node
from shopterms.policy.drafting.markup_offers import read_offer_details
from shopterms.policy.drafting.markup_rates import area_order, service_rate, spelled
from shopterms.policy.drafting.markup_services import ServiceReading, read_service
from shopterms.policy.model.shipping import Channel, ShippingEvent

T = TypeVar("T")
CHANNELS, EVENTS = get_args(Channel), get_args(ShippingEvent)


def _most_common(values: list[T]) -> T | None:
    found = Counter(values).most_common(1)
    return found[0][0] if found else None


def draft_shipping(graph: MarkupGraph, shop: Node | None, out: SourceDraft, home: str | None) -> None:
    nodes = [*graph.nodes(shop, "hasShippingService"), *graph.nodes(shop, "shopterms:localShippingService")]
    if not nodes:
        nodes = [*graph.of_type("ShippingService"), *graph.of_type("shopterms:LocalShippingService")]
    readings = [read_service(graph, node, out) for node in graph.ordered(nodes) if graph.states(node)]
    if not readings:
        readings = read_offer_details(graph, out)
    if readings:
        warehouse = _warehouse(readings, out)
        taken: set[str] = set()
        for index, reading in enumerate(readings):
            _service(reading, index, warehouse, taken, home, out)
    if shop is not None:
        _shipping_terms(graph, shop, out)


def _warehouse(readings: list[ServiceReading], out: SourceDraft) -> dict[str, Any]:
    timed = [reading for reading in readings if reading.handling is not None]
    warehouse: dict[str, Any] = {
        "days": _most_common([r.handling for r in timed]),
        "cutoff": _most_common([r.cutoff for r in timed]),
        "business_days": _most_common([r.business_days for r in timed if r.business_days]),
        "holidays": next((r.holidays for r in readings if r.holidays), None),
    }
    place = next((f"{r.place} handlingTime" for r in timed), "")
    if warehouse["days"] is not None:
        out.add(("shipping", "handling", "days"), spelling.days(warehouse["days"]), place)
    out.add(("shipping", "handling", "cutoff"), warehouse["cutoff"], place)
    if warehouse["business_days"] and warehouse["business_days"] != spelling.MON_FRI:
        out.add(
            ("shipping", "handling", "business_days"), spelling.weekdays(warehouse["business_days"]), place
        )
    out.add(("shipping", "handling", "holidays"), warehouse["holidays"], place)
    out.add(("shop", "timezone"), next((r.timezone for r in readings if r.timezone), None), place)
    for reading in timed:
        if reading.business_days and reading.business_days != warehouse["business_days"]:
            out.skip(
                f"{reading.place}: the warehouse ships on {spelling.weekdays(reading.business_days)} "
                "for this service, but a policy has one set of warehouse days"
            )
    return warehouse


def _service(
    reading: ServiceReading,
    index: int,
    warehouse: dict[str, Any],
    taken: set[str],
    home: str | None,
    out: SourceDraft,
) -> None:
    at, where = ("shipping", "services", index), reading.place
    key = reading.key if reading.key and spelling.slug(reading.key, set()) == reading.key else reading.name
    sid = spelling.slug(key, taken)
    out.add((*at, "id"), sid, where)
    if reading.name != sid:
        out.add((*at, "name"), reading.name, where)
    if reading.type != "delivery":
        out.add((*at, "type"), reading.type, where)
    out.add((*at, "carriers"), [carrier for carrier in reading.carriers if carrier], where)
    if reading.carrier_choice:
        out.add((*at, "carrier_choice"), True, where)
    areas = {area for group in reading.rates.groups for area in group} | set(reading.local)
    out.add((*at, "to"), [spelled(area) for area in sorted(areas, key=area_order(home))], where)
    excluded = sorted(set(reading.excluded), key=area_order(home))
    out.add((*at, "excluded"), [spelled(area) for area in excluded], where)
    if reading.handling is not None and reading.handling != warehouse["days"]:
        out.add((*at, "handling"), spelling.days(reading.handling), f"{where} handlingTime")
    if reading.handling is not None and reading.cutoff != warehouse["cutoff"]:
        if reading.cutoff is None:
            out.skip(f"{where} has no cutoff, but the other services' {warehouse['cutoff']} holds for it too")
        out.add((*at, "cutoff"), reading.cutoff, f"{where} handlingTime")
    transit, delivery_days = reading.common_transit()
    if len(set(reading.transit)) > 1:
        out.skip(
            f"{where}: transit times differ by destination; a service states one "
            f"({spelling.days(transit or (0, 0))})"
        )
    if transit is not None:
        out.add((*at, "transit"), spelling.days(transit), f"{where} transitTime")
    if delivery_days and delivery_days != spelling.MON_FRI:
        out.add((*at, "delivery_days"), spelling.weekdays(delivery_days), f"{where} transitTime")
    rate, free_from = service_rate(reading.rates, where, home, out)
    out.add((*at, "rate"), rate, f"{where} shippingConditions")
    out.add((*at, "free_from"), free_from, f"{where} shippingConditions")
    if rate is None and not reading.rates.groups:
        out.skip(f"{where} states no price or transit time (it reaches only {len(areas)} local area(s))")
    out.add((*at, "delivery_options"), reading.delivery_options, where)


def _shipping_terms(graph: MarkupGraph, shop: Node, out: SourceDraft) -> None:
    closures = []
    for closure in graph.nodes(shop, "shopterms:dispatchClosure"):
        start, end = graph.date(closure, "validFrom"), graph.date(closure, "validThrough")
        if start is not None and end is not None:
            closures.append((start, end))
    closed = [spelling.date_span(start, end) for start, end in sorted(closures)]
    out.add(("shipping", "closed"), closed, graph.where(shop, "shopterms:dispatchClosure"))
    out.add(
        ("shipping", "tracking"),
        graph.boolean(shop, "shopterms:parcelTracking"),
        graph.where(shop, "shopterms:parcelTracking"),
    )
    rate = graph.number(shop, "shopterms:onTimeDeliveryRate")
    out.add(
        ("shipping", "on_time_rate"),
        None if rate is None else float(rate),
        graph.where(shop, "shopterms:onTimeDeliveryRate"),
    )
    _notifications(graph, shop, out)


# Our notification terms by the keys they fill under shipping.notifications.
NOTIFICATION_KEY_BY_TERM = {
    "notificationChannel": ("channels",),
    "notificationChannelChoice": ("channel_choice",),
    "notificationEvent": ("events",),
    "emailToCarrier": ("email_to_carrier",),
    "reviewRequests": ("marketing", "review_requests"),
    "crossSelling": ("marketing", "cross_selling"),
}


def _notifications(graph: MarkupGraph, shop: Node, out: SourceDraft) -> None:
    """Our notification terms; values that are the policy's defaults are left out, unless all are."""
    written: list[tuple[str, ...]] = []
    for name, key in NOTIFICATION_KEY_BY_TERM.items():
        prop = f"shopterms:{name}"
        value: Any = graph.text(shop, prop)
        if key == ("channels",):
            value = [channel for channel in CHANNELS if channel in graph.texts(shop, prop)]
        elif key == ("events",):
            value = [event for event in EVENTS if event in graph.texts(shop, prop)]
        elif key == ("channel_choice",):
            value = graph.boolean(shop, prop)
        if value not in (None, [], False, "never"):
            out.add(("shipping", "notifications", *key), value, graph.where(shop, prop))
            written.append(key)
    carrier = graph.text(shop, "shopterms:emailToCarrier")
    if not written and carrier is not None:
        where = graph.where(shop, "shopterms:emailToCarrier")
        out.add(("shipping", "notifications", "email_to_carrier"), carrier, where)
