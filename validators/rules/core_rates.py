"""Core plausibility of shipping prices (SHIP###): a price for every destination, tiers that neither
overlap nor leave gaps, prices only where a service delivers, and a real free-shipping threshold.

Rate tiers are read as `policy.export.rates` reads them: both ends of a range are inclusive, and where
one tier ends at the value the next starts (0-2 and 2-10 kg), the lower tier owns that value. So touching
tiers are fine; tiers that share more than that one value are ambiguous and reported.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal

from shopterms.policy.diagnostics import CodeInfo
from shopterms.policy.model import RateRule, Service
from shopterms.policy.model.shipping import ValueRange
from shopterms.validators.rules.parts import services_with_paths as _services
from shopterms.validators.rules.rule import Finding, Rule, RuleInput, collect

RULES: list[Rule] = []
rule = collect(RULES, "core")

_DIMENSIONS = (("weight_kg", "kg"), ("order_value", ""), ("items", "items"))
_PLURAL = {"weight_kg": "weights", "order_value": "order values", "items": "item counts"}


def _applicable(service: Service, country: str) -> list[int]:
    """Indexes of the rate rules in force for `country` (rules naming it replace the general ones)."""
    specific = [i for i, rule in enumerate(service.rate) if country in rule.countries]
    return specific or [i for i, rule in enumerate(service.rate) if not rule.countries]


def _scope(service: Service) -> list[str]:
    named = [d.country for d in service.to] + [c for rule in service.rate for c in rule.countries]
    return list(dict.fromkeys(named))


@rule(
    CodeInfo(
        code="SHIP001",
        name="destination-without-price",
        severity="error",
        summary="A service delivers to a country for which none of its rate rules gives a price.",
        why="A buyer (or an agent) asking what delivery to that country costs gets no answer, and German "
        "price law wants shipping costs stated as amounts.",
        example="to: [AT, CH]\nrate: {AT: 7.95}",
        instead="to: [AT, CH]\nrate: {AT: 7.95, CH: 14.95}",
    )
)
def destination_without_price(given: RuleInput) -> Iterator[Finding]:
    for path, service in _services(given):
        for d, destination in enumerate(service.to):
            if not _applicable(service, destination.country):
                yield Finding(
                    (*path, "to", d),
                    f"service {service.id} delivers to {destination.country} but states no price for it",
                    hint=f"add a price for {destination.country}, or a rule without countries for everywhere",
                )


def _overlap(a: ValueRange | None, b: ValueRange | None) -> bool:
    """True when two ranges share more than one end point (no range means every value)."""
    if a is None or b is None:
        return True
    low = max(a.min, b.min)
    highs = [value for value in (a.max, b.max) if value is not None]
    high = min(highs) if highs else None
    return high is None or low < high or (low == high and a == b)


def _conditions(rule: RateRule) -> str:
    parts = [f"{name} {_shown(getattr(rule, name))}" for name, _ in _DIMENSIONS if getattr(rule, name)]
    return ", ".join(parts) or "no conditions"


def _shown(value: ValueRange) -> str:
    low = f"{value.min.normalize():f}"
    return f"{low}+" if value.max is None else f"{low}-{value.max.normalize():f}"


@rule(
    CodeInfo(
        code="SHIP002",
        name="overlapping-rate-tiers",
        severity="error",
        summary="Two rate rules of a service apply to the same order and ask different prices.",
        why="With weights 0-5 and 2-10 kg a 3 kg parcel has two prices, and nobody can tell which one "
        "the shop charges. Tiers may touch (0-2 and 2-10: a 2 kg parcel pays the 0-2 price) but not overlap.",
        example="rate:\n  - {amount: 4.95, weight_kg: 0-5}\n  - {amount: 6.95, weight_kg: 2-10}",
        instead="rate:\n  - {amount: 4.95, weight_kg: 0-2}\n  - {amount: 6.95, weight_kg: 2-10}",
    )
)
def overlapping_rate_tiers(given: RuleInput) -> Iterator[Finding]:
    for path, service in _services(given):
        pairs: dict[tuple[int, int], None] = {}
        for country in _scope(service):
            for i, j in itertools.combinations(_applicable(service, country), 2):
                a, b = service.rate[i], service.rate[j]
                if a.amount != b.amount and all(
                    _overlap(getattr(a, n), getattr(b, n)) for n, _ in _DIMENSIONS
                ):
                    pairs.setdefault((i, j))
        for i, j in pairs:
            a, b = service.rate[i], service.rate[j]
            yield Finding(
                (*path, "rate", j),
                f"rate rules {i + 1} ({_conditions(a)}: {a.amount}) and "
                f"{j + 1} ({_conditions(b)}: {b.amount}) of service {service.id} both apply to some orders",
                hint="make the ranges meet without overlapping, e.g. 0-2 and 2-10 (a value on the border "
                "belongs to the lower tier)",
            )


def _gaps(ranges: list[ValueRange]) -> Iterator[tuple[Decimal, Decimal | None]]:
    ordered = sorted(ranges, key=lambda r: r.min)
    reach: Decimal | None = Decimal(0)
    for item in ordered:
        if reach is None:
            return
        if item.min > reach:
            yield reach, item.min
        reach = None if item.max is None else max(reach, item.max)


@rule(
    CodeInfo(
        code="SHIP003",
        name="gap-between-rate-tiers",
        severity="warning",
        summary="Rate tiers of one kind (weight, order value or items) leave values between them unpriced.",
        why="Tiers 0-2 kg and 5-10 kg give no price for a 3 kg parcel; the buyer cannot work out the cost.",
        example="rate:\n  - {amount: 4.95, weight_kg: 0-2}\n  - {amount: 6.95, weight_kg: 5-10}",
        instead="rate:\n  - {amount: 4.95, weight_kg: 0-2}\n  - {amount: 6.95, weight_kg: 2-10}",
    )
)
def gap_between_rate_tiers(given: RuleInput) -> Iterator[Finding]:
    for path, service in _services(given):
        seen: set[tuple[str, Decimal, Decimal | None]] = set()
        for country in _scope(service):
            rules = [service.rate[i] for i in _applicable(service, country)]
            for name, unit in _DIMENSIONS:
                ranges = [getattr(r, name) for r in rules]
                others = [n for n, _ in _DIMENSIONS if n != name]
                if len(ranges) < 2 or None in ranges or any(getattr(r, n) for r in rules for n in others):
                    continue
                for low, high in _gaps(ranges):
                    if (name, low, high) in seen:
                        continue
                    seen.add((name, low, high))
                    words = f"{low.normalize():f} and {high.normalize() if high else 'more'} {unit}".strip()
                    yield Finding(
                        (*path, "rate"),
                        f"service {service.id} has no price for {_PLURAL[name]} between {words}",
                        hint="let each tier start where the one before ends",
                    )


@rule(
    CodeInfo(
        code="SHIP004",
        name="price-for-unserved-country",
        severity="warning",
        summary="A rate rule names a country the service does not deliver to.",
        why="The price can never apply; usually the country is missing from `to`, or the rule sits under the "
        "wrong service.",
        example="to: [AT]\nrate: {AT: 7.95, CH: 14.95}",
        instead="to: [AT, CH]\nrate: {AT: 7.95, CH: 14.95}",
    )
)
def price_for_unserved_country(given: RuleInput) -> Iterator[Finding]:
    for path, service in _services(given):
        served = {d.country for d in service.to}
        for r, rate in enumerate(service.rate):
            for c, country in enumerate(rate.countries):
                if country not in served:
                    yield Finding(
                        (*path, "rate", r, "countries", c),
                        f"service {service.id} has a price for {country} but does not deliver there",
                        hint=f"add {country} to `to`, or remove the price",
                    )


@rule(
    CodeInfo(
        code="SHIP007",
        name="free-shipping-from-zero",
        severity="warning",
        summary="`free_from` is 0, so every order ships free and the rate is never charged.",
        why="A threshold of 0 is almost always a slip for a real amount; if shipping is free, say so with "
        "`rate: free`.",
        example="rate: 4.95\nfree_from: 0",
        instead="rate: 4.95\nfree_from: 50",
    )
)
def free_shipping_from_zero(given: RuleInput) -> Iterator[Finding]:
    for path, service in _services(given):
        if service.free_from is not None and service.free_from <= 0:
            yield Finding(
                (*path, "free_from"),
                f"service {service.id} ships free from an order value of 0, so its rate never applies",
                hint="write the order value from which shipping is free, or `rate: free`",
            )
