"""Accepted payment methods as PaymentMethod nodes, with our terms for timing and invoice due dates."""

from __future__ import annotations

from policy.jsonld.ids import NodeIds
from policy.jsonld.vocabulary import JsonObject, member, ours
from policy.model import Payment

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
METHOD_NAMES = {
    "card": "Credit or debit card",
    "paypal": "PayPal",
    "invoice": "Invoice",
    "sepa_direct_debit": "SEPA Direct Debit",
    "bank_transfer": "Bank transfer in advance",
    "cash_on_delivery": "Cash on delivery",
    "cash": "Cash",
    "apple_pay": "Apple Pay",
    "google_pay": "Google Pay",
    "klarna": "Klarna",
    "instalments": "Instalments",
    "gift_card": "Gift card",
    "ideal": "iDEAL",
    "bancontact": "Bancontact",
    "twint": "TWINT",
    "blik": "BLIK",
    "sofort": "Sofort",
    "giropay": "giropay",
    "amazon_pay": "Amazon Pay",
    "check": "Cheque",
}
CUSTOM_PREFIX = "custom:"


def method_name(method: str) -> str:
    if method.startswith(CUSTOM_PREFIX):
        return method[len(CUSTOM_PREFIX) :].strip()
    return METHOD_NAMES.get(method, method)


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
