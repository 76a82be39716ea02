"""Offer-level markup for product templates: OfferShippingDetails and the return policies by @id.

An Offer-level detail carries exactly one rate and cannot state an order-value condition, so:
free-from thresholds travel only in shopterms:freeShippingThreshold (a template that knows the
price may publish 0 itself), and a destination priced by several weight, value or item tiers
gets the range of its rates, whose maxValue is what Google reads: never less than the real cost.
Excluded and local areas (see `destinations`) get no OfferShippingDetails, which would need a rate
and times; each detail names its ShippingService by @id, where the organisation lists those areas.
"""

from __future__ import annotations

from shopterms.policy.jsonld.destinations import DestinationGroup, destination_groups, is_local, regions
from shopterms.policy.jsonld.ids import NodeIds
from shopterms.policy.jsonld.returns import return_groups
from shopterms.policy.jsonld.timing import cutoff_time, handling_cutoff, handling_days
from shopterms.policy.jsonld.values import day_span, money, money_range, one_or_many, weekdays
from shopterms.policy.jsonld.vocabulary import JsonObject, member, ours
from shopterms.policy.model import Policy, Service

DELIVERY_METHOD_BY_OPTION = {"parcel_locker": "LockerDelivery", "in_store_pickup": "OnSitePickup"}


def offer_shipping_details(policy: Policy, ids: NodeIds) -> JsonObject:
    node: JsonObject = {"@type": "Offer"}
    details: list[JsonObject] = []
    methods: list[str] = []
    for service in policy.shipping.services if policy.shipping else []:
        readable = [destination for destination in service.to if not is_local(destination)]
        details.extend(
            _details(policy, service, group, ids) for group in destination_groups(service, readable)
        )
        for option in service.delivery_options:
            method = DELIVERY_METHOD_BY_OPTION.get(option)
            if method and member(method) not in methods:
                methods.append(member(method))
    if details:
        node["shippingDetails"] = details
    if methods:
        node["availableDeliveryMethod"] = one_or_many(methods)
    groups = return_groups(policy, ids)
    if groups:
        node["hasMerchantReturnPolicy"] = one_or_many([{"@id": group.node_id} for group in groups])
    return node


def _details(policy: Policy, service: Service, group: DestinationGroup, ids: NodeIds) -> JsonObject:
    currency = policy.shop.currency
    amounts = sorted({rule.amount for rule in group.rules})
    if len(group.rules) == 1 and _unconditional(group):
        rate = money(amounts[0], currency)
    else:
        rate = money_range(amounts[0], amounts[-1], currency)
    delivery: JsonObject = {
        "@type": "ShippingDeliveryTime",
        "handlingTime": day_span(handling_days(policy, service)),
        "transitTime": day_span(service.transit),
    }
    cutoff = handling_cutoff(policy, service)
    if cutoff is not None:
        delivery["cutoffTime"] = cutoff_time(cutoff, policy.shop.timezone)
    if policy.shipping is not None:
        # The form of Google's examples: the warehouse's days as an OpeningHoursSpecification.
        delivery["businessDays"] = {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": weekdays(policy.shipping.handling.business_days),
        }
    node: JsonObject = {
        "@type": "OfferShippingDetails",
        "shippingDestination": regions(group.destinations),
        "shippingRate": rate,
        "deliveryTime": delivery,
        "hasShippingService": {"@id": ids.shipping_service(service.id)},
    }
    if service.free_from is not None:
        node[ours("freeShippingThreshold")] = money(service.free_from, currency)
    return node


def _unconditional(group: DestinationGroup) -> bool:
    return all(
        rule.weight_kg is None and rule.order_value is None and rule.items is None for rule in group.rules
    )
