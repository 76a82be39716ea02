"""Delivery services as ShippingService nodes with ShippingConditions per group of destinations."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from policy.carriers import carrier_name
from policy.jsonld.ids import NodeIds
from policy.jsonld.timing import handling_period, transit_period
from policy.jsonld.values import KILOGRAM_UNIT, money, money_range, one_or_many, quantity_range
from policy.jsonld.vocabulary import JsonObject, member, ours
from policy.model import Destination, Policy, RateRule, Service, Shipping

FULFILLMENT_TYPE_BY_TYPE = {
    "delivery": "FulfillmentTypeDelivery",
    "collection_point": "FulfillmentTypeCollectionPoint",
}


@dataclass(frozen=True)
class DestinationGroup:
    """Destinations of one service that the same price rules apply to."""

    destinations: tuple[Destination, ...]
    rules: tuple[RateRule, ...]


def destination_groups(service: Service) -> list[DestinationGroup]:
    """Destinations grouped by the rules that price them, in the order the policy names them.
    A destination no rule prices is left out: there is no rate to publish for it."""
    grouped: list[tuple[list[Destination], tuple[RateRule, ...]]] = []
    for destination in service.to:
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


def shipping_services(policy: Policy, ids: NodeIds) -> list[JsonObject]:
    if policy.shipping is None:
        return []
    return [_service(policy, service, ids) for service in policy.shipping.services]


def _service(policy: Policy, service: Service, ids: NodeIds) -> JsonObject:
    node: JsonObject = {
        "@type": "ShippingService",
        "@id": ids.shipping_service(service.id),
        "identifier": service.id,
        "name": service.name or service.id,
        "fulfillmentType": member(FULFILLMENT_TYPE_BY_TYPE[service.type]),
        "handlingTime": handling_period(policy, service),
        "shippingConditions": shipping_conditions(policy, service),
    }
    if service.carriers:
        node[ours("carrier")] = [
            {"@type": "Organization", "name": carrier_name(ref), "identifier": ref}
            for ref in service.carriers
        ]
    node[ours("carrierChoice")] = service.carrier_choice
    if service.delivery_options:
        node[ours("deliveryOption")] = one_or_many(list(service.delivery_options))
    return node


def shipping_conditions(policy: Policy, service: Service) -> list[JsonObject]:
    currency = policy.shop.currency
    transit = transit_period(service)
    conditions: list[JsonObject] = []
    for group in destination_groups(service):
        regions = one_or_many([defined_region(destination) for destination in group.destinations])
        for rule in group.rules:
            conditions.append(
                {
                    "@type": "ShippingConditions",
                    "shippingDestination": regions,
                    "shippingRate": money(rule.amount, currency),
                    "transitTime": transit,
                    **_rule_limits(rule, currency),
                }
            )
        if service.free_from is not None:
            # A second, free condition from the threshold on; where both match, the lower rate wins.
            conditions.append(
                {
                    "@type": "ShippingConditions",
                    "shippingDestination": regions,
                    "orderValue": money_range(service.free_from, None, currency),
                    "shippingRate": money(Decimal(0), currency),
                    "transitTime": transit,
                }
            )
    if service.excluded:
        conditions.append(
            {
                "@type": "ShippingConditions",
                "shippingDestination": one_or_many([defined_region(area) for area in service.excluded]),
                "doesNotShip": True,
            }
        )
    return conditions


def _rule_limits(rule: RateRule, currency: str) -> JsonObject:
    limits: JsonObject = {}
    if rule.weight_kg is not None:
        limits["weight"] = quantity_range(rule.weight_kg.min, rule.weight_kg.max, KILOGRAM_UNIT)
    if rule.order_value is not None:
        limits["orderValue"] = money_range(rule.order_value.min, rule.order_value.max, currency)
    if rule.items is not None:
        limits["numItems"] = quantity_range(rule.items.min, rule.items.max)
    return limits


def shipping_terms(shipping: Shipping) -> JsonObject:
    """Organisation-level shipping statements that schema.org has no property for."""
    node: JsonObject = {}
    if shipping.closed:
        # A specification without opening times means closed, here for whole date ranges.
        node[ours("dispatchClosure")] = [
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": span.start.isoformat(),
                "validThrough": span.end.isoformat(),
            }
            for span in shipping.closed
        ]
    if shipping.tracking is not None:
        node[ours("parcelTracking")] = shipping.tracking
    if shipping.on_time_rate is not None:
        node[ours("onTimeDeliveryRate")] = shipping.on_time_rate
    notices = shipping.notifications
    if notices is not None:
        if notices.channels:
            node[ours("notificationChannel")] = list(notices.channels)
        node[ours("notificationChannelChoice")] = notices.channel_choice
        if notices.events:
            node[ours("notificationEvent")] = list(notices.events)
        node[ours("emailToCarrier")] = notices.email_to_carrier
        node[ours("reviewRequests")] = notices.marketing.review_requests
        node[ours("crossSelling")] = notices.marketing.cross_selling
    return node
