"""Payment: accepted methods, when the money is taken, and invoice terms."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints

from shopterms.policy import shorthand
from shopterms.policy.model import inputs
from shopterms.policy.model.common import Strict
from shopterms.policy.model.scalars import DayCount

# Display names of the known method ids: the model is their one source, for the API and the JSON-LD alike.
METHOD_NAMES_BY_ID: dict[str, str] = {
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
KNOWN_METHODS = tuple(METHOD_NAMES_BY_ID)
CUSTOM_METHOD_PREFIX = "custom:"


def method_name(method: str) -> str:
    """Display name of a method id; a custom:<name> method shows its own name."""
    if method.startswith(CUSTOM_METHOD_PREFIX):
        return method.removeprefix(CUSTOM_METHOD_PREFIX).strip()
    return METHOD_NAMES_BY_ID.get(method, method)


PaymentMethod = Annotated[
    str,
    StringConstraints(pattern=rf"^(?:{'|'.join(KNOWN_METHODS)}|custom:.+)$"),
    Field(description=f"One of {', '.join(KNOWN_METHODS)}, or custom:<name>."),
]


class Due(Strict):
    """A payment deadline in calendar days from an event."""

    days: DayCount = Field(description="Calendar days allowed for payment ...")
    after: Literal["invoice", "delivery", "shipment", "order"] = Field(
        default="invoice", description="... counted from this event."
    )


DUE_ANCHORS = ("invoice", "delivery", "shipment", "order")
DueSpec = Annotated[
    Due,
    BeforeValidator(
        shorthand.days_after("invoice", DUE_ANCHORS),
        json_schema_input_type=inputs.DayCount
        | Annotated[str, inputs.days_after(DUE_ANCHORS, most=365)]
        | Due,
    ),
    Field(description="'14 days after delivery', 14 (after the invoice date) or {days, after}."),
]


class Invoice(Strict):
    """Terms for paying by invoice."""

    sent: Literal["with_order", "at_shipment", "with_delivery", "by_email"] = Field(
        default="with_delivery", description="When and how the invoice reaches the buyer."
    )
    due: DueSpec = Field(description="When the invoice must be paid.")
    provider: str | None = Field(
        default=None, description="Payment provider that runs invoice payment, if any."
    )


class Payment(Strict):
    """How a buyer pays."""

    methods: list[PaymentMethod] = Field(min_length=1, description="Accepted payment methods.")
    charged: Literal["at_order", "at_shipment", "after_delivery"] = Field(
        default="at_order", description="When a card or wallet is charged. Default: at_order."
    )
    invoice: Invoice | None = Field(default=None, description="Invoice terms, when invoice is a method.")
