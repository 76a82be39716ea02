"""Delivery services as ShippingService nodes with ShippingConditions per group of destinations; a
service that only reaches local areas (see `destinations`) is listed as a LocalShippingService."""

from __future__ import annotations

from decimal import Decimal

from shopterms.policy.carriers import carrier_name
from shopterms.policy.jsonld.destinations import destination_groups, is_local, regions
from shopterms.policy.jsonld.ids import NodeIds
from shopterms.policy.jsonld.timing import handling_period, transit_period
from shopterms.policy.jsonld.values import KILOGRAM_UNIT, money, money_range, one_or_many, quantity_range
from shopterms.policy.jsonld.vocabulary import JsonObject, member, ours
from shopterms.policy.model import Policy, RateRule, Service, Shipping

FULFILLMENT_TYPE_BY_TYPE = {
    "delivery": "FulfillmentTypeDelivery",
    "collection_point": "FulfillmentTypeCollectionPoint",
}


def shipping_services(policy: Policy, ids: NodeIds) -> tuple[list[JsonObject], list[JsonObject]]:
    """ShippingService nodes, and LocalShippingService nodes for services with only local destinations."""
    if policy.shipping is None:
        return [], []
    services: list[JsonObject] = []
    local_only: list[JsonObject] = []
    for service in policy.shipping.services:
        conditions = shipping_conditions(policy, service)
        if conditions:
            services.append(_service(policy, service, conditions, ids))
        else:
            local_only.append(_local_service(service, ids))
    return services, local_only


def _service(policy: Policy, service: Service, conditions: list[JsonObject], ids: NodeIds) -> JsonObject:
    node: JsonObject = {
        "@type": "ShippingService",
        "@id": ids.shipping_service(service.id),
        "identifier": service.id,
        "name": service.name or service.id,
        "fulfillmentType": member(FULFILLMENT_TYPE_BY_TYPE[service.type]),
        "handlingTime": handling_period(policy, service),
        "shippingConditions": conditions,
    }
    node.update(local_areas(service))
    if service.carriers:
        node[ours("carrier")] = [
            {"@type": "Organization", "name": carrier_name(ref), "identifier": ref}
            for ref in service.carriers
        ]
    node[ours("carrierChoice")] = service.carrier_choice
    if service.delivery_options:
        node[ours("deliveryOption")] = one_or_many(list(service.delivery_options))
    return node


def _local_service(service: Service, ids: NodeIds) -> JsonObject:
    node: JsonObject = {
        "@type": ours("LocalShippingService"),
        "@id": ids.shipping_service(service.id),
        "identifier": service.id,
        "name": service.name or service.id,
    }
    node.update(local_areas(service))
    return node


def local_areas(service: Service) -> JsonObject:
    """Our terms for the areas schema:shippingConditions leaves out or cannot say: local destinations,
    and every excluded area (local or not, so one list names them all)."""
    node: JsonObject = {}
    local = [destination for destination in service.to if is_local(destination)]
    if local:
        node[ours("localDestination")] = regions(local)
    if service.excluded:
        node[ours("doesNotShipTo")] = regions(service.excluded)
    return node


def shipping_conditions(policy: Policy, service: Service) -> list[JsonObject]:
    """Conditions for the destinations schema.org readers take as meant; empty when there are none."""
    currency = policy.shop.currency
    transit = transit_period(service)
    conditions: list[JsonObject] = []
    readable = [destination for destination in service.to if not is_local(destination)]
    for group in destination_groups(service, readable):
        where = regions(group.destinations)
        for rule in group.rules:
            conditions.append(
                {
                    "@type": "ShippingConditions",
                    "shippingDestination": where,
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
                    "shippingDestination": where,
                    "orderValue": money_range(service.free_from, None, currency),
                    "shippingRate": money(Decimal(0), currency),
                    "transitTime": transit,
                }
            )
    excluded = [area for area in service.excluded if not is_local(area)]
    if conditions and excluded:
        conditions.append(
            {"@type": "ShippingConditions", "shippingDestination": regions(excluded), "doesNotShip": True}
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
