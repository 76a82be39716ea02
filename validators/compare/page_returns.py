"""Return facts from page markup: the MerchantReturnPolicy that applies to the destination country.

Organisation-level policies (hasMerchantReturnPolicy on the shop) come before offer-level ones, as
Google recommends; among several, the one naming the country comes before one naming none. schema.org
counts merchantReturnDays from delivery; refund time and exchange have no schema.org terms, so they are
known only from our vocabulary (or exchange from refundType ExchangeRefund).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from shopterms.policy.compare.fact import Fact, known, unknown
from shopterms.policy.compare.record import RefundTime, ReturnCost, Returns, ReturnWindow
from shopterms.validators.compare.page_graph import PageGraph, ours, schema
from shopterms.validators.compare.page_places import country_codes

if TYPE_CHECKING:
    from rdflib.term import Node

_CATEGORY = {
    "MerchantReturnFiniteReturnWindow": "finite",
    "MerchantReturnNotPermitted": "none",
    "MerchantReturnUnlimitedWindow": "unlimited",
}
_METHODS = {"ReturnByMail": "mail", "ReturnInStore": "in_store", "ReturnAtKiosk": "kiosk"}


def _countries(page: PageGraph, policy: Node) -> list[str]:
    return [
        code
        for value in page.values(policy, schema("applicableCountry"))
        for code in country_codes(page, value)
    ]


def _chosen(page: PageGraph, org: Node | None, country: str) -> tuple[Node | None, list[str]]:
    """The policy for the country, and the countries every policy names (empty: none names any)."""
    policies = page.of_type("MerchantReturnPolicy")
    own = set(page.values(org, schema("hasMerchantReturnPolicy"))) if org is not None else set()
    ordered = sorted(policies, key=lambda node: (node not in own, page.sort_key(node)))
    named = sorted({code for node in ordered for code in _countries(page, node)})
    for node in ordered:
        if country in _countries(page, node):
            return node, named
    unnamed = [node for node in ordered if not _countries(page, node)]
    return (unnamed[0] if unnamed else None), named


def _window(page: PageGraph, policy: Node, ordered: dt.date) -> tuple[Fact[Any], Fact[Any]]:
    holder = policy
    for season in page.values(policy, schema("returnPolicySeasonalOverride")):
        start, end = page.date(season, schema("startDate")), page.date(season, schema("endDate"))
        if start and end and start <= ordered <= end:
            holder = season
    category = _CATEGORY.get(page.text(holder, schema("returnPolicyCategory")) or "")
    days = page.integer(holder, schema("merchantReturnDays"))
    until = page.date(holder, schema("merchantReturnDays")) if days is None else None
    if category is None and (days is not None or until is not None):
        category = "finite"
    if category is None:
        why = "the markup states no return window (returnPolicyCategory and merchantReturnDays are missing)"
        return unknown(why), unknown(why)
    season_name = page.text(holder, schema("name")) if holder != policy else None
    category_source = page.source(holder, schema("returnPolicyCategory"))
    if category != "finite":
        value = ReturnWindow(type=category, days=None, until=None, seasonal=season_name)
        return known(value, [category_source]), known(
            None, [category_source], f"a window of type {category} has no anchor"
        )
    if days is None and until is None:
        why = "the markup names a finite window but not its days"
        return unknown(why, [category_source]), unknown(why)
    source = page.source(holder, schema("merchantReturnDays"))
    value = ReturnWindow(type="finite", days=days, until=until, seasonal=season_name)
    if until is not None:
        return known(value, [source]), known(None, [source], "a fixed last day has no anchor")
    counted_from = page.text(policy, ours("returnWindowStart"))
    if counted_from in {"delivery", "order", "shipment"}:
        stated = [page.source(policy, ours("returnWindowStart"))]
        return known(value, [source]), known(counted_from, stated)
    return known(value, [source]), known(
        "delivery", [source], "schema.org counts merchantReturnDays from delivery"
    )


def _cost(page: PageGraph, policy: Node) -> Fact[Any]:
    fees = page.text(policy, schema("returnFees"))
    source = page.source(policy, schema("returnFees"))
    amount_node = page.value(policy, schema("returnShippingFeesAmount"))
    if fees == "FreeReturn":
        return known(ReturnCost(type="free", amount=None, currency=None), [source])
    if fees == "ReturnFeesCustomerResponsibility":
        return known(ReturnCost(type="customer_pays", amount=None, currency=None), [source])
    if fees == "ReturnShippingFees":
        amount = page.number(amount_node, schema("value")) if amount_node is not None else None
        if amount is None:
            return known(
                ReturnCost(type="customer_pays", amount=None, currency=None), [source], "no amount stated"
            )
        currency = page.text(amount_node, schema("currency")) if amount_node is not None else None
        sources = [source, page.source(amount_node, schema("value"))] if amount_node is not None else [source]
        if amount == 0:
            return known(ReturnCost(type="free", amount=None, currency=None), sources)
        return known(ReturnCost(type="fixed", amount=float(amount), currency=currency), sources)
    if fees:
        return unknown(f"returnFees {fees} says nothing about the cost of sending goods back", [source])
    return unknown("the markup does not say who pays for return shipping")


def _methods(page: PageGraph, policy: Node) -> Fact[Any]:
    options = page.texts(policy, ours("returnOption"))
    if options:
        return known(options, [page.source(policy, ours("returnOption"))])
    methods = [_METHODS.get(method, method) for method in page.texts(policy, schema("returnMethod"))]
    if methods:
        return known(methods, [page.source(policy, schema("returnMethod"))])
    return unknown("the markup names no return method")


def _refund(page: PageGraph, policy: Node) -> Fact[Any]:
    days = page.integer(policy, ours("refundProcessingDays"))
    after = page.text(policy, ours("refundCountedFrom"))
    if days is None or after not in {"arrival", "withdrawal", "dispatch"}:
        return unknown("the markup states no refund time (schema.org has no term for it)")
    sources = [
        page.source(policy, ours("refundProcessingDays")),
        page.source(policy, ours("refundCountedFrom")),
    ]
    return known(RefundTime(days=days, after=after), sources)


def _exchange(page: PageGraph, policy: Node) -> Fact[Any]:
    stated = page.boolean(policy, ours("exchangeOffered"))
    if stated is not None:
        return known(stated, [page.source(policy, ours("exchangeOffered"))])
    if "ExchangeRefund" in page.texts(policy, schema("refundType")):
        return known(True, [page.source(policy, schema("refundType"))], "refundType lists ExchangeRefund")
    return unknown("the markup does not say whether exchanges are offered")


def page_returns(page: PageGraph, org: Node | None, country: str, ordered: dt.date) -> Returns:
    policy, named = _chosen(page, org, country)
    if policy is None:
        why = (
            f"the markup's return policies cover {', '.join(named)}, not {country}"
            if named
            else "the markup states no return policy"
        )
        facts: dict[str, Fact[Any]] = {name: unknown(why) for name in Returns.model_fields}
        if named:
            listed = [(node, schema("applicableCountry")) for node in page.of_type("MerchantReturnPolicy")]
            facts["covered"] = known(False, page.sources(listed), why)
        return Returns(**facts)
    window, anchor = _window(page, policy, ordered)
    countries = _countries(page, policy)
    covered: Fact[bool] = (
        known(True, [page.source(policy, schema("applicableCountry"))])
        if countries
        else unknown(
            "the return policy names no countries", [page.source(policy, schema("applicableCountry"))]
        )
    )
    return Returns(
        covered=covered,
        window=window,
        anchor=anchor,
        cost=_cost(page, policy),
        methods=_methods(page, policy),
        refund=_refund(page, policy),
        exchange=_exchange(page, policy),
    )
