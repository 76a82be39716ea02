"""Delivery services in markup: ShippingService nodes with their conditions, and our
LocalShippingService (product pages' OfferShippingDetails: see `markup_offers`).

Each becomes a `ServiceReading`: the service's own facts, its warehouse times (which the policy states
once, see `markup_shipping`), and its conditions (see `markup_rates`). Times and areas are read as
`policy.jsonld.timing` and `destinations` write them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, get_args

from shopterms.policy.drafting import spelling
from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.markup_graph import MarkupGraph, Node
from shopterms.policy.drafting.markup_rates import Area, Condition, Rates, price_range
from shopterms.policy.drafting.markup_shop import country_code
from shopterms.policy.jsonld.values import WEEKDAY_NAMES
from shopterms.policy.model.shipping import DeliveryOption

DAY_BY_NAME = {name: day for day, name in WEEKDAY_NAMES.items()}
OPTIONS = get_args(DeliveryOption)
POUND_IN_KG = Decimal("0.45359237")
KG_BY_UNIT = {"KGM": Decimal(1), "GRM": Decimal("0.001"), "LBR": POUND_IN_KG}


@dataclass
class ServiceReading:
    name: str
    place: str
    key: str | None = None
    type: str = "delivery"
    handling: tuple[int, int] | None = None
    cutoff: str | None = None
    business_days: tuple[str, ...] = ()
    holidays: str | None = None
    timezone: str | None = None
    rates: Rates = field(default_factory=Rates)
    transit: list[tuple[int, int]] = field(default_factory=list)
    delivery_days: list[tuple[str, ...]] = field(default_factory=list)
    local: list[Area] = field(default_factory=list)
    excluded: list[Area] = field(default_factory=list)
    carriers: list[str] = field(default_factory=list)
    carrier_choice: bool = False
    delivery_options: list[str] = field(default_factory=list)

    def common_transit(self) -> tuple[tuple[int, int] | None, tuple[str, ...]]:
        transit = Counter(self.transit).most_common(1)
        days = Counter(self.delivery_days).most_common(1)
        return (transit[0][0] if transit else None), (days[0][0] if days else ())


def days(graph: MarkupGraph, node: Node | None) -> tuple[int, int] | None:
    """Whole days of a QuantitativeValue, or of the duration of a ServicePeriod."""
    node = graph.node(node, "duration") or node
    exact = graph.integer(node, "value")
    low, high = (
        (exact, exact)
        if exact is not None
        else (graph.integer(node, "minValue"), graph.integer(node, "maxValue"))
    )
    if low is None and high is None:
        return None
    return (low if low is not None else high or 0, high if high is not None else low or 0)


def weekdays(graph: MarkupGraph, node: Node | None, name: str) -> tuple[str, ...]:
    """Weekdays given as DayOfWeek members, or inside an OpeningHoursSpecification (Google's form)."""
    specifications = [value for value in graph.nodes(node, name) if graph.states(value)]
    found = [
        *graph.members(node, name),
        *(d for spec in specifications for d in graph.members(spec, "dayOfWeek")),
    ]
    return tuple(day for day, label in WEEKDAY_NAMES.items() if label in found)


def areas(graph: MarkupGraph, value: Any) -> list[Area]:
    if not isinstance(value, Node) or not graph.states(value):
        code = country_code(graph, value)
        return [(code, None, ())] if code else []
    country = next((c for v in graph.values(value, "addressCountry") if (c := country_code(graph, v))), None)
    if country is None:
        return []
    region = graph.text(value, "addressRegion")
    if region and not region.upper().startswith(f"{country}-"):
        region = f"{country}-{region}"
    postal = [*graph.texts(value, "postalCode"), *(f"{p}*" for p in graph.texts(value, "postalCodePrefix"))]
    return [(country, region.upper() if region else None, tuple(postal))]


def read_service(graph: MarkupGraph, node: Node, out: SourceDraft) -> ServiceReading:
    name = graph.text(node, "name") or graph.text(node, "identifier") or "shipping"
    reading = ServiceReading(name=name, place=graph.where(node), key=graph.text(node, "identifier"))
    if graph.member(node, "fulfillmentType") == "FulfillmentTypeCollectionPoint":
        reading.type = "collection_point"
    handling = graph.node(node, "handlingTime")
    reading.handling = days(graph, handling)
    reading.business_days = weekdays(graph, handling, "businessDays")
    reading.cutoff = cutoff(graph, handling)
    reading.holidays = graph.text(handling, "shopterms:holidayCalendar")
    reading.timezone = graph.text(handling, "shopterms:timeZone")
    for condition in graph.nodes(node, "shippingConditions"):
        _condition(graph, condition, reading, out)
    reading.local = [
        a for value in graph.values(node, "shopterms:localDestination") for a in areas(graph, value)
    ]
    stated = [a for value in graph.values(node, "shopterms:doesNotShipTo") for a in areas(graph, value)]
    reading.excluded = stated or reading.excluded
    reading.carriers = [
        graph.text(c, "identifier") or graph.text(c, "name") or ""
        for c in graph.nodes(node, "shopterms:carrier")
    ]
    reading.carrier_choice = graph.boolean(node, "shopterms:carrierChoice") or False
    options = graph.texts(node, "shopterms:deliveryOption")
    reading.delivery_options = [option for option in OPTIONS if option in options]
    return reading


def cutoff(graph: MarkupGraph, handling: Node | None) -> str | None:
    """The local cutoff; without ours, schema.org's time with its UTC offset dropped."""
    text = graph.text(handling, "shopterms:localCutoffTime") or graph.text(handling, "cutoffTime")
    try:
        return spelling.clock(dt.time.fromisoformat(text[:8])) if text else None
    except ValueError:
        return None


def _condition(graph: MarkupGraph, node: Node, reading: ServiceReading, out: SourceDraft) -> None:
    where = tuple(a for value in graph.values(node, "shippingDestination") for a in areas(graph, value))
    if graph.boolean(node, "doesNotShip"):
        reading.excluded += [area for area in where if area not in reading.excluded]
        return
    transit_node = graph.node(node, "transitTime")
    if (transit := days(graph, transit_node)) is not None:
        reading.transit.append(transit)
        reading.delivery_days.append(weekdays(graph, transit_node, "businessDays") or spelling.MON_FRI)
    amount = graph.number(graph.node(node, "shippingRate"), "value")
    if amount is None or not where:
        out.skip(f"{reading.place}: a shipping condition without a price or a destination; left out")
        return
    limits: list[tuple[str, str]] = []
    weight = graph.node(node, "weight")
    if weight is not None:
        factor = KG_BY_UNIT.get(graph.text(weight, "unitCode") or "KGM")
        if factor is None:
            out.skip(f"{reading.place}: weights in {graph.text(weight, 'unitCode')} are not read; left out")
            return
        low, high = graph.number(weight, "minValue"), graph.number(weight, "maxValue")
        if (low or 0) < 0 or (high or 0) < 0:
            out.skip(f"{reading.place}: a negative weight is no range; the condition is left out")
            return
        limits.append(("weight_kg", price_range(low and low * factor, high and high * factor)))
    value_node, items_node = graph.node(node, "orderValue"), graph.node(node, "numItems")
    low, high = graph.number(value_node, "minValue"), graph.number(value_node, "maxValue")
    fewest, most = graph.number(items_node, "minValue"), graph.number(items_node, "maxValue")
    if any((bound or 0) < 0 for bound in (amount, low, high, fewest, most)):
        out.skip(f"{reading.place}: a negative price or range is left out")
        return
    if (
        amount == 0
        and value_node is not None
        and low
        and high is None
        and weight is None
        and items_node is None
    ):
        reading.rates.add(Condition(where, free_from=low))
        return
    if value_node is not None:
        limits.append(("order_value", price_range(low, high)))
    if items_node is not None:
        limits.append(("items", price_range(fewest, most)))
    reading.rates.add(Condition(where, amount, tuple(limits)))
