"""Shipping conditions (one destination group's prices, each with its weight, order-value and item
ranges) back as a service's `to`, `rate` and `free_from` — the inverse of `policy.jsonld.shipping`.

The compiler writes one condition per rate rule for each group of destinations the same rules price,
plus a free condition from the `free_from` threshold on. So each destination group becomes rules for
its countries (a price per country where every group is one country with one price, one flat price
where there is a single group with a single price), and a threshold every group shares becomes
`free_from`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from shopterms.policy.drafting import spelling
from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.export.rates import STEP_BY_DIMENSION

Area = tuple[str, str | None, tuple[str, ...]]  # country, ISO 3166-2 region, postal codes (prefixes end in *)


@dataclass(frozen=True)
class Condition:
    """One price for one group of destinations, or a free condition (`free_from`) for them."""

    areas: tuple[Area, ...]
    amount: Decimal | None = None
    limits: tuple[tuple[str, str], ...] = ()  # (weight_kg | order_value | items, range as a policy writes it)
    free_from: Decimal | None = None


@dataclass
class Rates:
    """What the conditions of one service say, grouped by destination group in the order met."""

    groups: dict[tuple[Area, ...], list[Condition]] = field(default_factory=dict)

    def add(self, condition: Condition) -> None:
        self.groups.setdefault(condition.areas, []).append(condition)


def spelled(area: Area) -> Any:
    country, region, postal_codes = area
    return spelling.destination(country, region, postal_codes)


def area_order(home: str | None) -> Any:
    return lambda area: (area[0] != home, area[0], area[1] or "", area[2])


def price_range(low: Decimal | None, high: Decimal | None) -> str:
    start = spelling.number(low or Decimal(0))
    return f"{start}+" if high is None else f"{start}-{spelling.number(high)}"


def service_rate(rates: Rates, place: str, home: str | None, out: SourceDraft) -> tuple[Any, Any]:
    """`rate` and `free_from` of one service; (None, None) when no condition has a price. Groups come in
    the order of their areas, each group's rules from the lowest range up."""
    thresholds = set()
    for conditions in rates.groups.values():
        frees = [c.free_from for c in conditions if c.free_from is not None]
        thresholds.add(frees[0] if len(frees) == 1 else None)
    free_from = thresholds.pop() if len(thresholds) == 1 else None
    per_group: list[tuple[list[str], list[dict[str, Any]]]] = []
    claimed: set[str] = set()
    order = area_order(home)
    for areas, conditions in sorted(rates.groups.items(), key=lambda item: min(map(order, item[0]))):
        countries = sorted({area[0] for area in areas}, key=lambda code: (code != home, code))
        if claimed & set(countries):
            out.skip(
                f"{place}: prices that differ within {', '.join(sorted(claimed & set(countries)))} "
                "(by region or postal code) cannot be stated; the first prices are kept"
            )
            continue
        claimed.update(countries)
        kept = [c for c in conditions if c.free_from is None or free_from is None]
        rules = [_rule(c) for c in sorted(kept, key=_lowest)]
        if free_from is None:
            rules = _below_free(rules)
        if rules:
            per_group.append((countries, rules))
    if not per_group:
        return None, None
    if len(per_group) == 1:
        rules = per_group[0][1]
        return (rules[0]["amount"] if rules == [{"amount": rules[0]["amount"]}] else rules), _number(
            free_from
        )
    whole_countries = all(len(areas) == 1 and areas[0][1:] == (None, ()) for areas in rates.groups)
    if whole_countries and all(len(rules) == 1 and set(rules[0]) == {"amount"} for _, rules in per_group):
        return {countries[0]: rules[0]["amount"] for countries, rules in per_group}, _number(free_from)
    listed = [
        {"amount": r["amount"], "countries": countries, **_limits(r)}
        for countries, rules in per_group
        for r in rules
    ]
    return listed, _number(free_from)


def _lowest(condition: Condition) -> tuple[bool, tuple[tuple[str, Decimal], ...]]:
    """Priced rules from the lowest range up, free conditions last."""
    if condition.free_from is not None:
        return (True, (("order_value", condition.free_from),))
    return (False, tuple((key, Decimal(text.rstrip("+").split("-")[0])) for key, text in condition.limits))


def _below_free(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A group's own free threshold, which the other groups do not share, as an order-value range the
    paid rules end below: markup lets the lower of two matching prices win, a policy's rules may not
    overlap."""
    frees = [rule for rule in rules if rule["amount"] == 0 and str(rule.get("order_value", "")).endswith("+")]
    if len(frees) != 1 or len(rules) == 1:
        return rules
    below = Decimal(str(frees[0]["order_value"]).rstrip("+")) - STEP_BY_DIMENSION["order_value"]
    return [
        rule
        if rule is frees[0] or "order_value" in rule
        else {**rule, "order_value": price_range(None, below)}
        for rule in rules
    ]


def _rule(condition: Condition) -> dict[str, Any]:
    if condition.free_from is not None:
        return {"amount": 0, "order_value": price_range(condition.free_from, None)}
    return {"amount": spelling.number(condition.amount or Decimal(0)), **dict(condition.limits)}


def _limits(rule: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in rule.items() if key != "amount"}


def _number(value: Decimal | None) -> Any:
    return None if value is None else spelling.number(value)
