"""What the date engine is asked and what it answers: the request and result models.

The results become the output schemas of the HTTP API and the MCP tools, so every field says what it
means; dates travel as ISO strings and amounts as JSON numbers.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema

from shopterms.policy.model.common import Weekday

Money = Annotated[Decimal, PlainSerializer(float, return_type=float, when_used="json")]
# JSON Schema's "time" format demands a UTC offset; a cutoff is a local wall-clock time, so a pattern
# describes it instead (the value still travels as HH:MM:SS).
LocalTime = Annotated[dt.time, WithJsonSchema({"type": "string", "pattern": r"^\d{2}:\d{2}:\d{2}$"})]


class Answer(BaseModel):
    model_config = ConfigDict(frozen=True)


class DestinationQuery(Answer):
    """Where a parcel goes. Plain strings: checking them is the engine's job, so errors name the parameter."""

    country: str | None = Field(
        default=None, description="ISO 3166-1 alpha-2 code, e.g. DE; optional when region is written DE-BY."
    )
    region: str | None = Field(
        default=None, description="ISO 3166-2 subdivision, e.g. DE-BY (or BY with a country)."
    )
    postal_code: str | None = Field(
        default=None, description="Postal code, e.g. 80331; needed where a service serves only some."
    )

    @classmethod
    def parse(cls, text: str) -> DestinationQuery:
        """`DE` or `DE-BY` as a query."""
        code = text.strip()
        return cls(country=code.partition("-")[0], region=code if "-" in code else None)


class DaySpan(Answer):
    """A number of business days from min to max."""

    min: int = Field(description="Fewest business days.")
    max: int = Field(description="Most business days.")


class HolidayHit(Answer):
    """A public holiday that fell inside the counted days and so was skipped."""

    date: dt.date = Field(description="The holiday (ISO date).")
    name: str = Field(description="Its name in English.")


class Period(Answer):
    """Calendar days from start to end, both inclusive."""

    start: dt.date = Field(description="First day (ISO date).")
    end: dt.date = Field(description="Last day (ISO date), inclusive.")


class Carrier(Answer):
    """A carrier the service uses."""

    id: str = Field(description="Carrier id from the shopterms vocabulary, or custom:<name>.")
    name: str = Field(description="Display name.")


class ConditionalRate(Answer):
    """A price that applies only to some orders (by weight, order value or number of items)."""

    amount: Money = Field(description="Shipping price in the shop currency.")
    weight_kg: str | None = Field(default=None, description="Parcel weight range in kg, e.g. '0-2' or '10+'.")
    order_value: str | None = Field(default=None, description="Order value range, e.g. '0-49.99'.")
    items: str | None = Field(default=None, description="Number of items, e.g. '1-3'.")


class RateQuote(Answer):
    """What shipping costs to this destination."""

    amount: Money | None = Field(
        description="The price for orders that no condition in by_condition picks out; null when every price "
        "depends on the order or the policy states no price for this country."
    )
    currency: str = Field(description="ISO 4217 currency code.")
    free_from: Money | None = Field(description="Order value from which shipping is free; null if never.")
    by_condition: list[ConditionalRate] = Field(
        description="Prices that depend on weight, order value or items."
    )


class WarehouseCalendar(Answer):
    """The calendar the handling days were counted in."""

    time_zone: str = Field(description="IANA time zone of the warehouse; cutoffs are local times in it.")
    holidays: str = Field(
        description="Public holidays observed: a country (DE), a subdivision (DE-HH) or none."
    )
    business_days: list[Weekday] = Field(description="Weekdays the warehouse dispatches.")
    holidays_hit: list[HolidayHit] = Field(description="Public holidays between order and latest dispatch.")
    closures_hit: list[Period] = Field(
        description="Declared warehouse closures between order and latest dispatch."
    )


class DestinationCalendar(Answer):
    """The calendar the transit days were counted in."""

    country: str = Field(description="Destination country, ISO 3166-1 alpha-2.")
    region: str | None = Field(description="Destination subdivision as given, ISO 3166-2 (DE-BY), if any.")
    postal_code: str | None = Field(description="Destination postal code as given, if any.")
    holidays: str = Field(
        description="Public holidays observed: the subdivision (DE-BY) where known, else the country."
    )
    delivery_days: list[Weekday] = Field(
        description="Weekdays the carrier delivers (sat included: Saturday delivery)."
    )
    holidays_hit: list[HolidayHit] = Field(
        description="Public holidays on delivery weekdays between dispatch and latest delivery."
    )


