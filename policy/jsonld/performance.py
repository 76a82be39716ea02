"""Measured performance in the JSON-LD: a DeliveryPerformance node (our vocabulary) per published cell,
on the ShippingService it measures, and one for every service together on the OnlineStore.

schema.org has no words for measured delivery performance, so every term is ours (schemas/shopterms.ttl);
the destination is a schema:DefinedRegion outside schema:shippingDestination, where no reader takes it
for a shipping condition. Only published cells appear: a withheld cell is not in the graph at all.
Each node carries its period, sample sizes, the publication minimum and the method, so an agent can
weigh a figure by what it rests on.
"""

from __future__ import annotations

from typing import Any

from shopterms.policy.evidence.figures import DeliveryPerformance, PerformanceCell
from shopterms.policy.evidence.tally import ALL
from shopterms.policy.jsonld.ids import NodeIds
from shopterms.policy.jsonld.vocabulary import JsonObject, ours
from shopterms.policy.model import Policy

METHOD_SUMMARY = (
    "Each parcel judged against the delivery promise of the terms in force when it was ordered (cutoff, "
    "business days, regional public holidays, closures); on time = delivered by the latest promised day; "
    "lead time in business days of the destination from the day the order counts from; percentiles "
    "nearest-rank (shopterms evidence method {version})."
)


def _destination(cell: PerformanceCell) -> JsonObject:
    node: JsonObject = {"@type": "DefinedRegion", "addressCountry": cell.country}
    if cell.region:
        node["addressRegion"] = cell.region.split("-", 1)[1]
    return node


def performance_node(cell: PerformanceCell, performance: DeliveryPerformance) -> JsonObject:
    """One cell's figures; figures without a sample are left out rather than written as null."""
    node: JsonObject = {"@type": ours("DeliveryPerformance")}
    if cell.country != ALL:
        node[ours("measuredDestination")] = _destination(cell)
    values: list[tuple[str, Any]] = [
        ("measurementPeriod", performance.period.interval),
        ("measuredAt", performance.computed_at.isoformat()),
        ("measurementMethod", METHOD_SUMMARY.format(version=performance.method_version)),
        ("minimumSampleSize", performance.minimum_parcels),
        ("sampleSize", cell.parcels),
        ("onTimeDeliveryRate", cell.on_time_rate),
        ("dispatchSampleSize", cell.dispatched),
        ("dispatchOnTimeRate", cell.dispatch_on_time_rate),
        ("leadTimeSampleSize", cell.delivered),
    ]
    lead, calendar, refund = cell.lead_time_business_days, cell.lead_time_calendar_days, cell.refund_days
    if lead is not None:
        values += [("medianLeadTimeBusinessDays", lead.p50), ("p90LeadTimeBusinessDays", lead.p90)]
    if calendar is not None:
        values += [("medianLeadTimeDays", calendar.p50), ("p90LeadTimeDays", calendar.p90)]
    if cell.refunds:
        values.append(("refundSampleSize", cell.refunds))
    if refund is not None:
        values += [("medianRefundDays", refund.p50), ("p90RefundDays", refund.p90)]
    values.append(("refundOnTimeRate", cell.refund_on_time_rate))
    node.update({ours(name): value for name, value in values if value is not None})
    return node


def with_performance(
    document: JsonObject, policy: Policy, performance: DeliveryPerformance | None
) -> JsonObject:
    """`document` (from compile_policy) with the published figures laid onto its nodes."""
    if performance is None:
        return document
    published = performance.published_only()
    ids = NodeIds(policy.shop.url)
    by_service: dict[str, list[JsonObject]] = {}
    for cell in published.cells:
        by_service.setdefault(ids.shipping_service(cell.service), []).append(
            performance_node(cell, published)
        )
    graph = []
    for node in document["@graph"]:
        if node.get("@id") == ids.organization:
            node = _with_services(dict(node), by_service)
            if published.overall is not None:
                node[ours("deliveryPerformance")] = performance_node(published.overall, published)
        graph.append(node)
    return {**document, "@graph": graph}


def _with_services(organization: JsonObject, by_service: dict[str, list[JsonObject]]) -> JsonObject:
    for key in ("hasShippingService", ours("localShippingService")):
        services = organization.get(key)
        if services is None:
            continue
        listed = services if isinstance(services, list) else [services]
        updated = []
        for service in listed:
            cells = by_service.get(service.get("@id"))
            updated.append({**service, ours("deliveryPerformance"): cells} if cells else service)
        organization[key] = updated if isinstance(services, list) else updated[0]
    return organization
