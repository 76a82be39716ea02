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
from shopterms.policy.drafting.from_shipping_facts import draft_shipping
from shopterms.policy.export.facts import Facts, Returns, ReturnTerms


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
    warranty: str = ""


def draft_facts(facts: Facts, out: SourceDraft, places: Places) -> None:
    if facts.shop is not None:
        out.add(("shop", "name"), facts.shop.name, places.shop)
        out.add(("shop", "url"), facts.shop.url, places.shop)
        out.add(("shop", "sells_to"), list(facts.shop.sells_to), places.shop)
    if facts.shipping is not None:
        draft_shipping(facts.shipping, out, places.shipping, places.services)
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
    if facts.warranty is not None:
        years = facts.warranty.years
        whole = years == years.to_integral_value()
        out.add(("legal", "guarantee_years"), int(years) if whole else float(years), places.warranty)


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
