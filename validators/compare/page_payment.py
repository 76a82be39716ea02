"""Payment facts from page markup: acceptedPaymentMethod (PaymentMethod nodes, schema.org and GoodRelations
members, or names) and the older paymentAccepted text, mapped to shopterms method ids.

A name not recognised stays the shop's own as custom:<name>, so nothing is dropped or guessed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from shopterms.policy.compare.fact import Fact, known, unknown
from shopterms.policy.compare.record import InvoiceDue, Payment
from shopterms.policy.model.payment import KNOWN_METHODS
from shopterms.validators.compare.page_graph import PageGraph, ours, schema

if TYPE_CHECKING:
    from rdflib.term import Node

# paymentMethodType members (schema.org) and GoodRelations payment methods, by local name.
_MEMBERS = {
    "ByInvoice": "invoice",
    "DirectDebit": "sepa_direct_debit",
    "ByBankTransferInAdvance": "bank_transfer",
    "COD": "cash_on_delivery",
    "Cash": "cash",
    "CheckInAdvance": "check",
    "PayPal": "paypal",
    "PaymentMethodCreditCard": "card",
    "AmericanExpress": "card",
    "MasterCard": "card",
    "VISA": "card",
    "DinersClub": "card",
    "Discover": "card",
    "JCB": "card",
    "GoogleCheckout": "google_pay",
}
# Names shops write, lower-cased, in English and German.
_NAMES = {
    "credit card": "card",
    "debit card": "card",
    "credit or debit card": "card",
    "kreditkarte": "card",
    "visa": "card",
    "mastercard": "card",
    "american express": "card",
    "paypal": "paypal",
    "invoice": "invoice",
    "rechnung": "invoice",
    "kauf auf rechnung": "invoice",
    "pay by invoice": "invoice",
    "sepa direct debit": "sepa_direct_debit",
    "direct debit": "sepa_direct_debit",
    "lastschrift": "sepa_direct_debit",
    "sepa-lastschrift": "sepa_direct_debit",
    "bank transfer": "bank_transfer",
    "vorkasse": "bank_transfer",
    "überweisung": "bank_transfer",
    "cash on delivery": "cash_on_delivery",
    "nachnahme": "cash_on_delivery",
    "cash": "cash",
    "apple pay": "apple_pay",
    "google pay": "google_pay",
    "klarna": "klarna",
    "amazon pay": "amazon_pay",
    "gift card": "gift_card",
    "gutschein": "gift_card",
    "ideal": "ideal",
    "bancontact": "bancontact",
    "twint": "twint",
    "blik": "blik",
    "sofort": "sofort",
    "giropay": "giropay",
}


def method_id(text: str) -> str:
    """The shopterms id for a method name or member, else custom:<name>."""
    local = re.split(r"[#/]", text.strip())[-1]
    if local in _MEMBERS:
        return _MEMBERS[local]
    lowered = text.strip().lower()
    if lowered in KNOWN_METHODS:
        return lowered
    return _NAMES.get(lowered, f"custom:{text.strip()}")


def _method(page: PageGraph, node: Node) -> str:
    from rdflib import Literal, URIRef

    described = next(page.graph.predicate_objects(node), None) is not None
    if isinstance(node, Literal) or (isinstance(node, URIRef) and not described):
        return method_id(str(node))
    identifier = page.text(node, schema("identifier"))
    if identifier and identifier in KNOWN_METHODS:
        return identifier
    kind = page.text(node, schema("paymentMethodType"))
    if kind and kind in _MEMBERS:
        return _MEMBERS[kind]
    if page.is_a(node, "PaymentCard"):
        return "card"
    name = page.text(node, schema("name")) or identifier
    return method_id(name) if name else "custom:unnamed"


def page_payment(page: PageGraph, holders: list[Node]) -> Payment:
    """Payment from the shop's node (and offers, when the shop states none)."""
    methods: list[str] = []
    pairs: list[tuple[Node, str]] = []
    invoice_nodes: list[Node] = []
    for holder in holders:
        for node in page.values(holder, schema("acceptedPaymentMethod")):
            found = _method(page, node)
            if found not in methods:
                methods.append(found)
            if found == "invoice":
                invoice_nodes.append(node)
            pairs.append((holder, schema("acceptedPaymentMethod")))
        accepted = page.text(holder, schema("paymentAccepted"))
        if accepted:
            methods.extend(
                m
                for part in re.split(r"[,;/]", accepted)
                if part.strip() and (m := method_id(part)) not in methods
            )
            pairs.append((holder, schema("paymentAccepted")))
        if methods:
            break
    if not methods:
        why = "the markup names no accepted payment methods"
        return Payment(
            methods=unknown(why), charged=unknown(why), invoice=unknown(why), invoice_due=unknown(why)
        )
    sources = page.sources(pairs)
    charged_holder = next((h for h in holders if page.text(h, ours("paymentCharged"))), None)
    charged_text = page.text(charged_holder, ours("paymentCharged")) if charged_holder is not None else None
    charged: Fact[Any] = (
        known(charged_text, [page.source(charged_holder, ours("paymentCharged"))])
        if charged_holder is not None and charged_text in {"at_order", "at_shipment", "after_delivery"}
        else unknown("the markup does not say when cards are charged (schema.org has no term for it)")
    )
    offers_invoice = "invoice" in methods
    due: Fact[Any]
    if not offers_invoice:
        due = known(None, sources, "invoice is not among the payment methods")
    else:
        terms = next((n for n in invoice_nodes if page.integer(n, ours("invoiceDueDays")) is not None), None)
        after = page.text(terms, ours("invoiceDueAfter")) if terms is not None else None
        days = page.integer(terms, ours("invoiceDueDays")) if terms is not None else None
        if terms is not None and days is not None and after in {"invoice", "delivery", "shipment", "order"}:
            due_sources = [
                page.source(terms, ours("invoiceDueDays")),
                page.source(terms, ours("invoiceDueAfter")),
            ]
            due = known(InvoiceDue(days=days, after=after), due_sources)
        else:
            due = unknown(
                "the markup offers invoice but does not say when it is due (schema.org has no term for it)"
            )
    return Payment(
        methods=known(methods, sources),
        charged=charged,
        invoice=known(offers_invoice, sources),
        invoice_due=due,
    )
