"""Payment in markup: accepted methods, when cards are charged, and invoice terms (the inverse of
`policy.jsonld.payment`).

A method is known by our identifier, else by schema.org's paymentMethodType or PaymentCard, else by its
name (`PayPal`, `Kreditkarte` is not guessed: an unknown name becomes `custom:<name>`). GoodRelations
method IRIs, which older pages still use, and the organisation's paymentAccepted text are read too.
"""

from __future__ import annotations

from typing import Any

from shopterms.policy.drafting import spelling
from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.markup_graph import MarkupGraph, Node
from shopterms.policy.jsonld.payment import PAYMENT_METHOD_TYPE_BY_METHOD
from shopterms.policy.model.payment import CUSTOM_METHOD_PREFIX, KNOWN_METHODS, METHOD_NAMES_BY_ID

METHOD_BY_TYPE = {member: method for method, member in PAYMENT_METHOD_TYPE_BY_METHOD.items()}
METHOD_BY_NAME = {name.lower(): method for method, name in METHOD_NAMES_BY_ID.items()} | {
    method.replace("_", " "): method for method in KNOWN_METHODS
}
METHOD_BY_NAME.update({"credit card": "card", "debit card": "card", "visa": "card", "mastercard": "card"})
GOODRELATIONS = "http://purl.org/goodrelations/v1#"
METHOD_BY_GOODRELATIONS = {
    "PayPal": "paypal",
    "ByInvoice": "invoice",
    "ByBankTransferInAdvance": "bank_transfer",
    "COD": "cash_on_delivery",
    "Cash": "cash",
    "DirectDebit": "sepa_direct_debit",
    "CheckInAdvance": "check",
    "MasterCard": "card",
    "VISA": "card",
    "AmericanExpress": "card",
    "DinersClub": "card",
    "Discover": "card",
    "JCB": "card",
}
INVOICE_TERMS = {"invoiceSent": "sent", "paymentProvider": "provider"}


def draft_payment(graph: MarkupGraph, shop: Node | None, out: SourceDraft) -> None:
    if shop is None:
        return
    methods: list[str] = []
    invoice: Node | None = None
    for value in graph.values(shop, "acceptedPaymentMethod"):
        method = _method(graph, value)
        if method is None:
            out.skip(
                f"the payment method {value if isinstance(value, str) else graph.where(value)} is not read"
            )
            continue
        if method not in methods:
            methods.append(method)
        if method == "invoice" and isinstance(value, Node):
            invoice = value
    for name in (part.strip() for text in graph.texts(shop, "paymentAccepted") for part in text.split(",")):
        method = METHOD_BY_NAME.get(name.lower()) or (CUSTOM_METHOD_PREFIX + name if name else None)
        if method and method not in methods:
            methods.append(method)
    out.add(("payment", "methods"), methods, graph.where(shop, "acceptedPaymentMethod"))
    charged = graph.text(shop, "shopterms:paymentCharged")
    out.add(("payment", "charged"), charged, graph.where(shop, "shopterms:paymentCharged"))
    if invoice is not None:
        for name, key in INVOICE_TERMS.items():
            prop = f"shopterms:{name}"
            out.add(("payment", "invoice", key), graph.text(invoice, prop), graph.where(invoice, prop))
        days = graph.integer(invoice, "shopterms:invoiceDueDays")
        if days is not None:
            due = spelling.period(days, graph.text(invoice, "shopterms:invoiceDueAfter") or "invoice")
            out.add(("payment", "invoice", "due"), due, graph.where(invoice, "shopterms:invoiceDueDays"))


def _method(graph: MarkupGraph, value: Any) -> str | None:
    if isinstance(value, str) or not graph.states(value):
        text = value if isinstance(value, str) else value.key
        if text.startswith(GOODRELATIONS):
            return METHOD_BY_GOODRELATIONS.get(text[len(GOODRELATIONS) :])
        return METHOD_BY_NAME.get(text.strip().lower())
    identifier = graph.text(value, "identifier")
    if identifier in KNOWN_METHODS or (identifier or "").startswith(CUSTOM_METHOD_PREFIX):
        return identifier
    if graph.is_a(value, "PaymentCard"):
        return "card"
    kind = METHOD_BY_TYPE.get(graph.member(value, "paymentMethodType") or "")
    if kind is not None:
        return kind
    name = graph.text(value, "name")
    if name is None:
        return None
    return METHOD_BY_NAME.get(name.lower(), CUSTOM_METHOD_PREFIX + name)
