"""Returns: the window and what it counts from, costs, methods, refunds and exceptions."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from policy import shorthand
from policy.model.common import Amount, CountryCode, Dates, HttpsUrl, Percent, Strict


class Window(Strict):
    """How long the buyer has to return, counted in calendar days from an event."""

    type: Literal["finite", "none", "unlimited"] = Field(
        default="finite", description="finite (a number of days), none (no returns) or unlimited."
    )
    days: int | None = Field(default=None, ge=0, le=3650, description="Calendar days (finite windows only).")
    after: Literal["delivery", "order", "shipment"] = Field(
        default="delivery", description="What the days are counted from. Default: delivery."
    )

    @model_validator(mode="after")
    def _days_match_type(self) -> Window:
        if self.type == "finite" and self.days is None:
            raise ValueError("a finite return window needs its days, e.g. '30 days after delivery'")
        if self.type != "finite" and self.days is not None:
            raise ValueError(f"a window of type {self.type} takes no days")
        return self


_window_days = shorthand.days_after("delivery", ("delivery", "order", "shipment"))


def _window(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip().lower()
        if text in {"none", "no returns", "no_returns"}:
            return {"type": "none"}
        if text in {"unlimited", "lifetime"}:
            return {"type": "unlimited"}
    parsed = _window_days(value)
    return {"type": "finite", **parsed} if isinstance(value, (int, str)) else parsed


WindowSpec = Annotated[
    Window,
    BeforeValidator(_window, json_schema_input_type=int | str | Window),
    Field(description="'30 days after delivery', 30, 'no returns', 'unlimited' or {type, days, after}."),
]


class Fee(Strict):
    """Who pays for sending the goods back."""

    type: Literal["free", "customer_pays", "fixed"] = Field(
        description="free, customer_pays (the actual postage) or fixed (a flat amount deducted or charged)."
    )
    amount: Amount | None = Field(default=None, description="The flat amount, for type fixed.")

    @model_validator(mode="after")
    def _amount_for_fixed(self) -> Fee:
        if (self.type == "fixed") != (self.amount is not None):
            raise ValueError("a fixed return fee needs its amount, and only a fixed fee has one")
        return self


def _fee(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in {"free", "customer_pays"}:
        return {"type": value.strip().lower()}
    if isinstance(value, (int, float, str)) and not isinstance(value, bool):
        amount = shorthand.amount(value)
        return {"type": "free"} if amount == 0 else {"type": "fixed", "amount": amount}
    return value


FeeSpec = Annotated[
    Fee,
    BeforeValidator(_fee, json_schema_input_type=float | str | Fee),
    Field(description="free, customer_pays, a flat amount (4.95) or {type, amount}."),
]

ReturnMethod = Literal["mail", "drop_off", "in_store", "kiosk", "pickup"]
LabelSource = Literal["in_box", "download", "customer"]


class Refund(Strict):
    """When and how money comes back."""

    days: int | None = Field(default=None, ge=0, le=365, description="Refund within this many days ...")
    after: Literal["arrival", "withdrawal", "dispatch"] = Field(
        default="arrival",
        description="... counted from the returned goods' arrival, the withdrawal notice, or proof of dispatch.",
    )
    to: Literal["original_payment", "store_credit", "bank_transfer", "choice"] = Field(
        default="original_payment", description="Where the money goes."
    )


_refund_days = shorthand.days_after("arrival", ("arrival", "withdrawal", "dispatch"))


def _refund(value: Any) -> Any:
    if isinstance(value, dict) and "within" in value:
        within = _refund_days(value["within"])
        rest = {key: item for key, item in value.items() if key != "within"}
        return {**rest, **within} if isinstance(within, dict) else value
    return value


RefundSpec = Annotated[
    Refund,
    BeforeValidator(_refund, json_schema_input_type=dict[str, Any] | Refund),
    Field(description="{within: '7 days after arrival', to: original_payment} or {days, after, to}."),
]

NotReturnableReason = Literal[
    "personalised", "perishable", "hygiene_seal", "mixed_inseparably", "sealed_media", "newspapers",
    "digital_content", "alcohol_price_fluctuation", "urgent_repairs", "accommodation_or_event", "other",
]


class NotReturnable(Strict):
    """Goods excluded from returns, with the reason (statutory exceptions are listed)."""

    items: str = Field(min_length=1, description="What is excluded, in words a buyer understands.")
    reason: NotReturnableReason = Field(description="Why; the EU allows only its statutory exceptions.")


class Seasonal(Strict):
    """A longer (or shorter) window for orders placed in a period, e.g. Christmas."""

    name: str = Field(min_length=1, description="Label, e.g. Christmas.")
    orders: Dates = Field(description="Order dates the override applies to.")
    until: dt.date | None = Field(default=None, description="Returns accepted until this date ...")
    days: int | None = Field(default=None, ge=0, description="... or for this many days after delivery.")

    @model_validator(mode="after")
    def _one_deadline(self) -> Seasonal:
        if (self.until is None) == (self.days is None):
            raise ValueError("a seasonal override needs exactly one of until (a date) or days")
        return self


class Terms(Strict):
    """Return terms that can differ by country or for defective goods."""

    window: WindowSpec | None = Field(default=None, description="Return window.")
    cost: FeeSpec | None = Field(default=None, description="Return shipping cost.")
    methods: list[ReturnMethod] | None = Field(default=None, description="Ways to send goods back.")
    label: LabelSource | None = Field(default=None, description="Where the return label comes from.")
    restocking_fee: Percent | None = Field(default=None, description="Percentage of the price kept.")
    restocking_fee_amount: Amount | None = Field(default=None, description="Flat amount kept per return.")


class Returns(Terms):
    """The return policy. Fields set here apply everywhere unless `by_country` says otherwise."""

    window: WindowSpec = Field(description="Return window, e.g. '30 days after delivery'.")
    cost: FeeSpec = Field(default=Fee(type="customer_pays"), description="Return shipping cost. Default: customer_pays.")
    methods: list[ReturnMethod] = Field(default=["mail"], description="Ways to send goods back. Default: mail.")
    countries: list[CountryCode] = Field(
        default_factory=list, description="Countries this policy covers. Default: every country sold to."
    )
    by_country: dict[CountryCode, Terms] = Field(
        default_factory=dict, description="Terms that differ in some countries, e.g. {CH: {cost: customer_pays}}."
    )
    defective: Terms | None = Field(
        default=None, description="Terms for defective or wrongly delivered goods, where they differ."
    )
    seasonal: list[Seasonal] = Field(default_factory=list, description="Overrides by order date.")
    portal: HttpsUrl | None = Field(default=None, description="Where a buyer starts a return online.")
    refund: RefundSpec | None = Field(default=None, description="Refund timing and destination.")
    exchange: bool | None = Field(default=None, description="Whether exchanges are offered.")
    item_conditions: list[Literal["new", "used", "refurbished", "damaged"]] = Field(
        default=["new"], description="Conditions of goods this policy covers. Default: new."
    )
    not_returnable: list[NotReturnable] = Field(default_factory=list, description="Goods excluded from returns.")

    @model_validator(mode="before")
    @classmethod
    def _cost_per_country(cls, data: Any) -> Any:
        # `cost: {default: free, CH: 9.95}` is shorthand for a default cost plus by_country entries.
        if not isinstance(data, dict) or not isinstance(data.get("cost"), dict):
            return data
        cost = data["cost"]
        if set(cost) & {"type", "amount"}:
            return data
        by_country = {key: dict(value) for key, value in data.get("by_country", {}).items() if isinstance(value, dict)}
        for country, fee in cost.items():
            if country != "default":
                by_country.setdefault(country, {})["cost"] = fee
        result = {**data, "by_country": by_country}
        if "default" in cost:
            result["cost"] = cost["default"]
        else:
            del result["cost"]
        return result

    def for_country(self, country: str) -> Terms:
        """The terms in force in one country: the base terms with that country's overrides laid over."""
        override = self.by_country.get(country)
        base = Terms(
            window=self.window, cost=self.cost, methods=self.methods, label=self.label,
            restocking_fee=self.restocking_fee, restocking_fee_amount=self.restocking_fee_amount,
        )
        if override is None:
            return base
        return base.model_copy(
            update={key: getattr(override, key) for key in override.model_fields_set if getattr(override, key) is not None}
        )
