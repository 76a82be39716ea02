"""The neutral facts every export is built from and every export reader gives back.

A policy is first read into these facts (`policy.export.reading`); a target then narrows them to what
it can state (reporting each fact it has to drop), writes its payload from the narrowed facts alone,
and its reader turns the payload back into facts. Because writers only ever see narrowed facts,
nothing can go missing silently: a test compares the re-read facts with the narrowed ones.

Families group the facts; each target covers some families and leaves the rest out of its scope.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

Family = Literal["shop", "returns", "shipping", "links", "payment", "warranty"]
Dimension = Literal["order_value", "weight_kg", "items"]
ReturnMethod = Literal["mail", "drop_off", "pickup", "in_store", "kiosk"]
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
METHODS: tuple[ReturnMethod, ...] = ("mail", "drop_off", "pickup", "in_store", "kiosk")


class Fact(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Shop(Fact):
    name: str
    url: str
    sells_to: tuple[str, ...] = ()


class Seasonal(Fact):
    """A return window for orders placed between `start` and `end` (inclusive)."""

    name: str
    start: dt.date
    end: dt.date
    until: dt.date | None = None
    days: int | None = None


class ReturnTerms(Fact):
    """One distinct set of return terms and the countries it holds in (empty: every country targeted)."""

    countries: tuple[str, ...]
    window: Literal["finite", "none", "unlimited"]
    days: int | None = None
    anchor: Literal["delivery", "order", "shipment"] | None = None
    cost: Literal["free", "customer_pays", "fixed"] | None = None
    cost_amount: Decimal | None = None
    methods: tuple[ReturnMethod, ...] = ()
    label: Literal["in_box", "download", "customer"] | None = None
    restocking_percent: Decimal | None = None
    restocking_amount: Decimal | None = None
    seasonal: tuple[Seasonal, ...] = ()
    refund_days: int | None = None
    refund_after: Literal["arrival", "withdrawal", "dispatch"] | None = None
    refund_to: Literal["original_payment", "store_credit", "bank_transfer", "choice"] | None = None
    exchange: bool | None = None
    item_conditions: tuple[str, ...] = ()


class Returns(Fact):
    terms: tuple[ReturnTerms, ...]
    exclusions: tuple[str, ...] = ()
    """Goods that cannot be returned, in the policy's words."""
    defective: tuple[str, ...] = ()
    """Names of the terms that differ for defective goods (no target models them)."""
    currency: str | None = None
    """The currency of the amounts (None when no term carries one)."""


class Band(Fact):
    """The bands of one dimension: inclusive upper bounds in ascending order, the last one open (None)."""

    dimension: Dimension
    uppers: tuple[Decimal | None, ...]


class RateTable(Fact):
    """Shipping prices by bands; `cells` run over the bands in row-major order, None meaning no delivery."""

    bands: tuple[Band, ...] = ()
    cells: tuple[Decimal | None, ...]


class Area(Fact):
    country: str
    region: str | None = None
    postal_codes: tuple[str, ...] = ()

    def label(self) -> str:
        text = self.region or self.country
        return f"{text} {','.join(self.postal_codes)}" if self.postal_codes else text


class Lane(Fact):
    """Areas one service reaches at the same prices."""

    areas: tuple[Area, ...]
    rates: RateTable


class Service(Fact):
    key: str
    name: str
    type: Literal["delivery", "collection_point"] = "delivery"
    lanes: tuple[Lane, ...]
    handling: tuple[int, int] | None = None
    cutoff: dt.time | None = None
    handling_weekdays: tuple[str, ...] = ()
    transit: tuple[int, int] | None = None
    transit_weekdays: tuple[str, ...] = ()
    excluded: tuple[Area, ...] = ()
    carriers: tuple[str, ...] = ()
    carrier_choice: bool = False
    delivery_options: tuple[str, ...] = ()


class Shipping(Fact):
    currency: str
    timezone: str | None = None
    services: tuple[Service, ...]
    holidays: str | None = None
    closed: tuple[tuple[dt.date, dt.date], ...] = ()


class Links(Fact):
    terms: str | None = None
    privacy: str | None = None
    returns: str | None = None
    returns_portal: str | None = None
    shipping: str | None = None
    imprint: str | None = None
    withdrawal: str | None = None


class Payment(Fact):
    charged: Literal["at_order", "at_shipment", "after_delivery"] | None = None
    invoice_days: int | None = None
    invoice_after: Literal["invoice", "delivery", "shipment", "order"] | None = None


class Warranty(Fact):
    """The legal guarantee the shop states (the statutory warranty for defects), in years."""

    years: Decimal


class Facts(Fact):
    shop: Shop | None = None
    returns: Returns | None = None
    shipping: Shipping | None = None
    links: Links | None = None
    payment: Payment | None = None
    warranty: Warranty | None = None

    def only(self, families: frozenset[Family]) -> Facts:
        """The same facts with every family outside `families` left out."""
        return Facts(
            **{name: getattr(self, name) if name in families else None for name in Facts.model_fields}
        )
