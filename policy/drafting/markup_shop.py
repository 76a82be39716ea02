"""The shop in markup: the organisation that carries the terms, its identity, and its legal statements.

schema.org gives the identity (name, legalName, url, vatID, address, areaServed); our vocabulary adds
the time zone, the legal pages and periods, and the dispute-resolution statement. The currency is that
of the markup's amounts when they name a single one.
"""

from __future__ import annotations

from typing import Any

from shopterms.policy.drafting import spelling
from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.markup_graph import MarkupGraph, Node

# The properties that make an organisation the one whose terms the markup states.
TERMS = ("hasMerchantReturnPolicy", "hasShippingService", "contactPoint", "acceptedPaymentMethod")
ADDRESS_KEY_BY_PROPERTY = {
    "streetAddress": "street",
    "postalCode": "postal_code",
    "addressLocality": "city",
    "addressRegion": "region",
    "addressCountry": "country",
}
# shopterms:X on the organisation → legal.Y
LEGAL_KEY_BY_TERM = {
    "withdrawalDays": "withdrawal_days",
    "withdrawalUrl": "withdrawal_url",
    "legalGuaranteeYears": "guarantee_years",
    "termsUrl": "terms_url",
    "returnsUrl": "returns_url",
    "shippingInfoUrl": "shipping_url",
    "privacyUrl": "privacy_url",
    "imprintUrl": "imprint_url",
}


def shop_node(graph: MarkupGraph) -> Node | None:
    """The organisation with the most terms, else the seller of an offer, else the first one named."""
    organisations = graph.of_type("Organization")
    if not organisations:
        return None
    sellers = {seller for offer in graph.of_type("Offer") for seller in graph.nodes(offer, "seller")}

    def weight(node: Node) -> tuple[int, bool]:
        return (-sum(bool(graph.values(node, name)) for name in TERMS), node not in sellers)

    return min(organisations, key=lambda node: (*weight(node), organisations.index(node)))


def country_code(graph: MarkupGraph, value: Any) -> str | None:
    """A two-letter country code from a literal or a Country/DefinedRegion node."""
    text = value if isinstance(value, str) else None
    if isinstance(value, Node):
        text = (
            graph.text(value, "addressCountry")
            or graph.text(value, "identifier")
            or graph.text(value, "name")
        )
    code = (text or "").strip().upper()
    return code if len(code) == 2 and code.isascii() and code.isalpha() else None


def ordered_countries(codes: list[str], home: str | None) -> list[str]:
    """Countries without the order markup cannot keep: the home country first, then alphabetically."""
    return sorted(set(codes), key=lambda code: (code != home, code))


def home_country(graph: MarkupGraph, shop: Node | None) -> str | None:
    return country_code(graph, graph.text(graph.node(shop, "address"), "addressCountry"))


def draft_identity(graph: MarkupGraph, shop: Node | None, out: SourceDraft) -> None:
    if shop is not None:
        for name, key in (("name", "name"), ("legalName", "legal_name"), ("url", "url"), ("vatID", "vat_id")):
            out.add(("shop", key), graph.text(shop, name), graph.where(shop, name))
        address = graph.node(shop, "address")
        for name, key in ADDRESS_KEY_BY_PROPERTY.items():
            value = graph.text(address, name)
            if key == "country" and value is not None and country_code(graph, value) is None:
                out.skip(f"the address country '{value}' is no two-letter code; left out")
                continue
            out.add(
                ("shop", "address", key),
                value.upper() if key == "country" and value else value,
                graph.where(shop, f"address.{name}"),
            )
        home = home_country(graph, shop)
        served = [code for value in graph.values(shop, "areaServed") if (code := country_code(graph, value))]
        out.add(("shop", "sells_to"), ordered_countries(served, home), graph.where(shop, "areaServed"))
        out.add(
            ("shop", "timezone"),
            graph.text(shop, "shopterms:timeZone"),
            graph.where(shop, "shopterms:timeZone"),
        )
    currencies = {
        code.upper() for amount in graph.of_type("MonetaryAmount") if (code := graph.text(amount, "currency"))
    }
    if len(currencies) == 1:
        out.add(("shop", "currency"), currencies.pop(), "MonetaryAmount currency (every amount's)")
    elif currencies:
        out.skip(f"the amounts name several currencies ({', '.join(sorted(currencies))}); none is taken")


def draft_legal(graph: MarkupGraph, shop: Node | None, out: SourceDraft) -> None:
    if shop is None:
        return
    for name, key in LEGAL_KEY_BY_TERM.items():
        prop = f"shopterms:{name}"
        if key == "withdrawal_days":
            value: Any = graph.integer(shop, prop)
        elif key == "guarantee_years":
            years = graph.number(shop, prop)
            value = spelling.number(years) if years is not None else None
        else:
            value = graph.text(shop, prop)
        out.add(("legal", key), value, graph.where(shop, prop))
    dispute = graph.node(shop, "shopterms:disputeResolution")
    participates = graph.boolean(dispute, "shopterms:participates")
    if dispute is not None and participates is not None:
        statement: dict[str, Any] = {"participates": participates}
        if body := graph.text(dispute, "name"):
            statement["body"] = body
        if url := graph.text(dispute, "url"):
            statement["url"] = url
        out.add(("legal", "dispute_resolution"), statement, graph.where(shop, "shopterms:disputeResolution"))
