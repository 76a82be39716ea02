"""Reading a policy into the neutral facts (`policy.export.facts`) that every export starts from."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from shopterms.policy.export import rates
from shopterms.policy.export.facts import (
    METHODS,
    Area,
    Facts,
    Lane,
    Links,
    Payment,
    RateTable,
    Returns,
    ReturnTerms,
    Seasonal,
    Service,
    Shipping,
    Shop,
    Warranty,
)
from shopterms.policy.model import Destination, Policy, Terms
from shopterms.policy.model import Returns as PolicyReturns
from shopterms.policy.model import Service as PolicyService
from shopterms.policy.model import Shipping as PolicyShipping


def read_facts(policy: Policy) -> Facts:
    """Every fact of the policy that some export target covers, in the neutral form."""
    legal = policy.legal
    links = Links(
        terms=legal.terms_url if legal else None,
        privacy=legal.privacy_url if legal else None,
        returns=legal.returns_url if legal else None,
        returns_portal=policy.returns.portal if policy.returns else None,
        shipping=legal.shipping_url if legal else None,
        imprint=legal.imprint_url if legal else None,
        withdrawal=legal.withdrawal_url if legal else None,
    )
    return Facts(
        shop=Shop(name=policy.shop.name, url=policy.shop.url, sells_to=tuple(policy.shop.sells_to)),
        # Returns that cover no country state nothing a target could carry.
        returns=_returns(policy.returns, policy.shop.currency)
        if policy.returns and policy.returns.countries
        else None,
        shipping=_shipping(policy.shipping, policy) if policy.shipping else None,
        links=links if any(links.model_dump().values()) else None,
        payment=_payment(policy),
        warranty=Warranty(years=Decimal(str(legal.guarantee_years)))
        if legal and legal.guarantee_years is not None
        else None,
    )


def _returns(returns: PolicyReturns, currency: str) -> Returns:
    groups: dict[ReturnTerms, list[str]] = {}
    for country in returns.countries:
        groups.setdefault(_terms(returns, returns.for_country(country)), []).append(country)
    terms = tuple(
        terms.model_copy(update={"countries": tuple(sorted(countries))})
        for terms, countries in groups.items()
    )
    defective = returns.defective
    return Returns(
        terms=tuple(sorted(terms, key=lambda item: item.countries)),
        exclusions=tuple(sorted({exclusion.items for exclusion in returns.not_returnable})),
        defective=tuple(sorted(defective.model_fields_set)) if defective else (),
        currency=currency,
    )


def _terms(returns: PolicyReturns, terms: Terms) -> ReturnTerms:
    window = terms.window or returns.window
    if window.type == "none":
        # Without returns the other terms describe returns nobody can make; exchanges may still be offered.
        return ReturnTerms(countries=(), window="none", exchange=returns.exchange)
    cost = terms.cost or returns.cost
    refund = returns.refund
    return ReturnTerms(
        countries=(),
        window=window.type,
        days=window.days,
        anchor=window.after if window.type == "finite" else None,
        cost=cost.type,
        cost_amount=cost.amount,
        methods=_ordered(terms.methods or returns.methods, METHODS),
        label=terms.label,
        restocking_percent=terms.restocking_fee,
        restocking_amount=terms.restocking_fee_amount,
        seasonal=tuple(
            Seasonal(name=s.name, start=s.orders.start, end=s.orders.end, until=s.until, days=s.days)
            for s in returns.seasonal
        ),
        refund_days=refund.days if refund else None,
        refund_after=refund.after if refund and refund.days is not None else None,
        refund_to=refund.to if refund else None,
        exchange=returns.exchange,
        item_conditions=tuple(returns.item_conditions),
    )


def _ordered(values: Iterable[str], order: Iterable[str]) -> tuple[str, ...]:
    chosen = set(values)
    return tuple(value for value in order if value in chosen)


def _area(destination: Destination) -> Area:
    return Area(
        country=destination.country, region=destination.region, postal_codes=tuple(destination.postal_codes)
    )


def _shipping(shipping: PolicyShipping, policy: Policy) -> Shipping:
    holidays = shipping.handling.holidays
    return Shipping(
        currency=policy.shop.currency,
        timezone=policy.shop.timezone,
        services=tuple(_service(service, shipping, policy.shop.currency) for service in shipping.services),
        holidays=None if holidays in (None, "none") else holidays,
        closed=tuple((closure.start, closure.end) for closure in shipping.closed),
    )


def _service(service: PolicyService, shipping: PolicyShipping, currency: str) -> Service:
    handling = service.handling or shipping.handling.days
    by_table: dict[RateTable, list[Area]] = {}
    for destination in service.to:
        where = f"shipping.services[{service.id}] to {destination.label()}"
        rules = rates.rules_for(service.rate, destination.country)
        by_table.setdefault(rates.table(rules, service.free_from, where), []).append(_area(destination))
    return Service(
        key=service.id,
        name=service.name or service.id,
        type=service.type,
        lanes=lanes(by_table.items()),
        handling=(handling.min, handling.max),
        cutoff=service.cutoff or shipping.handling.cutoff,
        handling_weekdays=tuple(shipping.handling.business_days),
        transit=(service.transit.min, service.transit.max),
        transit_weekdays=tuple(service.delivery_days),
        excluded=tuple(sorted((_area(area) for area in service.excluded), key=_area_key)),
        carriers=tuple(service.carriers),
        carrier_choice=service.carrier_choice,
        delivery_options=tuple(service.delivery_options),
    )


def _area_key(area: Area) -> tuple[str, str, tuple[str, ...]]:
    return (area.country, area.region or "", area.postal_codes)


def lanes(pairs: Iterable[tuple[RateTable, Iterable[Area]]]) -> tuple[Lane, ...]:
    """Lanes in canonical form: areas with equal prices together, everything sorted."""
    merged: dict[RateTable, set[Area]] = {}
    for table, areas in pairs:
        merged.setdefault(table, set()).update(areas)
    result = [Lane(areas=tuple(sorted(areas, key=_area_key)), rates=table) for table, areas in merged.items()]
    return tuple(sorted(result, key=lambda lane: _area_key(lane.areas[0])))


def _payment(policy: Policy) -> Payment | None:
    payment = policy.payment
    if payment is None:
        return None
    # When the money is taken concerns every method paid up front; invoices carry their own due date.
    upfront = any(method != "invoice" for method in payment.methods)
    invoice = payment.invoice if "invoice" in payment.methods else None
    return Payment(
        charged=payment.charged if upfront else None,
        invoice_days=invoice.due.days if invoice else None,
        invoice_after=invoice.due.after if invoice else None,
    )
