"""Neutral shipping facts (`policy.export.facts.Shipping`) at the policy's paths: the warehouse, the
services, and each service's prices as rate rules (the inverse of `policy.export.rates`)."""

from __future__ import annotations

from typing import Any

from shopterms.policy.drafting import spelling
from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.rate_rules import rate_value
from shopterms.policy.export.facts import Lane, Service, Shipping


def draft_shipping(shipping: Shipping, out: SourceDraft, place: str, service_places: list[str]) -> None:
    """The shipping facts at the policy's paths; `service_places` says where each service is written."""
    out.add(("shop", "currency"), shipping.currency or None, place)
    out.add(("shop", "timezone"), shipping.timezone, place)
    out.add(("shipping", "handling", "holidays"), shipping.holidays, place)
    closed = [spelling.date_span(start, end) for start, end in shipping.closed]
    out.add(("shipping", "closed"), closed, place)
    first = shipping.services[0] if shipping.services else None
    if first is not None:
        where = service_places[0] if service_places else place
        if first.handling is not None:
            out.add(("shipping", "handling", "days"), spelling.days(first.handling), where)
        if first.cutoff is not None:
            out.add(("shipping", "handling", "cutoff"), spelling.clock(first.cutoff), where)
        if first.handling_weekdays:
            out.add(
                ("shipping", "handling", "business_days"), spelling.weekdays(first.handling_weekdays), where
            )
    taken: set[str] = set()
    for index, service in enumerate(shipping.services):
        where = service_places[index] if index < len(service_places) else place
        _service(service, first, index, where, taken, out)


def _service(
    service: Service, first: Service | None, index: int, where: str, taken: set[str], out: SourceDraft
) -> None:
    at = ("shipping", "services", index)
    key = (
        service.key
        if spelling.slug(service.key, set()) == service.key
        else spelling.slug(service.name, set())
    )
    sid = spelling.slug(key, taken)
    out.add((*at, "id"), sid, where)
    if service.name != sid:
        out.add((*at, "name"), service.name, where)
    if service.type != "delivery":
        out.add((*at, "type"), service.type, where)
    out.add((*at, "carriers"), list(service.carriers), where)
    if service.carrier_choice:
        out.add((*at, "carrier_choice"), True, where)
    areas = [area for lane in service.lanes for area in lane.areas]
    out.add((*at, "to"), [spelling.destination(a.country, a.region, a.postal_codes) for a in areas], where)
    excluded = [spelling.destination(a.country, a.region, a.postal_codes) for a in service.excluded]
    out.add((*at, "excluded"), [_mapping(item) for item in excluded], where)
    if first is not None and service is not first:
        if service.handling is not None and service.handling != first.handling:
            out.add((*at, "handling"), spelling.days(service.handling), where)
        if service.cutoff is not None and service.cutoff != first.cutoff:
            out.add((*at, "cutoff"), spelling.clock(service.cutoff), where)
        if service.handling_weekdays and service.handling_weekdays != first.handling_weekdays:
            out.skip(
                f"{where}: the service ships on {spelling.weekdays(service.handling_weekdays)}, but a policy "
                f"has one set of warehouse days ({spelling.weekdays(first.handling_weekdays)} is kept)"
            )
    if service.transit is not None:
        out.add((*at, "transit"), spelling.days(service.transit), where)
    if service.transit_weekdays and tuple(service.transit_weekdays) != spelling.MON_FRI:
        out.add((*at, "delivery_days"), spelling.weekdays(service.transit_weekdays), where)
    rate, free_from = _rates(service.lanes)
    out.add((*at, "rate"), rate, where)
    out.add((*at, "free_from"), free_from, where)
    out.add((*at, "delivery_options"), list(service.delivery_options), where)


def _mapping(area: Any) -> Any:
    if isinstance(area, str) and "-" in area:
        return {"country": area.split("-", 1)[0], "region": area}
    return area if isinstance(area, dict) else {"country": area}


def _rates(lanes: tuple[Lane, ...]) -> tuple[Any, Any]:
    """`rate` and `free_from` of a service whose areas may pay different prices."""
    per_lane = [rate_value(lane.rates) for lane in lanes]
    if len({repr(item) for item in per_lane}) == 1:
        return per_lane[0]
    frees = {free for _, free in per_lane}
    free_from = frees.pop() if len(frees) == 1 else None
    if free_from is None and any(free is not None for _, free in per_lane):
        # Thresholds differ between countries: state the free band as a price of its own.
        per_lane = [rate_value(lane.rates, threshold=False) for lane in lanes]
    by_country_flat = all(not isinstance(rate, list) for rate, _ in per_lane) and all(
        area.region is None and not area.postal_codes for lane in lanes for area in lane.areas
    )
    if by_country_flat:
        return {
            area.country: rate for (rate, _), lane in zip(per_lane, lanes, strict=True) for area in lane.areas
        }, free_from
    rules: list[dict[str, Any]] = []
    for (rate, _), lane in zip(per_lane, lanes, strict=True):
        countries = sorted({area.country for area in lane.areas})
        for rule in rate if isinstance(rate, list) else [{"amount": rate}]:
            rules.append(
                {
                    "amount": rule["amount"],
                    "countries": countries,
                    **{k: v for k, v in rule.items() if k != "amount"},
                }
            )
    return rules, free_from
