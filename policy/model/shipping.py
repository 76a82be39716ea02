"""Shipping: warehouse handling, delivery services with destinations, rates and times, notifications."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PlainSerializer, model_validator

from shopterms.policy import written_forms as forms
from shopterms.policy.carriers import CarrierRef
from shopterms.policy.model import inputs
from shopterms.policy.model.common import (
    Amount,
    ClockTime,
    CountryCode,
    Dates,
    Days,
    DestinationSpec,
    Slug,
    Strict,
    SubdivisionCode,
    Weekdays,
)
from shopterms.policy.model.scalars import Flag, Share

HolidayCalendar = Annotated[
    SubdivisionCode | CountryCode | Literal["none"],
    Field(
        description="Public holidays that are not business days: a country (DE), "
        "a subdivision (DE-HH) or none."
    ),
]


class Handling(Strict):
    """How long the warehouse takes from order to hand-over to the carrier."""

    days: Days = Field(description="Business days from order to dispatch; 0 means same day.")
    cutoff: ClockTime | None = Field(
        default=None,
        description="Orders on a business day up to this local time count from that day; later ones from the "
        "next business day. Without a cutoff, an order counts from its own day at any hour.",
    )
    business_days: Weekdays = Field(
        default=["mon", "tue", "wed", "thu", "fri"], description="Days the warehouse ships. Default: Mon-Fri."
    )
    holidays: HolidayCalendar | None = Field(
        default=None, description="Holiday calendar of the warehouse. Default: the shop's home country."
    )


_RANGE_PARTS = re.compile(r"^\s*([0-9.,]+)\s*(?:(\+)|-\s*([0-9.,]+))\s*$", re.ASCII)


def _number_range(value: Any) -> Any:
    """`"0-2"`, `"10+"`, `5` → `{"min": .., "max": ..}`; max is inclusive and may be open."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"min": 0, "max": value}
    if isinstance(value, str):
        match = _RANGE_PARTS.match(value)
        if not match or not forms.fits(forms.RANGE, value):
            raise ValueError(f"'{value}' is not a range; write e.g. 0-2 or 10+ (10 and more)")
        low, _, high = match.groups()
        return {
            "min": Decimal(low.replace(",", ".")),
            "max": None if high is None else Decimal(high.replace(",", ".")),
        }
    return value


