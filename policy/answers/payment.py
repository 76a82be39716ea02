"""How a buyer pays: accepted methods, when the money is taken, and invoice terms."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from shopterms.policy.answers.values import Answer, NotPublishedError
from shopterms.policy.model import Policy
from shopterms.policy.model.payment import method_name


class PaymentMethodInfo(Answer):
    """An accepted payment method."""

    id: str = Field(description="Method id (card, paypal, invoice, …) or custom:<name>.", examples=["paypal"])
    name: str = Field(description="Display name of the method.", examples=["PayPal"])


class InvoiceTerms(Answer):
    """Terms for paying by invoice."""

    sent: Literal["with_order", "at_shipment", "with_delivery", "by_email"] = Field(
        description="When and how the invoice reaches the buyer."
    )
    due_days: int = Field(description="Calendar days allowed for payment ...", examples=[14])
    due_after: Literal["invoice", "delivery", "shipment", "order"] = Field(
        description="... counted from this event."
    )
    provider: str | None = Field(description="Payment provider that runs invoice payment, if any.")


class PaymentTerms(Answer):
    """How a buyer pays this shop."""

    currency: str = Field(description="ISO 4217 currency prices are charged in.", examples=["EUR"])
    methods: list[PaymentMethodInfo] = Field(description="Accepted payment methods, in the shop's order.")
    charged: Literal["at_order", "at_shipment", "after_delivery"] = Field(
        description="When a card or wallet is charged."
    )
    invoice: InvoiceTerms | None = Field(
        description="Invoice terms, when invoice is a method and terms are stated."
    )


def payment_terms(policy: Policy) -> PaymentTerms:
    """The accepted methods, when payment is taken, and the invoice terms."""
    payment = policy.payment
    if payment is None:
        raise NotPublishedError("payment")
    invoice = payment.invoice
    return PaymentTerms(
        currency=policy.shop.currency,
        methods=[PaymentMethodInfo(id=method, name=method_name(method)) for method in payment.methods],
        charged=payment.charged,
        invoice=None
        if invoice is None
        else InvoiceTerms(
            sent=invoice.sent,
            due_days=invoice.due.days,
            due_after=invoice.due.after,
            provider=invoice.provider,
        ),
    )
