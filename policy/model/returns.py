"""Returns: the window and what it counts from, costs, methods, refunds and exceptions."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from shopterms.policy import shorthand
from shopterms.policy.model import inputs
from shopterms.policy.model.common import Amount, CountryCode, Dates, HttpsUrl, Percent, Strict
from shopterms.policy.model.scalars import CalendarDate, DayCount, Flag, LongDayCount

# The longest return window: ten years (anything longer is "unlimited").
WINDOW_MOST = 3650


class Window(Strict):
    """How long the buyer has to return, counted in calendar days from an event."""

    type: Literal["finite", "none", "unlimited"] = Field(
        default="finite", description="finite (a number of days), none (no returns) or unlimited."
    )
    days: LongDayCount | None = Field(default=None, description="Calendar days (finite windows only).")
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


WINDOW_ANCHORS = ("delivery", "order", "shipment")
NO_RETURNS_WORDS = ("none", "no returns", "no_returns")
UNLIMITED_WORDS = ("unlimited", "lifetime")
_window_days = shorthand.days_after("delivery", WINDOW_ANCHORS)


WindowDays = Annotated[int, Field(ge=0, le=WINDOW_MOST)]
WindowText = Annotated[
    str, inputs.days_after(WINDOW_ANCHORS, *NO_RETURNS_WORDS, *UNLIMITED_WORDS, most=WINDOW_MOST)
]


def _window(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip().lower()
        if text in NO_RETURNS_WORDS:
            return {"type": "none"}
        if text in UNLIMITED_WORDS:
            return {"type": "unlimited"}
    parsed = _window_days(value)
    return {"type": "finite", **parsed} if isinstance(value, (int, float, str)) else parsed


WindowSpec = Annotated[
    Window,
    BeforeValidator(
        _window,
        json_schema_input_type=WindowDays | WindowText | Window,
    ),
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
        try:
            amount = shorthand.amount(value)
        except ValueError:
            raise ValueError(
                f"'{value}' is not a return cost; write free, customer_pays or an amount such as 4.95"
            ) from None
        return {"type": "free"} if amount == 0 else {"type": "fixed", "amount": amount}
    return value


FeeSpec = Annotated[
    Fee,
    BeforeValidator(_fee, json_schema_input_type=inputs.AmountNumber | inputs.FeeText | Fee),
    Field(description="free, customer_pays, a flat amount (4.95) or {type, amount}."),
]

# `cost: {default: free, AT: 6.95}`: unpacked into by_country by Returns before the fields are read.
CostByCountry = dict[
    Annotated[str, StringConstraints(pattern=r"^(?:default|[A-Za-z]{2})$")],
    inputs.AmountNumber | inputs.FeeText | Fee,
]
CostSpec = Annotated[
    Fee,
    BeforeValidator(_fee, json_schema_input_type=inputs.AmountNumber | inputs.FeeText | Fee | CostByCountry),
    Field(description="free, customer_pays, a flat amount (4.95), {type, amount} or {default: .., AT: ..}."),
]

ReturnMethod = Literal["mail", "drop_off", "in_store", "kiosk", "pickup"]
LabelSource = Literal["in_box", "download", "customer"]


RefundTarget = Literal["original_payment", "store_credit", "bank_transfer", "choice"]
REFUND_ANCHORS = ("arrival", "withdrawal", "dispatch")


class Refund(Strict):
    """When and how money comes back."""

    days: DayCount | None = Field(default=None, description="Refund within this many days ...")
    after: Literal["arrival", "withdrawal", "dispatch"] = Field(
        default="arrival",
        description="... counted from the returned goods' arrival, the withdrawal notice, "
        "or proof of dispatch.",
    )
    to: RefundTarget = Field(default="original_payment", description="Where the money goes.")


class RefundWithin(Strict):
    """Refund timing written as one phrase (the shorthand of {days, after})."""

    within: inputs.DayCount | Annotated[str, inputs.days_after(REFUND_ANCHORS, most=365)] = Field(
        description="Refund within, e.g. '7 days after arrival' (or after withdrawal, dispatch); "
        "a number counts from arrival."
    )
    to: RefundTarget = Field(default="original_payment", description="Where the money goes.")


_refund_days = shorthand.days_after("arrival", REFUND_ANCHORS)


def _refund(value: Any) -> Any:
    if isinstance(value, dict) and "within" in value:
        if {"days", "after"} & set(value):
            raise ValueError(
                "write the refund time either as within: '7 days after arrival' or as days and after"
            )
        if not isinstance(value["within"], (int, float, str)) or isinstance(value["within"], bool):
            raise ValueError("write the refund time as a period such as within: '7 days after arrival'")
        within = _refund_days(value["within"])
        rest = {key: item for key, item in value.items() if key != "within"}
        return {**rest, **within} if isinstance(within, dict) else value
    return value


RefundSpec = Annotated[
    Refund,
    BeforeValidator(_refund, json_schema_input_type=RefundWithin | Refund),
    Field(description="{within: '7 days after arrival', to: original_payment} or {days, after, to}."),
]

NotReturnableReason = Literal[
    "personalised",
    "perishable",
    "hygiene_seal",
    "mixed_inseparably",
    "sealed_media",
    "newspapers",
    "digital_content",
    "alcohol_price_fluctuation",
    "urgent_repairs",
    "accommodation_or_event",
    "other",
]


class NotReturnable(Strict):
    """Goods excluded from returns, with the reason (statutory exceptions are listed)."""

    items: str = Field(min_length=1, description="What is excluded, in words a buyer understands.")
    reason: NotReturnableReason = Field(description="Why; the EU allows only its statutory exceptions.")


class Seasonal(Strict):
    """A longer (or shorter) window for orders placed in a period, e.g. Christmas."""

    name: str = Field(min_length=1, description="Label, e.g. Christmas.")
    orders: Dates = Field(description="Order dates the override applies to.")
    until: CalendarDate | None = Field(default=None, description="Returns accepted until this date ...")
    days: LongDayCount | None = Field(default=None, description="... or for this many days after delivery.")

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
    cost: CostSpec = Field(
        default=Fee(type="customer_pays"),
        description="Return shipping cost: free, customer_pays, an amount (4.95), {type, amount}, "
        "or per country {default: free, AT: 6.95}. Default: customer_pays.",
    )
    methods: list[ReturnMethod] = Field(
        default=["mail"], description="Ways to send goods back. Default: mail."
    )
    countries: list[CountryCode] = Field(
        default_factory=list, description="Countries this policy covers. Default: every country sold to."
    )
    by_country: dict[CountryCode, Terms] = Field(
        default_factory=dict,
        description="Terms that differ in some countries, e.g. {CH: {cost: customer_pays}}.",
    )
    defective: Terms | None = Field(
        default=None, description="Terms for defective or wrongly delivered goods, where they differ."
    )
    seasonal: list[Seasonal] = Field(default_factory=list, description="Overrides by order date.")
    portal: HttpsUrl | None = Field(default=None, description="Where a buyer starts a return online.")
    refund: RefundSpec | None = Field(default=None, description="Refund timing and destination.")
    exchange: Flag | None = Field(default=None, description="Whether exchanges are offered.")
    item_conditions: list[Literal["new", "used", "refurbished", "damaged"]] = Field(
        default=["new"], description="Conditions of goods this policy covers. Default: new."
    )
    not_returnable: list[NotReturnable] = Field(
        default_factory=list, description="Goods excluded from returns."
    )

    @model_validator(mode="before")
    @classmethod
    def _cost_per_country(cls, data: Any) -> Any:
        # `cost: {default: free, CH: 9.95}` is shorthand for a default cost plus by_country entries.
        if not isinstance(data, dict) or not isinstance(data.get("cost"), dict):
            return data
        cost = data["cost"]
        by_country_given = data.get("by_country", {})
        if set(cost) & {"type", "amount"} or not isinstance(by_country_given, dict):
            return data  # the field validators report what is wrong with it
        by_country = {
            key: dict(value) if isinstance(value, dict) else value for key, value in by_country_given.items()
        }
        for country, fee in cost.items():
            if fee is None:
                raise ValueError(
                    f"the return cost for {country} is empty; write free, customer_pays or an amount"
                )
            if country != "default":
                terms = by_country.setdefault(country, {})
                if isinstance(terms, dict):
                    terms["cost"] = fee
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
            window=self.window,
            cost=self.cost,
            methods=self.methods,
            label=self.label,
            restocking_fee=self.restocking_fee,
            restocking_fee_amount=self.restocking_fee_amount,
        )
        if override is None:
            return base
        return base.model_copy(
            update={
                key: getattr(override, key)
                for key in override.model_fields_set
                if getattr(override, key) is not None
            }
        )