def _measure(value: Any) -> Any:
    """A number in the structured form {min, max}; text, true/false and non-finite numbers are refused."""
    if isinstance(value, float) and math.isfinite(value):
        return Decimal(repr(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


Measure = Annotated[
    Decimal,
    Field(strict=True, ge=0, lt=inputs.NUMBER_LIMIT),
    BeforeValidator(_measure, json_schema_input_type=inputs.RangeNumber),
    PlainSerializer(float, when_used="json"),
]


class ValueRange(Strict):
    """A range of a measured value; `max` is inclusive, and empty means no upper bound."""

    min: Measure = Field(default=Decimal(0), description="Lowest value. Default: 0.")
    max: Measure | None = Field(
        default=None, description="Highest value, inclusive; empty means no upper bound."
    )

    @model_validator(mode="after")
    def _ordered(self) -> ValueRange:
        if self.max is not None and self.min > self.max:
            raise ValueError(f"the range starts at {self.min} but ends at {self.max}")
        return self


Range = Annotated[
    ValueRange,
    BeforeValidator(_number_range, json_schema_input_type=inputs.RangeText | inputs.RangeNumber | ValueRange),
    Field(description="A range such as 0-2, 10+ or {min, max}."),
]


class RateRule(Strict):
    """One shipping price, applying where all its conditions hold."""

    amount: Amount = Field(
        description="Price of shipping in the shop currency; 0 or 'free' for free shipping."
    )
    countries: list[CountryCode] = Field(
        default_factory=list, description="Only for these destination countries. Empty: every destination."
    )
    weight_kg: Range | None = Field(default=None, description="Only for parcels in this weight range (kg).")
    order_value: Range | None = Field(
        default=None, description="Only for orders whose value is in this range."
    )
    items: Range | None = Field(default=None, description="Only for orders with this many items.")


def _rates(value: Any) -> Any:
    if isinstance(value, (int, float, str)) and not isinstance(value, bool):
        return [{"amount": value}]
    if isinstance(value, dict):
        if "amount" in value:
            return [value]
        if all(isinstance(key, str) and len(key) == 2 for key in value):
            return [{"amount": price, "countries": [country]} for country, price in value.items()]
    return value


PricesByCountry = Annotated[
    dict[inputs.CountryText, inputs.AmountNumber | inputs.AmountText], Field(min_length=1)
]
Rates = Annotated[
    list[RateRule],
    BeforeValidator(
        _rates,
        json_schema_input_type=inputs.AmountNumber
        | inputs.AmountText
        | PricesByCountry
        | RateRule
        | list[RateRule],
    ),
    Field(
        min_length=1,
        description="A flat price (4.95), 'free', a price per country ({AT: 7.95, CH: 14.95}) or a list of "
        "rules with weight_kg / order_value / items conditions.",
    ),
]

DeliveryOption = Literal[
    "home",
    "parcel_locker",
    "pickup_point",
    "post_office",
    "neighbour",
    "safe_place",
    "redirect",
    "scheduled",
    "same_day",
    "in_store_pickup",
]


class Service(Strict):
    """A way of delivering: one or more carriers to a set of destinations at a price and speed."""

    id: Slug = Field(description="Stable identifier used in the API, e.g. standard or express.")
    name: str | None = Field(default=None, description="Name shown to buyers. Default: the id.")
    type: Literal["delivery", "collection_point"] = Field(
        default="delivery", description="delivery to an address, or collection_point (buyer collects)."
    )
    carriers: list[CarrierRef] = Field(
        default_factory=list,
        description="Carriers used, from the carrier vocabulary or written custom:<name>.",
    )
    carrier_choice: Flag = Field(
        default=False, description="True when the buyer picks the carrier at checkout."
    )
    to: list[DestinationSpec] = Field(min_length=1, description="Destinations served.")
    excluded: list[DestinationSpec] = Field(
        default_factory=list, description="Areas within the destinations that are not served (e.g. islands)."
    )
    handling: Days | None = Field(
        default=None, description="Overrides the warehouse handling days for this service."
    )
    cutoff: ClockTime | None = Field(
        default=None, description="Overrides the warehouse cutoff for this service."
    )
    transit: Days = Field(description="Business days in transit, counted in the destination's calendar.")
    delivery_days: Weekdays = Field(
        default=["mon", "tue", "wed", "thu", "fri"],
        description="Days the carrier delivers; include Sat for Saturday delivery. Default: Mon-Fri.",
    )
    rate: Rates = Field(description="What shipping costs.")
    free_from: Amount | None = Field(default=None, description="Order value from which shipping is free.")
    delivery_options: list[DeliveryOption] = Field(
        default_factory=list, description="What the buyer can choose for the hand-over."
    )


Channel = Literal["email", "sms", "whatsapp", "push", "phone", "messenger"]
ShippingEvent = Literal[
    "order_confirmed",
    "payment_received",
    "shipped",
    "delayed",
    "out_for_delivery",
    "delivered",
    "ready_for_pickup",
    "delivery_failed",
]
Consent = Literal["never", "with_consent", "always"]


class Marketing(Strict):
    """Messages beyond the order itself, which in some countries need the buyer's consent."""

    review_requests: Consent = Field(
        default="never", description="Whether review requests are sent, and on what basis."
    )
    cross_selling: Consent = Field(default="never", description="Whether product recommendations are sent.")


class Notifications(Strict):
    """How the buyer hears about the order."""

    channels: list[Channel] = Field(default_factory=list, description="Channels the shop notifies on.")
    channel_choice: Flag = Field(default=False, description="True when the buyer picks the channels.")
    events: list[ShippingEvent] = Field(default_factory=list, description="Events the buyer is told about.")
    email_to_carrier: Consent = Field(
        default="never",
        description="Whether the buyer's e-mail address is passed to the carrier for parcel notices.",
    )
    marketing: Marketing = Field(default_factory=Marketing, description="Review requests and cross-selling.")


class Shipping(Strict):
    """Everything from order to doorstep."""

    handling: Handling = Field(description="Warehouse handling time, cutoff and calendar.")
    closed: list[Dates] = Field(
        default_factory=list, description="Warehouse closures (no dispatch), inclusive."
    )
    services: list[Service] = Field(min_length=1, description="Delivery services, fastest or cheapest first.")
    tracking: Flag | None = Field(default=None, description="Whether every parcel gets a tracking link.")
    notifications: Notifications | None = Field(default=None, description="Order and delivery notifications.")
    on_time_rate: Share | None = Field(
        default=None,
        description="Measured share of orders delivered within the promised time (0-1).",
    )

    @model_validator(mode="after")
    def _unique_service_ids(self) -> Shipping:
        ids = [service.id for service in self.services]
        repeated = sorted({sid for sid in ids if ids.count(sid) > 1})
        if repeated:
            raise ValueError(f"service id {', '.join(repeated)} is used more than once; ids must be unique")
        return self

    def service(self, service_id: str) -> Service | None:
        return next((service for service in self.services if service.id == service_id), None)
