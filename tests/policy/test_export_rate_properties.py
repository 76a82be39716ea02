"""Property: looking a parcel up in the exported band table gives the price the policy's rules give."""

from __future__ import annotations

import itertools
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from shopterms.policy.export.facts import RateTable
from shopterms.policy.export.rates import table
from shopterms.policy.model.shipping import RateRule

CENT = Decimal("0.01")


def rule_price(
    rules: list[RateRule], free_from: Decimal | None, weight: Decimal, value: Decimal
) -> Decimal | None:
    """The policy's reading: inclusive ranges, a shared bound belongs to the lower range; free_from waives."""
    matching = [
        rule
        for rule in rules
        if rule.weight_kg is None
        or (rule.weight_kg.min <= weight and (rule.weight_kg.max is None or weight <= rule.weight_kg.max))
    ]
    if not matching:
        return None
    lowest = min(
        matching,
        key=lambda rule: rule.weight_kg.max if rule.weight_kg and rule.weight_kg.max else Decimal("Infinity"),
    )
    if free_from is not None and value >= free_from:
        return Decimal(0)
    return lowest.amount


def table_price(rates: RateTable, weight: Decimal, value: Decimal) -> Decimal | None:
    index = 0
    for band in rates.bands:
        point = weight if band.dimension == "weight_kg" else value
        position = next(i for i, upper in enumerate(band.uppers) if upper is None or point <= upper)
        index = index * len(band.uppers) + position
    return rates.cells[index]


@st.composite
def tiers(draw: st.DrawFn) -> tuple[list[RateRule], Decimal | None]:
    bounds = sorted(draw(st.sets(st.integers(1, 400), min_size=1, max_size=5)))
    start = draw(st.sampled_from([0, 0, bounds[0] // 2]))
    edges = [Decimal(start) / 10, *(Decimal(b) / 10 for b in bounds)]
    open_end = draw(st.booleans())
    amounts = draw(st.lists(st.integers(0, 3000), min_size=len(edges), max_size=len(edges)))
    specs = [
        {"amount": Decimal(amounts[i]) / 100, "weight_kg": f"{low}-{high}"}
        for i, (low, high) in enumerate(itertools.pairwise(edges))
        if low < high
    ]
    if open_end:
        specs.append({"amount": Decimal(amounts[-1]) / 100, "weight_kg": f"{edges[-1]}+"})
    rules = [RateRule.model_validate(spec) for spec in specs]
    free_from = draw(st.none() | st.integers(1, 20000).map(lambda cents: Decimal(cents) * CENT))
    return rules, free_from


@settings(deadline=None, max_examples=150)
@given(tiers(), st.integers(0, 45000), st.integers(0, 25000))
def test_a_weight_and_order_value_cost_the_same_in_the_table_as_under_the_rules(
    case: tuple[list[RateRule], Decimal | None], grams: int, cents: int
) -> None:
    rules, free_from = case
    rates = table(rules, free_from, "x")
    # Check the generated point and every bound of every rule, where off-by-one mistakes live.
    weights = {Decimal(grams) / 1000}
    for rule in rules:
        if rule.weight_kg is not None:
            weights |= {rule.weight_kg.min, *([rule.weight_kg.max] if rule.weight_kg.max is not None else [])}
    values = {Decimal(cents) * CENT, *([free_from, free_from - CENT] if free_from else [])}
    for weight in weights:
        for value in values:
            assert table_price(rates, weight, value) == rule_price(rules, free_from, weight, value), (
                weight,
                value,
            )
