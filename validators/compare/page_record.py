"""A comparison record from a page's schema.org markup, for shops that do not publish a shopterms policy.

The shop is the organisation carrying the most terms (return policies, shipping services, contact
points, payment methods), else the seller of an offer, else the first organisation named. Its facts
come from the markup alone; whatever the markup does not state stays unknown.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from shopterms.policy.compare.fact import Fact, known, unknown
from shopterms.policy.compare.policy_record import destination_of, place_of
from shopterms.policy.compare.record import ComparisonRecord, ShopIdentity, SourceInfo
from shopterms.policy.moment import aware
from shopterms.policy.queries import DestinationQuery
from shopterms.policy.time_zones import zone_or_none
from shopterms.validators.compare.page_delivery import page_delivery
from shopterms.validators.compare.page_graph import PageGraph, ours, schema
from shopterms.validators.compare.page_payment import page_payment
from shopterms.validators.compare.page_returns import page_returns
from shopterms.validators.compare.page_support import page_support

if TYPE_CHECKING:
    from rdflib.term import Node

_TERMS = (
    "hasMerchantReturnPolicy",
    "hasShippingService",
    "contactPoint",
    "acceptedPaymentMethod",
    "paymentAccepted",
)


def shop_node(page: PageGraph) -> Node | None:
    """The organisation whose terms the page states."""
    organisations = page.of_type("Organization")
    if not organisations:
        return None
    sellers = {seller for offer in page.of_type("Offer") for seller in page.values(offer, schema("seller"))}

    def weight(node: Node) -> tuple[int, int]:
        return (-sum(1 for term in _TERMS if page.values(node, schema(term))), node not in sellers)

    return min(organisations, key=lambda node: (*weight(node), page.sort_key(node)))


def _identity(page: PageGraph, org: Node | None) -> ShopIdentity:
    if org is None:
        why = "the markup names no organisation"
        return ShopIdentity(name=unknown(why), url=unknown(why), currency=unknown(why))
    name = page.text(org, schema("name")) or page.text(org, schema("legalName"))
    url = page.text(org, schema("url"))
    # of_type orders nodes by content, never by their random blank-node labels.
    amounts = [
        (code, node)
        for node in page.of_type("MonetaryAmount")
        if (code := page.text(node, schema("currency")))
    ]
    currency: Fact[Any] = (
        known(
            amounts[0][0],
            [page.source(amounts[0][1], schema("currency"))],
            "the currency of the markup's amounts",
        )
        if amounts and len({c for c, _node in amounts}) == 1
        else unknown("the markup's amounts name no single currency")
    )
    return ShopIdentity(
        name=known(name, [page.source(org, schema("name"))])
        if name
        else unknown("the markup names no shop name"),
        url=known(url, [page.source(org, schema("url"))])
        if url
        else unknown("the markup names no home page"),
        currency=currency,
    )


def record_from_page(
    page: PageGraph,
    destination: DestinationQuery | str,
    ordered_at: dt.datetime | str | None = None,
    notes: list[str] | None = None,
) -> ComparisonRecord:
    """The record of a page's markup for a destination and order moment (aware; default now)."""
    place = place_of(destination)
    moment = aware(ordered_at, "ordered_at")
    org = shop_node(page)
    zone = page.text(org, ours("timeZone")) if org is not None else None
    # A page may name any zone at all; only one the time-zone database lists is looked up.
    page_zone = zone_or_none(zone)
    ordered_day = moment.astimezone(page_zone).date() if page_zone is not None else moment.date()
    holders = [org] if org is not None else []
    holders += [offer for offer in page.of_type("Offer")]
    return ComparisonRecord(
        source=SourceInfo(kind="page", location=page.url, notes=list(notes or [])),
        destination=destination_of(place),
        ordered_at=moment,
        shop=_identity(page, org),
        delivery=page_delivery(page, org, place, moment),
        returns=page_returns(page, org, place.country, ordered_day),
        payment=page_payment(page, holders),
        support=page_support(page, org),
    )
