"""What the shop-level columns of the OpenAI product feed can say, and what they cannot.

The feed states one return policy for every product row (no countries), a return window without an
anchor (read here as days after delivery, as the EU counts), and one flat price per country, region
and service, without delivery times.
"""

from __future__ import annotations

from shopterms.policy.export import coarsening, rates
from shopterms.policy.export.facts import (
    Area,
    Links,
    RateTable,
    Returns,
    ReturnTerms,
    Service,
    Shipping,
    Shop,
)
from shopterms.policy.export.loss import LossLog
from shopterms.policy.export.reading import lanes as canonical_lanes

NAME_LIMIT = 70
SEPARATORS = (":", ";")


def narrow_shop(shop: Shop, log: LossLog) -> Shop:
    name = shop.name
    if len(name) > NAME_LIMIT:
        log.add(f"shop.name '{name}'", f"seller_name holds {NAME_LIMIT} characters; the name is shortened")
        name = name[:NAME_LIMIT]
    return Shop(name=name, url=shop.url)


def narrow_links(links: Links | None, log: LossLog) -> Links | None:
    if links is None:
        return None
    url = coarsening.return_policy_url(links)
    for field in ("shipping", "imprint", "withdrawal"):
        if getattr(links, field):
            log.add(f"legal.{field}_url", "the feed has no column for this page")
    if links.returns and links.returns_portal:
        log.add("returns.portal", "the feed has one return page, return_policy; it names legal.returns_url")
    return Links(terms=links.terms, privacy=links.privacy, returns=url)


def narrow_returns(returns: Returns, sells_to: tuple[str, ...], log: LossLog) -> Returns:
    # One policy for every row: the terms that hold in the most countries, on a tie those of the first
    # country sold to (the home country unless the policy lists others first).
    first = sells_to[0] if sells_to else ""
    chosen = (
        max(returns.terms, key=lambda t: (len(t.countries), first in t.countries)) if returns.terms else None
    )
    for terms in returns.terms:
        if terms is not chosen:
            log.add(
                f"{coarsening.where(terms)}: {coarsening.window_text(terms)}",
                f"the feed states one return policy; it states the one for {', '.join(chosen.countries)}"
                if chosen
                else "the feed states one return policy",
            )
    if chosen is not None and set(chosen.countries) != set(sells_to):
        log.add(
            f"returns.countries {', '.join(chosen.countries)}",
            f"the feed's return columns hold for every country sold to ({', '.join(sells_to)})",
        )
    for items in returns.exclusions:
        log.add(f"returns.not_returnable '{items}'", "the feed's shop-level columns cannot exclude goods")
    if returns.defective:
        log.add(
            f"returns.defective ({', '.join(returns.defective)})", "the feed has no terms for defective goods"
        )
    stated = () if chosen is None else (_narrow_terms(chosen, returns.currency, log),)
    return Returns(terms=stated, currency=None)


def _narrow_terms(terms: ReturnTerms, currency: str | None, log: LossLog) -> ReturnTerms:
    where = coarsening.where(terms)

    def lost(fact: str, reason: str) -> None:
        log.add(f"{where}: {fact}", reason)

    if terms.window == "finite" and terms.days == 0:
        lost("window 0 days", "return_deadline_in_days is a positive number; the feed states no returns")
        return ReturnTerms(countries=(), window="none", exchange=terms.exchange)
    if terms.window == "unlimited":
        lost("window unlimited", "the feed cannot say unlimited; it states returns accepted with no deadline")
    if terms.window == "finite" and terms.anchor != "delivery":
        lost(
            f"window {coarsening.window_text(terms)}",
            "the feed's return deadline names no event; it is read as days after delivery",
        )
    if terms.cost is not None:
        amount = f" {coarsening.money(terms.cost_amount, currency)}" if terms.cost_amount is not None else ""
        lost(f"cost {terms.cost}{amount}", "the feed has no column for return shipping costs")
    if terms.methods and terms.methods != ("mail",):
        lost(f"methods {', '.join(terms.methods)}", "the feed has no column for return methods")
    facts = {
        "label": terms.label,
        "restocking_fee": terms.restocking_percent,
        "restocking_fee_amount": terms.restocking_amount,
        "refund within days": terms.refund_days,
    }
    for name, value in facts.items():
        if value is not None:
            lost(f"{name} {value}", "the feed has no column for it")
    if terms.refund_to not in (None, "original_payment"):
        lost(f"refund to {terms.refund_to}", "the feed cannot say where a refund goes")
    for season in terms.seasonal:
        lost(f"seasonal '{season.name}'", "the feed has no return windows by order date")
    others = [c for c in terms.item_conditions if c != "new"]
    if others:
        lost(f"item_conditions {', '.join(others)}", "the feed's return columns do not name item conditions")
    return ReturnTerms(
        countries=(),
        window=terms.window,
        days=terms.days,
        anchor="delivery" if terms.window == "finite" else None,
        exchange=terms.exchange,
    )


def narrow_shipping(shipping: Shipping, log: LossLog) -> Shipping:
    if shipping.holidays:
        log.add(f"shipping.handling.holidays {shipping.holidays}", "the feed states no delivery times")
    for start, end in shipping.closed:
        log.add(f"shipping.closed {start}..{end}", "the feed states no delivery times")
    names = [service.name for service in shipping.services]
    services = []
    for service in shipping.services:
        name = service.name if names.count(service.name) == 1 else f"{service.name} [{service.key}]"
        narrowed = _narrow_service(service, name, shipping.currency, log)
        if narrowed.lanes:
            services.append(narrowed)
    return Shipping(currency=shipping.currency, services=tuple(services))


def _narrow_service(service: Service, name: str, currency: str, log: LossLog) -> Service:
    where = coarsening.service_where(service)
    for separator in SEPARATORS:
        if separator in name:
            log.add(
                f"{where}.name '{service.name}'",
                f"'{separator}' separates the feed's shipping entries; it is written as '-'",
            )
            name = name.replace(separator, "-")
    times = []
    if service.handling:
        times.append(f"handling {service.handling[0]}-{service.handling[1]}")
    if service.transit:
        times.append(f"transit {service.transit[0]}-{service.transit[1]} business days")
    if service.cutoff:
        times.append(f"cutoff {service.cutoff.isoformat('minutes')}")
    if times:
        log.add(f"{where}: {', '.join(times)}", "the feed's shipping entries state no delivery times")
    informative = {
        "carriers": ", ".join(service.carriers),
        "carrier_choice": "yes" if service.carrier_choice else "",
        "delivery_options": ", ".join(service.delivery_options),
        "type": "collection_point" if service.type == "collection_point" else "",
        "excluded": ", ".join(a.label() for a in service.excluded),
    }
    for field, value in informative.items():
        if value:
            log.add(f"{where}.{field} {value}", "the feed's shipping entries have no place for it")
    pairs: list[tuple[RateTable, list[Area]]] = []
    for lane in service.lanes:
        table = lane.rates
        if table.bands:
            log.add(
                f"{where} to {', '.join(a.label() for a in lane.areas)}: {rates.describe(table, currency)}",
                "a feed shipping entry has one price; the price of the smallest order is stated",
            )
            while table.bands:
                table = rates.first_band_slice(table, table.bands[0].dimension)
        areas = []
        for area in lane.areas:
            if area.postal_codes:
                log.add(f"{where}.to {area.label()}", "feed shipping entries name no postal codes; left out")
            else:
                areas.append(area)
        if table.cells[0] is not None and areas:
            pairs.append((table, areas))
    return Service(key=name, name=name, lanes=canonical_lanes(pairs))