class DeliveryEstimate(Answer):
    """When an order placed at a given moment leaves the warehouse and reaches the buyer, with one service."""

    service: str = Field(description="Service id, e.g. standard.")
    service_name: str = Field(description="Service name shown to buyers.")
    service_type: Literal["delivery", "collection_point"] = Field(
        description="Delivery to the address or to a collection point."
    )
    carriers: list[Carrier] = Field(description="Carriers the service uses.")
    ordered_at: dt.datetime = Field(description="The order moment, in the warehouse time zone.")
    cutoff: LocalTime | None = Field(
        description="Local cutoff time in the warehouse time zone; null: any hour counts."
    )
    cutoff_met: bool = Field(
        description="True when the order counts from its own day (a business day, before the cutoff)."
    )
    next_cutoff: dt.datetime | None = Field(
        description="The next cutoff after the order, in the warehouse time zone; null without a cutoff."
    )
    counts_from: dt.date = Field(description="The business day handling counts from.")
    handling_days: DaySpan = Field(
        description="Handling time in warehouse business days (0: dispatched that day)."
    )
    transit_days: DaySpan = Field(description="Transit time in destination delivery days.")
    earliest_dispatch: dt.date = Field(description="Earliest day the parcel leaves the warehouse.")
    latest_dispatch: dt.date = Field(description="Latest day the parcel leaves the warehouse (ship-by date).")
    earliest_delivery: dt.date = Field(description="Earliest delivery day.")
    latest_delivery: dt.date = Field(description="Latest delivery day.")
    rate: RateQuote = Field(description="What shipping costs with this service to this destination.")
    warehouse: WarehouseCalendar = Field(description="How handling days were counted.")
    destination: DestinationCalendar = Field(description="How transit days were counted.")
    notes: list[str] = Field(description="Assumptions and limits of this estimate, in words.")


class ShopWindow(Answer):
    """The shop's own return window for this country, from its policy."""

    type: Literal["finite", "none", "unlimited"] = Field(
        description="finite (days), none (no returns) or unlimited."
    )
    days: int | None = Field(description="Calendar days of the window that applies (finite windows).")
    counted_from: Literal["delivery", "order", "shipment"] = Field(
        description="The event the days count from."
    )
    anchor: dt.date | None = Field(description="The date the days were counted from.")
    assumed: str | None = Field(description="What was assumed about the anchor date, if it was not given.")
    seasonal: str | None = Field(
        description="Name of the seasonal override that applies, chosen by order date."
    )
    last_day: dt.date | None = Field(
        description="Last day to send the goods back; null for none or unlimited."
    )
    rule: str = Field(description="The rule applied, in words.")


class StatutoryWithdrawal(Answer):
    """The statutory right of withdrawal (EU Consumer Rights Directive, UK Consumer Contracts Regulations)."""

    days: int = Field(description="Length of the period in days, counted from the day after delivery.")
    period_end: dt.date = Field(description="Delivery day plus the days, before any moving.")
    last_day: dt.date = Field(description="Last day to withdraw, moved past weekends and public holidays.")
    moved_past: list[str] = Field(description="The non-working days the end was moved past, in words.")
    holidays: str = Field(
        description="Public-holiday calendar used: the subdivision (DE-BY) where given, else the country."
    )
    rule: str = Field(description="The rule applied, in words.")


class ReturnDeadline(Answer):
    """Until when a buyer can send goods back: the shop's window and the statutory period, side by side."""

    country: str = Field(description="The buyer's country, ISO 3166-1 alpha-2.")
    region: str | None = Field(description="The buyer's subdivision as given (ISO 3166-2), if any.")
    delivered_on: dt.date = Field(description="Day the buyer received the goods (the last parcel, if split).")
    ordered_on: dt.date | None = Field(description="Day of the order, if given; selects seasonal overrides.")
    covered: bool = Field(description="Whether the shop's return policy covers this country.")
    shop: ShopWindow | None = Field(
        description="The shop's window; null when its policy does not cover the country."
    )
    statutory: StatutoryWithdrawal | None = Field(
        description="The statutory withdrawal period; null where none is modelled (outside the EU and UK)."
    )
    last_day: dt.date | None = Field(
        description="The later of the two: the effective last day; null when unlimited or neither applies."
    )
    decided_by: Literal["shop", "statutory", "both", "unlimited", "none"] = Field(
        description="Which deadline is the effective one (both: they fall on the same day)."
    )
    rule: str = Field(description="The outcome in words.")
    notes: list[str] = Field(description="Limits of the answer, in words.")


class ChannelStatus(Answer):
    """Whether one support channel is open at a given moment, and when that changes."""

    type: str = Field(description="Kind of channel: phone, email, whatsapp, chat, ...")
    contact: str = Field(description="Number, e-mail address or web address.")
    hours: str | None = Field(description="Opening hours in OpenStreetMap syntax; null: always available.")
    always_available: bool = Field(description="True for channels without hours (e-mail, forms).")
    open: bool = Field(description="True when the channel is open at the moment asked about.")
    state: Literal["open", "closed", "unknown"] = Field(
        description="State at that moment as the hours define it."
    )
    next_change: dt.datetime | None = Field(
        description="When the state next changes, in the shop time zone; null if it never does."
    )
    next_state: Literal["open", "closed", "unknown"] | None = Field(
        description="The state from next_change on."
    )
    response_within: dt.timedelta | None = Field(
        description="Target time to a first answer (ISO 8601 duration)."
    )
    public_holidays: str | None = Field(
        description="Country whose public holidays the hours' PH rules follow; null when none apply."
    )
