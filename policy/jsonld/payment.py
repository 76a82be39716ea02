"""Accepted payment methods as PaymentMethod nodes, with our terms for timing and invoice due dates."""

from __future__ import annotations

from shopterms.policy.jsonld.ids import NodeIds
from shopterms.policy.jsonld.vocabulary import JsonObject, member, ours
from shopterms.policy.model import Payment
from shopterms.policy.model.payment import method_name

# Methods that one of schema.org's PaymentMethodType members describes exactly. Wallets, card
# schemes and instant-transfer brands have no member; they are named instead of forced into one.
PAYMENT_METHOD_TYPE_BY_METHOD = {
    "invoice": "ByInvoice",
    "sepa_direct_debit": "DirectDebit",
    "bank_transfer": "ByBankTransferInAdvance",
    "cash_on_delivery": "COD",
    "cash": "Cash",
    "check": "CheckInAdvance",
}


def payment_methods(payment: Payment, ids: NodeIds) -> list[JsonObject]:
    return [_method(payment, method, ids) for method in payment.methods]


def _method(payment: Payment, method: str, ids: NodeIds) -> JsonObject:
    # Cards are their own schema.org subclass of PaymentMethod.
    node: JsonObject = {
        "@type": "PaymentCard" if method == "card" else "PaymentMethod",
        "@id": ids.payment_method(method),
        "name": method_name(method),
        "identifier": method,
    }
    if method in PAYMENT_METHOD_TYPE_BY_METHOD:
        node["paymentMethodType"] = member(PAYMENT_METHOD_TYPE_BY_METHOD[method])
    if method == "invoice" and payment.invoice is not None:
        node[ours("invoiceSent")] = payment.invoice.sent
        node[ours("invoiceDueDays")] = payment.invoice.due.days
        node[ours("invoiceDueAfter")] = payment.invoice.due.after
        if payment.invoice.provider:
            node[ours("paymentProvider")] = payment.invoice.provider
    return node


def payment_terms(payment: Payment) -> JsonObject:
    """Organisation-level statements about payment that schema.org has no property for."""
    return {ours("paymentCharged"): payment.charged}
