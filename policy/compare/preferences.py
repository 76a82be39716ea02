"""What each preference measures in a record: a sort key (smaller is better) and the measure in words.

Every key starts with a tier: 0 when the record states what the preference needs, 1 when it does not.
So an unknown value ranks below every known one, even a poor one: an agent cannot promise a buyer what
a shop does not state. docs/compare.md describes each preference; a test keeps it naming all of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from shopterms.policy.compare.fact import Fact
from shopterms.policy.compare.record import ComparisonRecord, DeliveryService

UNKNOWN: tuple[Any, ...] = (1,)


@dataclass(frozen=True)
class Measure:
    """One record under one preference."""

    key: tuple[Any, ...]
    text: str

    @property
    def known(self) -> bool:
        return bool(self.key[0] == 0)


@dataclass(frozen=True)
class Context:
    """What a preference needs to know about the whole comparison."""

    dated: bool  # every record with a known delivery time has dates: compare dates, else business days
    currency: str | None  # the currency prices are compared in; others are not converted


def day(value: dt.date) -> str:
    return f"{value.strftime('%a')} {value.isoformat()}"


def money(amount: float, currency: str | None) -> str:
    return f"{amount:.2f} {currency}" if currency else f"{amount:.2f}"


def days(low: int, high: int) -> str:
    return f"{low} business day{'s' if high != 1 else ''}" if low == high else f"{low}-{high} business days"


def _unknown(fact: Fact[Any], what: str) -> Measure:
    return Measure(UNKNOWN, f"unknown ({fact.note or what + ' not stated'})")


def fast(record: ComparisonRecord, context: Context) -> Measure:
    fastest = record.delivery.fastest
    if not fastest.known or fastest.value is None or fastest.value.time.value is None:
        return _unknown(fastest, "delivery time")
    service: DeliveryService = fastest.value
    time = service.time.value
    assert time is not None
    span = days(time.total_days.min, time.total_days.max)
    if context.dated and time.latest and time.earliest:
        when = (
            day(time.latest)
            if time.earliest == time.latest
            else f"{day(time.earliest)} to {day(time.latest)}"
        )
        return Measure((0, time.latest, time.earliest), f"{service.name} delivers {when} ({span})")
    return Measure((0, time.total_days.max, time.total_days.min), f"{service.name} in {span}")


def cheap(record: ComparisonRecord, context: Context) -> Measure:
    cheapest = record.delivery.cheapest
    if not cheapest.known or cheapest.value is None or cheapest.value.price.value is None:
        return _unknown(cheapest, "delivery price")
    service = cheapest.value
    price = service.price.value
    assert price is not None
    if context.currency and price.currency != context.currency:
        return Measure(
            UNKNOWN, f"unknown (prices in {price.currency} are not converted to {context.currency})"
        )
    text = money(price.lowest, price.currency)
    if price.depends_on:
        text = f"from {text} by {', '.join(part.replace('_', ' ') for part in price.depends_on)}"
    threshold = service.free_from.value if service.free_from.known else None
    free = "" if threshold is None else f", free from {money(threshold, price.currency)}"
    key = (0, price.lowest, bool(price.depends_on), float("inf") if threshold is None else threshold)
    return Measure(key, f"{text} with {service.name}{free}")


def free_returns(record: ComparisonRecord, context: Context) -> Measure:
    returns = record.returns
    if returns.covered.value is False:
        return Measure(UNKNOWN, f"unknown ({returns.covered.note})")
    window = returns.window.value
    if returns.window.known and window is not None and window.type == "none":
        return Measure((0, 3), "no returns")
    cost = returns.cost.value
    if not returns.cost.known or cost is None:
        return _unknown(returns.cost, "return cost")
    if cost.type == "free":
        return Measure((0, 0, 0.0), "free return shipping")
    if cost.type == "fixed" and cost.amount is not None:
        return Measure((0, 1, cost.amount), f"returns cost {money(cost.amount, cost.currency)}")
    return Measure((0, 2, 0.0), "the buyer pays the return postage")


_ANCHOR_RANK = {"delivery": 0, "shipment": 1, "order": 2}


def long_returns(record: ComparisonRecord, context: Context) -> Measure:
    returns = record.returns
    if returns.covered.value is False:
        return Measure(UNKNOWN, f"unknown ({returns.covered.note})")
    window = returns.window.value
    if not returns.window.known or window is None:
        return _unknown(returns.window, "return window")
    if window.type == "unlimited":
        return Measure((0, 0), "returns without a time limit")
    if window.type == "none":
        return Measure((0, 2), "no returns")
    season = f" ({window.seasonal})" if window.seasonal else ""
    if window.until is not None:
        length = (window.until - record.ordered_at.date()).days
        return Measure((0, 1, -length, _ANCHOR_RANK["order"]), f"until {day(window.until)}{season}")
    assert window.days is not None
    anchor = record.returns.anchor.value if record.returns.anchor.known else None
    rank = _ANCHOR_RANK.get(anchor or "", len(_ANCHOR_RANK))
    counted = f"after {anchor}" if anchor else "(counted from an unstated event)"
    return Measure((0, 1, -window.days, rank), f"{window.days} days {counted}{season}")


_DUE_RANK = {"delivery": 0, "shipment": 1, "invoice": 2, "order": 3}


def invoice(record: ComparisonRecord, context: Context) -> Measure:
    payment = record.payment
    if not payment.invoice.known or payment.invoice.value is None:
        return _unknown(payment.invoice, "invoice payment")
    if payment.invoice.value is False:
        return Measure((0, 1), "no invoice payment")
    due = payment.invoice_due.value
    if not payment.invoice_due.known or due is None:
        return Measure((0, 0, 1), "invoice (due date not stated)")
    return Measure(
        (0, 0, 0, -due.days, _DUE_RANK[due.after]), f"invoice due {due.days} days after {due.after}"
    )


MEASURES_BY_NAME: dict[str, Callable[[ComparisonRecord, Context], Measure]] = {
    "fast": fast,
    "cheap": cheap,
    "free-returns": free_returns,
    "long-returns": long_returns,
    "invoice": invoice,
}


def context_of(records: Sequence[ComparisonRecord]) -> Context:
    times = [
        record.delivery.fastest.value.time.value
        for record in records
        if record.delivery.fastest.value is not None and record.delivery.fastest.value.time.value is not None
    ]
    currencies = sorted(
        record.delivery.cheapest.value.price.value.currency
        for record in records
        if record.delivery.cheapest.value is not None
        and record.delivery.cheapest.value.price.value is not None
    )
    common = max(sorted(set(currencies)), key=currencies.count) if currencies else None
    return Context(dated=all(time.latest is not None for time in times), currency=common)
