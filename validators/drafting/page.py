"""A shop page (live or saved HTML) or a JSON-LD document as draft facts.

The markup is read exactly as `shopterms check` and `compare` read it (validators.compare.markup: every
JSON-LD script, microdata and RDFa, one graph), and its post-purchase facts with check's own fact
reader (validators.page.facts): return terms per country, shipping services per destination, contact
points; the shop's identity from the organisation that carries the terms.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from shopterms.policy.drafting import spelling
from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.from_facts import Places, draft_facts
from shopterms.policy.drafting.problems import ImportProblem
from shopterms.policy.export.facts import Area, Facts, RateTable, Returns, ReturnTerms, Service, Shipping
from shopterms.policy.export.reading import lanes
from shopterms.validators.page.facts import GraphFacts, ReturnFact, ShippingFact

CATEGORY_WINDOW = {
    "MerchantReturnFiniteReturnWindow": "finite",
    "MerchantReturnNotPermitted": "none",
    "MerchantReturnUnlimitedWindow": "unlimited",
}
FEES_COST = {
    "FreeReturn": "free",
    "ReturnFeesCustomerResponsibility": "customer_pays",
    "ReturnShippingFees": "fixed",
}
METHODS = {"ReturnByMail": "mail", "ReturnInStore": "in_store", "ReturnAtKiosk": "kiosk"}


def read_page_source(html: str, base_url: str, source: str) -> SourceDraft:
    from shopterms.validators.compare.markup import read_markup

    page, notes = read_markup(html, source, base_url)
    if len(page.graph) == 0:
        detail = f" ({'; '.join(notes)})" if notes else ""
        raise ImportProblem(f"the page has no schema.org markup (JSON-LD, microdata or RDFa){detail}")
    return _draft(page.graph, source, notes, "the page's markup")


def read_jsonld_source(text: str, source: str) -> SourceDraft:
    from shopterms.validators.compare.markup import MarkupError, read_jsonld_document

    try:
        page, notes = read_jsonld_document(text, source)
    except MarkupError as error:
        raise ImportProblem(f"cannot be read as JSON-LD: {error}") from None
    return _draft(page.graph, source, notes, "JSON-LD")


def _draft(graph: Any, source: str, notes: list[str], syntax: str) -> SourceDraft:
    facts = GraphFacts(graph)
    out = SourceDraft(source)
    out.notes.extend(notes)
    _identity(facts, out)
    returns = _returns(list(facts.returns()))
    shipping = _shipping(list(facts.shipping()), out)
    draft_facts(
        Facts(returns=returns, shipping=shipping),
        out,
        Places(
            shipping="ShippingService",
            services=[f"ShippingService {s.name}" for s in shipping.services] if shipping else [],
            terms=lambda terms: f"MerchantReturnPolicy for {', '.join(terms.countries) or 'every country'}",
            exclusions="MerchantReturnPolicy",
        ),
    )
    channels = []
    for contact in facts.contacts():
        kind = "phone" if contact.kind == "telephone" else "email"
        entry = {"type": kind, ("number" if kind == "phone" else "address"): contact.value}
        if entry not in channels:
            channels.append(entry)
    for index, channel in enumerate(channels):
        out.add(("support", "channels", index), channel, f"ContactPoint {channel['type']}")
    if not out.facts:
        raise ImportProblem(
            f"the {syntax} names no shop, return policy, shipping service or contact point "
            f"(found: {', '.join(facts.types_present()) or 'no post-purchase types'})"
        )
    return out


def _identity(facts: GraphFacts, out: SourceDraft) -> None:
    shops = [n for kind in ("OnlineStore", "OnlineBusiness", "Organization") for n in facts.of_type(kind)]
    if not shops:
        return

    def weight(node: Any) -> int:
        terms = ("hasMerchantReturnPolicy", "hasShippingService", "contactPoint", "acceptedPaymentMethod")
        return -sum(bool(facts.objects(node, term)) for term in terms)

    shop = min(shops, key=weight)
    kind = "Organization"
    for name, path in (
        ("name", ("shop", "name")),
        ("legalName", ("shop", "legal_name")),
        ("url", ("shop", "url")),
        ("vatID", ("shop", "vat_id")),
    ):
        out.add(path, facts.text(shop, name), f"{kind} {name}")
    address = facts.one(shop, "address")
    if address is not None:
        for name, key in (
            ("streetAddress", "street"),
            ("postalCode", "postal_code"),
            ("addressLocality", "city"),
            ("addressCountry", "country"),
        ):
            value = facts.text(address, name)
            if key == "country" and value is not None and len(value) != 2:
                out.skip(f"the address country '{value}' is no two-letter code; left out")
                continue
            out.add(("shop", "address", key), value, f"{kind} address.{name}")
    served = [
        code for code in (str(v).strip().upper() for v in facts.objects(shop, "areaServed")) if len(code) == 2
    ]
    out.add(("shop", "sells_to"), served, f"{kind} areaServed")
    ours = "https://shopterms.org/ns#"
    out.add(("shop", "timezone"), facts.text(shop, ours + "timeZone"), f"{kind} shopterms:timeZone")
    for name, key in (
        ("termsUrl", "terms_url"),
        ("privacyUrl", "privacy_url"),
        ("imprintUrl", "imprint_url"),
        ("withdrawalUrl", "withdrawal_url"),
    ):
        out.add(("legal", key), facts.text(shop, ours + name), f"{kind} shopterms:{name}")


def _returns(found: list[ReturnFact]) -> Returns | None:
    by_terms: dict[ReturnTerms, list[str]] = {}
    currency = None
    for fact in found:
        window = CATEGORY_WINDOW.get(fact.category or "", "finite" if fact.days else None)
        if window is None or (window == "finite" and not (fact.days or "").isdigit()):
            continue
        cost = FEES_COST.get(fact.fees or "")
        terms = ReturnTerms(
            countries=(),
            window=window,  # type: ignore[arg-type]
            days=int(fact.days) if window == "finite" and fact.days else None,
            anchor="delivery" if window == "finite" else None,
            cost=cost if window != "none" else None,  # type: ignore[arg-type]
            cost_amount=fact.fee_amount if cost == "fixed" else None,
            methods=tuple(m for n, m in METHODS.items() if n in fact.methods),
        )
        by_terms.setdefault(terms, []).append(fact.country)
    if not by_terms:
        return None
    terms = tuple(
        t.model_copy(update={"countries": tuple(sorted(c for c in countries if c != "*"))})
        for t, countries in by_terms.items()
    )
    return Returns(terms=terms, currency=currency)


def _shipping(found: Iterable[ShippingFact], out: SourceDraft) -> Shipping | None:
    services: dict[str, list[ShippingFact]] = {}
    for fact in found:
        services.setdefault(fact.service or "shipping", []).append(fact)
    result = []
    for name, facts in services.items():
        pairs = []
        for fact in facts:
            if len(fact.rates) > 1:
                out.skip(f"ShippingService {name} to {fact.country}: prices by weight or value are not read")
            amount = min(fact.rates) if fact.rates else None
            if fact.free_from is not None and amount:
                table = RateTable(bands=(_band(fact.free_from),), cells=(amount, Decimal(0)))
            else:
                table = RateTable(cells=(amount,))
            pairs.append((table, [Area(country=fact.country)]))
        first = facts[0]
        handling = first.handling if None not in first.handling else None
        transit = first.transit if None not in first.transit else None
        result.append(
            Service(
                key=name,
                name=name,
                lanes=lanes(pairs),
                handling=handling,  # type: ignore[arg-type]
                transit=transit,  # type: ignore[arg-type]
            )
        )
    if not result:
        return None
    return Shipping(currency="", services=tuple(result))


def _band(free_from: Decimal) -> Any:
    from shopterms.policy.export.facts import Band

    return Band(dimension="order_value", uppers=(free_from - Decimal("0.01"), None))


__all__ = ["read_jsonld_source", "read_page_source", "spelling"]
