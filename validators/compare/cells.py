"""The side-by-side view of a comparison: one row per fact, one cell per shop, in words.

The table, Markdown and HTML renderers all lay out these rows, so every format says the same. An unknown
fact reads "unknown"; a fact known to be absent reads "none" or "no".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from shopterms.policy.compare.fact import Fact
from shopterms.policy.compare.preferences import day, days, money
from shopterms.policy.compare.ranking import Comparison, RankedShop
from shopterms.policy.compare.record import ComparisonRecord, DeliveryService

UNKNOWN = "unknown"
Row = tuple[str, list[str]]


def _fact(fact: Fact[Any], say: Callable[[Any], str], absent: str = "none") -> str:
    if not fact.known:
        return UNKNOWN
    return absent if fact.value is None else say(fact.value)


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _words(values: list[str]) -> str:
    """Codes as words: `sepa_direct_debit` → sepa direct debit, `custom:Klarna Sofort` → Klarna Sofort."""
    return ", ".join(value.removeprefix("custom:").replace("_", " ") for value in values) or "none"


def _time(service: DeliveryService) -> str:
    def say(time: Any) -> str:
        span = days(time.total_days.min, time.total_days.max)
        if time.latest is None:
            return span
        when = (
            day(time.latest)
            if time.earliest == time.latest
            else f"{day(time.earliest)} to {day(time.latest)}"
        )
        return f"{when} ({span})"

    return _fact(service.time, say)


def _price(service: DeliveryService) -> str:
    def say(price: Any) -> str:
        text = money(price.lowest, price.currency)
        if price.depends_on:
            return f"from {text} (by {_words(price.depends_on)})"
        return text if price.amount is not None else f"from {text}"

    return _fact(service.price, say)


def _service_rows(
    label: str, pick: Callable[[ComparisonRecord], Fact[DeliveryService]]
) -> list[tuple[str, Callable[[ComparisonRecord], str]]]:
    def part(say: Callable[[DeliveryService], str]) -> Callable[[ComparisonRecord], str]:
        def cell(record: ComparisonRecord) -> str:
            fact = pick(record)
            return say(fact.value) if fact.known and fact.value is not None else UNKNOWN

        return cell

    def currency(record: ComparisonRecord) -> str | None:
        fact = pick(record)
        price = fact.value.price.value if fact.value is not None else None
        return price.currency if price else None

    return [
        (label, part(lambda service: service.name)),
        ("  arrives", part(_time)),
        ("  price", part(_price)),
        (
            "  free from",
            lambda record: part(lambda s: _fact(s.free_from, lambda v: money(v, currency(record))))(record),
        ),
    ]


def _window(record: ComparisonRecord) -> str:
    def say(window: Any) -> str:
        season = f" ({window.seasonal})" if window.seasonal else ""
        if window.type == "none":
            return "no returns"
        if window.type == "unlimited":
            return "unlimited" + season
        if window.until is not None:
            return f"until {day(window.until)}{season}"
        anchor = record.returns.anchor
        counted = f" after {anchor.value}" if anchor.known and anchor.value else " (anchor unknown)"
        return f"{window.days} days{counted}{season}"

    return _fact(record.returns.window, say)


def _cost(value: Any) -> str:
    if value.type == "free":
        return "free"
    if value.type == "fixed":
        return money(value.amount, value.currency)
    return "buyer pays postage"


def _hours(channels: list[Any]) -> str:
    timed = [f"{channel.type}: {channel.hours}" for channel in channels if channel.hours]
    return "; ".join(timed) or "not limited"


CELLS_BY_LABEL: list[tuple[str, Callable[[ComparisonRecord], str]]] = [
    (
        "read from",
        lambda r: {"yaml": "policy file", "api": "shopterms API", "page": "page markup"}[r.source.kind],
    ),
    ("delivers", lambda r: _fact(r.delivery.serves, _yes)),
    *_service_rows("fastest", lambda r: r.delivery.fastest),
    *_service_rows("cheapest", lambda r: r.delivery.cheapest),
    ("carriers", lambda r: _fact(r.delivery.carriers, lambda v: ", ".join(c.name for c in v) or "none")),
    ("delivery options", lambda r: _fact(r.delivery.options, _words)),
    ("return window", _window),
    ("return cost", lambda r: _fact(r.returns.cost, _cost)),
    ("refund", lambda r: _fact(r.returns.refund, lambda v: f"within {v.days} days after {v.after}")),
    ("exchange", lambda r: _fact(r.returns.exchange, _yes)),
    ("payment", lambda r: _fact(r.payment.methods, _words)),
    ("charged", lambda r: _fact(r.payment.charged, lambda v: v.replace("_", " "))),
    (
        "invoice due",
        lambda r: _fact(r.payment.invoice_due, lambda v: f"{v.days} days after {v.after}", "no invoice"),
    ),
    (
        "support",
        lambda r: _fact(r.support.channels, lambda v: _words(list(dict.fromkeys(c.type for c in v)))),
    ),
    ("support hours", lambda r: _fact(r.support.channels, _hours)),
    ("languages", lambda r: _fact(r.support.languages, lambda v: ", ".join(v) or "none")),
    ("human contact", lambda r: _fact(r.support.human, _yes)),
]


def rows(comparison: Comparison) -> list[Row]:
    """The rows of the side-by-side view, shops in ranking order; the first row names the shops."""
    records = comparison.records
    header: Row = ("", [f"{entry.rank}. {entry.shop}" for entry in comparison.ranking])
    return [header, *((label, [cell(record) for record in records]) for label, cell in CELLS_BY_LABEL)]


def full_labels(labels: list[str]) -> list[str]:
    """Labels that stand alone: an indented part row is prefixed by its parent ("fastest price")."""
    full, parent = [], ""
    for label in labels:
        if label.startswith(" "):
            full.append(f"{parent} {label.strip()}")
        else:
            parent = label
            full.append(label)
    return full


def heading(comparison: Comparison) -> str:
    by = ", then ".join(comparison.preferences)
    measure = "delivery dates" if comparison.fast_measure == "dates" else "business days"
    moment = comparison.ordered_at.isoformat(timespec="minutes")
    fast = f"; fast compares {measure}" if "fast" in comparison.preferences else ""
    return f"Shops for {comparison.destination.label()}, order at {moment}, ranked by {by}{fast}"


def ranking_line(entry: RankedShop) -> str:
    return f"{entry.rank}. {entry.shop} ({entry.source}): {entry.reason}"
