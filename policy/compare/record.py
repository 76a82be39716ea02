"""The comparison record: one versioned shape every shop's post-purchase terms reduce to, for one destination.

Each fact is either known (a value, and where it was read) or unknown (no value, and why). A reader never
fills a gap with a guess or a default: what the source does not state stays unknown, and rankings place
it below every known value. The published JSON Schema (schemas/comparison-record.schema.json) is
generated from these models by scripts/generate_comparison_schema.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from shopterms.policy.compare.fact import Fact
from shopterms.policy.compare.provenance import Part, SourceKind

RECORD_VERSION: Literal[1] = 1


class DaySpan(Part):
    """Business days from min to max."""

    min: int = Field(ge=0, description="Fewest business days.")
    max: int = Field(ge=0, description="Most business days.")


class DeliveryTime(Part):
    """How long delivery takes: the stated day ranges, and the dates when the source allows computing them."""

    handling_days: DaySpan = Field(description="Business days from order to hand-over to the carrier.")
    transit_days: DaySpan = Field(description="Business days in transit.")
    total_days: DaySpan = Field(description="Handling plus transit, in business days.")
    earliest: dt.date | None = Field(
        description="Earliest delivery day; null when dates could not be computed."
    )
    latest: dt.date | None = Field(description="Latest delivery day; null when dates could not be computed.")


class Price(Part):
    """What delivery costs to the destination."""

    amount: float | None = Field(description="The price for any order; null when it depends on the order.")
    lowest: float = Field(
        description="The lowest price stated for the destination (equal to amount when set)."
    )
    depends_on: list[Literal["weight", "order_value", "items"]] = Field(
        description="What the price depends on, when it does."
    )
    currency: str = Field(description="ISO 4217 currency.")


class Carrier(Part):
    """A carrier that delivers for the shop."""

    id: str | None = Field(
        description="shopterms carrier id (or custom:<name>); null when only a name is given."
    )
    name: str = Field(description="Display name.")


class DeliveryService(Part):
    """A delivery service that reaches the destination."""

    id: str = Field(description="The service's id, or its name when the source gives no id.")
    name: str = Field(description="Name shown to buyers.")
    kind: Fact[Literal["delivery", "collection_point"]] = Field(
        description="delivery to the address, or collection_point (the buyer collects)."
    )
    carriers: Fact[list[Carrier]] = Field(description="Carriers of this service.")
    options: Fact[list[str]] = Field(description="Hand-over options: home, parcel_locker, pickup_point, ...")
    time: Fact[DeliveryTime] = Field(description="Delivery time for an order at the record's moment.")
    price: Fact[Price] = Field(description="Delivery price to the destination.")
    free_from: Fact[float] = Field(
        description="Order value from which delivery is free; known null: the source states no threshold."
    )


class Delivery(Part):
    """Delivery to the destination."""

    serves: Fact[bool] = Field(description="Whether any service reaches the destination.")
    services: list[DeliveryService] = Field(
        description="Every service that reaches it, in the source's order."
    )
    fastest: Fact[DeliveryService] = Field(
        description="The service delivering soonest: by latest delivery date when computed, else by days."
    )
    cheapest: Fact[DeliveryService] = Field(
        description="The service with the lowest price, then the fastest."
    )
    carriers: Fact[list[Carrier]] = Field(description="Carriers of every service reaching the destination.")
    options: Fact[list[str]] = Field(
        description="Hand-over options of every service reaching the destination."
    )


class ReturnWindow(Part):
    """How long the buyer has to send goods back."""

    type: Literal["finite", "none", "unlimited"] = Field(
        description="finite, none (no returns) or unlimited."
    )
    days: int | None = Field(description="Calendar days of a finite window counted from its anchor.")
    until: dt.date | None = Field(description="A fixed last day instead of days (seasonal windows).")
    seasonal: str | None = Field(description="Name of the seasonal window in force for the order, if any.")


class ReturnCost(Part):
    """Who pays for sending goods back."""

    type: Literal["free", "customer_pays", "fixed"] = Field(
        description="free, customer_pays (the actual postage) or fixed (a flat amount)."
    )
    amount: float | None = Field(description="The flat amount, for type fixed.")
    currency: str | None = Field(description="ISO 4217 currency of the amount.")


class RefundTime(Part):
    """Within how many days money comes back, counted from an event."""

    days: int = Field(ge=0, description="Calendar days.")
    after: Literal["arrival", "withdrawal", "dispatch"] = Field(
        description="Counted from the goods' arrival back, the withdrawal notice, or proof of dispatch."
    )


class Returns(Part):
    """Returns from the destination country."""

    covered: Fact[bool] = Field(description="Whether the return policy covers the destination country.")
    window: Fact[ReturnWindow] = Field(
        description="Return window in force for an order at the record's moment."
    )
    anchor: Fact[Literal["delivery", "order", "shipment"]] = Field(
        description="Event the window counts from."
    )
    cost: Fact[ReturnCost] = Field(description="Return shipping cost.")
    methods: Fact[list[str]] = Field(description="Ways to send goods back: mail, drop_off, in_store, ...")
    refund: Fact[RefundTime] = Field(description="Refund time.")
    exchange: Fact[bool] = Field(description="Whether exchanges are offered.")


class InvoiceDue(Part):
    """When an invoice must be paid."""

    days: int = Field(ge=0, description="Calendar days allowed for payment ...")
    after: Literal["invoice", "delivery", "shipment", "order"] = Field(
        description="... counted from this event."
    )


class Payment(Part):
    """How the buyer pays."""

    methods: Fact[list[str]] = Field(
        description="Accepted methods as shopterms ids (card, paypal, ...) or custom:<name>."
    )
    charged: Fact[Literal["at_order", "at_shipment", "after_delivery"]] = Field(
        description="When a card or wallet is charged."
    )
    invoice: Fact[bool] = Field(
        description="Whether the buyer can pay by invoice (after receiving the goods)."
    )
    invoice_due: Fact[InvoiceDue] = Field(
        description="When an invoice is due; known null: no invoice payment."
    )


class Channel(Part):
    """One way to reach support."""

    type: str = Field(description="phone, email, whatsapp, chat, contact_form, sms, messenger or store.")
    contact: str = Field(description="Number, e-mail address or web address.")
    hours: str | None = Field(
        description="Opening hours (OpenStreetMap syntax); null: not limited or not stated."
    )
    languages: list[str] = Field(description="Languages on this channel; empty: not stated.")


class Support(Part):
    """How the buyer reaches the shop after the purchase."""

    channels: Fact[list[Channel]] = Field(description="Support channels with contact and hours.")
    languages: Fact[list[str]] = Field(description="Languages support answers in (BCP 47 where known).")
    human: Fact[bool] = Field(description="Whether a person, not only a bot, can be reached.")


class ShopIdentity(Part):
    """Who sells."""

    name: Fact[str] = Field(description="Trading name.")
    url: Fact[str] = Field(description="Home page.")
    currency: Fact[str] = Field(description="ISO 4217 currency of the shop's amounts.")


class Destination(Part):
    """Where the goods go."""

    country: str = Field(description="ISO 3166-1 alpha-2 country code.")
    region: str | None = Field(description="ISO 3166-2 subdivision, e.g. DE-BY.")
    postal_code: str | None = Field(description="Postal code.")

    def label(self) -> str:
        return " ".join(part for part in (self.region or self.country, self.postal_code) if part)


class SourceInfo(Part):
    """What the record was read from."""

    kind: SourceKind = Field(
        description="yaml (policy file), api (shopterms HTTP API) or page (shop page markup)."
    )
    location: str = Field(description="File path or address that was read.")
    notes: list[str] = Field(
        default_factory=list, description="What in the source could not be read and was skipped, in words."
    )


class ComparisonRecord(Part):
    """A shop's post-purchase terms for one destination and order moment, in a shape every shop reduces to."""

    record_version: Literal[1] = Field(default=RECORD_VERSION, description="Version of this record format.")
    source: SourceInfo = Field(description="What the record was read from.")
    destination: Destination = Field(description="Where the goods go.")
    ordered_at: dt.datetime = Field(
        description="The order moment delivery dates and seasonal windows refer to."
    )
    shop: ShopIdentity = Field(description="Who sells.")
    delivery: Delivery = Field(description="Delivery to the destination.")
    returns: Returns = Field(description="Returns from the destination country.")
    payment: Payment = Field(description="Payment.")
    support: Support = Field(description="Customer support.")
