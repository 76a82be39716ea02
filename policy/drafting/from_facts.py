"""Neutral export facts (what `policy.export` readers give back from a payload) as draft facts.

Google, UCP and OpenAI feed payloads are read by the export targets' own readers, the inverse of
their writers, into `policy.export.facts`; this module writes those facts at the policy's paths. Each
importer says where in its payload every group of facts was found (`Places`), which becomes the
fact's provenance comment.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from shopterms.policy.drafting import spelling
from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.rate_rules import rate_value
from shopterms.policy.export.facts import Facts, Lane, Returns, ReturnTerms, Service, Shipping


@dataclass
class Places:
    """Where a payload states each group of facts (its paths inside the payload)."""

    shop: str = ""
    links: str = ""
    payment: str = ""
    shipping: str = ""
    services: list[str] = field(default_factory=list)
    terms: Callable[[ReturnTerms], str] = lambda terms: ""
    exclusions: str = ""


def draft_facts(facts: Facts, out: SourceDraft, places: Places) -> None:
    if facts.shop is not None:
        out.add(("shop", "name"), facts.shop.name, places.shop)
        out.add(("shop", "url"), facts.shop.url, places.shop)
        out.add(("shop", "sells_to"), list(facts.shop.sells_to), places.shop)
    if facts.shipping is not None:
        _shipping(facts.shipping, out, places)
    if facts.returns is not None:
        _returns(facts.returns, out, places)
    if facts.links is not None:
        links = facts.links
        for name in ("terms", "privacy", "returns", "shipping", "imprint", "withdrawal"):
            out.add(("legal", f"{name}_url"), getattr(links, name), places.links)
        out.add(("returns", "portal"), links.returns_portal, places.links)
    if facts.payment is not None:
        payment = facts.payment
        out.add(("payment", "charged"), payment.charged, places.payment)
        if payment.invoice_days is not None:
            due = spelling.period(payment.invoice_days, payment.invoice_after or "invoice")
            out.add(("payment", "invoice", "due"), due, places.payment)


def _shipping(shipping: Shipping, out: SourceDraft, places: Places) -> None:
    out.add(("shop", "currency"), shipping.currency or None, places.shipping)
    out.add(("shop", "timezone"), shipping.timezone, places.shipping)
    out.add(("shipping", "handling", "holidays"), shipping.holidays, places.shipping)
    closed = [spelling.date_span(start, end) for start, end in shipping.closed]
    out.add(("shipping", "closed"), closed, places.shipping)
    first = shipping.services[0] if shipping.services else None
    if first is not None:
        where = places.services[0] if places.services else places.shipping
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
        where = places.services[index] if index < len(places.services) else places.shipping
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


def _returns(returns: Returns, out: SourceDraft, places: Places) -> None:
    out.add(("shop", "currency"), returns.currency, places.exclusions)
    terms = list(returns.terms)
    if not terms:
        return
    # The terms of the most countries are the policy's own; the others become by_country overrides.
    base = max(terms, key=lambda t: len(t.countries))
    where = places.terms(base)
    for key, value in _terms(base).items():
        out.add(("returns", key), value, where)
    countries = sorted({country for t in terms for country in t.countries})
    out.add(("returns", "countries"), countries, where)
    if base.seasonal:
        out.add(("returns", "seasonal"), [_season(s) for s in base.seasonal], where)
    if base.refund_days is not None:
        within = spelling.period(base.refund_days, base.refund_after or "arrival")
        out.add(("returns", "refund", "within"), within, where)
    out.add(("returns", "refund", "to"), base.refund_to, where)
    out.add(("returns", "exchange"), base.exchange, where)
    if base.item_conditions and list(base.item_conditions) != ["new"]:
        out.add(("returns", "item_conditions"), list(base.item_conditions), where)
    shared = _terms(base)
    for other in terms:
        if other is base:
            continue
        differing = {key: value for key, value in _terms(other).items() if shared.get(key) != value}
        for key in set(shared) - set(_terms(other)):
            if key in ("cost", "methods"):
                continue
            differing.setdefault(key, None)
        for country in other.countries:
            for key, value in differing.items():
                if value is not None:
                    out.add(("returns", "by_country", country, key), value, places.terms(other))
        lost = [
            name
            for name in ("seasonal", "refund_days", "refund_to", "exchange", "item_conditions")
            if getattr(other, name) != getattr(base, name) and other.window != "none"
        ]
        if lost:
            out.skip(
                f"{places.terms(other)}: {', '.join(lost)} for {', '.join(other.countries)} differ from the "
                "other countries, but a policy states them once for every country (the first are kept)"
            )
    if returns.exclusions:
        out.add(
            ("returns", "not_returnable"),
            [{"items": items, "reason": "other"} for items in returns.exclusions],
            places.exclusions,
            note="reason unknown: set the statutory one",
        )


def _terms(terms: ReturnTerms) -> dict[str, Any]:
    """The fields a country may override (`Terms`), as the policy writes them."""
    if terms.window == "none":
        return {"window": "no returns"}
    values: dict[str, Any] = {
        "window": spelling.period(terms.days or 0, terms.anchor or "delivery")
        if terms.window == "finite"
        else "unlimited"
    }
    if terms.cost == "fixed" and terms.cost_amount is not None:
        values["cost"] = spelling.number(terms.cost_amount)
    elif terms.cost is not None:
        values["cost"] = terms.cost
    if terms.methods:
        values["methods"] = list(terms.methods)
    if terms.label is not None:
        values["label"] = terms.label
    if terms.restocking_percent is not None:
        values["restocking_fee"] = f"{spelling.number(terms.restocking_percent)}%"
    if terms.restocking_amount is not None:
        values["restocking_fee_amount"] = spelling.number(terms.restocking_amount)
    return values


def _season(season: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": season.name, "orders": spelling.date_span(season.start, season.end)}
    if season.until is not None:
        entry["until"] = season.until
    else:
        entry["days"] = season.days
    return entry
