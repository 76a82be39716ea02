"""Return terms in force in one country: window, cost, methods, refund, exceptions and seasonal windows."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from shopterms.policy.answers.values import Answer, NotPublishedError, money
from shopterms.policy.arguments import covered_country
from shopterms.policy.model import Policy, Terms


class ReturnWindow(Answer):
    """How long the buyer has to return, in calendar days from an event."""

    type: Literal["finite", "none", "unlimited"] = Field(
        description="finite (a number of days), none (no returns) or unlimited."
    )
    days: int | None = Field(description="Calendar days, for finite windows.", examples=[30])
    after: Literal["delivery", "order", "shipment"] = Field(description="What the days are counted from.")


class ReturnCost(Answer):
    """Who pays for sending the goods back."""

    type: Literal["free", "customer_pays", "fixed"] = Field(
        description="free, customer_pays (the actual postage) or fixed (a flat amount)."
    )
    amount: float | None = Field(description="The flat amount in the shop currency, for type fixed.")


class ReturnConditions(Answer):
    """The terms that may differ by country or for defective goods."""

    window: ReturnWindow | None = Field(description="Return window; null: as for other returns.")
    cost: ReturnCost | None = Field(description="Return shipping cost; null: as for other returns.")
    methods: list[str] | None = Field(description="Ways to send goods back (mail, drop_off, in_store, …).")
    label: str | None = Field(description="Where the return label comes from: in_box, download or customer.")
    restocking_fee_percent: float | None = Field(description="Percentage of the price kept on return.")
    restocking_fee_amount: float | None = Field(
        description="Flat amount kept per return, in the shop currency."
    )


class SeasonalWindow(Answer):
    """A different window for orders placed in a period, e.g. Christmas."""

    name: str = Field(description="Label of the period.", examples=["Christmas"])
    orders_from: dt.date = Field(description="First order date the override applies to.")
    orders_until: dt.date = Field(description="Last order date the override applies to, inclusive.")
    until: dt.date | None = Field(description="Returns accepted until this date ...")
    days: int | None = Field(description="... or for this many days after delivery.")


class RefundTerms(Answer):
    """When and how money comes back."""

    days: int | None = Field(description="Refund within this many days ...", examples=[7])
    after: Literal["arrival", "withdrawal", "dispatch"] = Field(
        description="... counted from the goods' arrival back, the withdrawal notice, or proof of dispatch."
    )
    to: Literal["original_payment", "store_credit", "bank_transfer", "choice"] = Field(
        description="Where the money goes."
    )


class Exclusion(Answer):
    """Goods that cannot be returned."""

    items: str = Field(description="What is excluded, in the shop's words.")
    reason: str = Field(
        description="Why, as a statutory exception code such as personalised or hygiene_seal."
    )


class ReturnTerms(Answer):
    """The return policy as it applies to buyers in one country."""

    country: str = Field(description="The buyer's country, ISO 3166-1 alpha-2.", examples=["DE"])
    currency: str = Field(description="ISO 4217 currency of every amount.", examples=["EUR"])
    window: ReturnWindow = Field(description="Return window in this country.")
    cost: ReturnCost = Field(description="Return shipping cost in this country.")
    methods: list[str] = Field(
        description="Ways to send goods back (mail, drop_off, in_store, kiosk, pickup)."
    )
    label: str | None = Field(description="Where the return label comes from: in_box, download or customer.")
    restocking_fee_percent: float | None = Field(description="Percentage of the price kept on return.")
    restocking_fee_amount: float | None = Field(
        description="Flat amount kept per return, in the shop currency."
    )
    seasonal: list[SeasonalWindow] = Field(
        description="Windows that replace the normal one for orders in a period."
    )
    refund: RefundTerms | None = Field(description="Refund timing and destination; null: not stated.")
    exchange: bool | None = Field(description="Whether exchanges are offered; null: not stated.")
    item_conditions: list[str] = Field(
        description="Conditions of goods the policy covers: new, used, refurbished, damaged."
    )
    not_returnable: list[Exclusion] = Field(description="Goods excluded from returns.")
    defective: ReturnConditions | None = Field(
        description="Terms for defective or wrongly delivered goods, where they differ."
    )
    portal: str | None = Field(description="Web address where a buyer starts a return online.")
    withdrawal_days: int | None = Field(
        description="Statutory withdrawal period in days, from the legal section."
    )
    policy_url: str | None = Field(description="The shop's return or withdrawal policy page.")


def _window(terms: Terms) -> ReturnWindow | None:
    window = terms.window
    return None if window is None else ReturnWindow(type=window.type, days=window.days, after=window.after)


def _cost(terms: Terms) -> ReturnCost | None:
    cost = terms.cost
    return None if cost is None else ReturnCost(type=cost.type, amount=money(cost.amount))


def _conditions(terms: Terms) -> ReturnConditions:
    return ReturnConditions(
        window=_window(terms),
        cost=_cost(terms),
        methods=terms.methods,
        label=terms.label,
        restocking_fee_percent=money(terms.restocking_fee),
        restocking_fee_amount=money(terms.restocking_fee_amount),
    )


def return_terms(policy: Policy, country: str) -> ReturnTerms:
    """The return terms for buyers in `country`: the base terms with that country's overrides laid over."""
    returns = policy.returns
    if returns is None:
        raise NotPublishedError("returns")
    code = covered_country(country, returns.countries, "the return policy covers")
    local = _conditions(returns.for_country(code))
    window, cost = local.window, local.cost
    assert window is not None and cost is not None  # the base policy always has both
    refund = returns.refund
    legal = policy.legal
    return ReturnTerms(
        country=code,
        currency=policy.shop.currency,
        window=window,
        cost=cost,
        methods=local.methods or [],
        label=local.label,
        restocking_fee_percent=local.restocking_fee_percent,
        restocking_fee_amount=local.restocking_fee_amount,
        seasonal=[
            SeasonalWindow(
                name=season.name,
                orders_from=season.orders.start,
                orders_until=season.orders.end,
                until=season.until,
                days=season.days,
            )
            for season in returns.seasonal
        ],
        refund=None if refund is None else RefundTerms(days=refund.days, after=refund.after, to=refund.to),
        exchange=returns.exchange,
        item_conditions=list(returns.item_conditions),
        not_returnable=[
            Exclusion(items=entry.items, reason=entry.reason) for entry in returns.not_returnable
        ],
        defective=None if returns.defective is None else _conditions(returns.defective),
        portal=returns.portal,
        withdrawal_days=None if legal is None else legal.withdrawal_days,
        policy_url=None if legal is None else legal.returns_url,
    )
