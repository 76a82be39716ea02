"""Shipping prices as tables of bands: the shape every export target writes rates from."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from shopterms.policy.export.facts import Band, RateTable
from shopterms.policy.export.loss import ExportError
from shopterms.policy.export.rates import canonical, first_band_slice, rules_for, table
from shopterms.policy.model.shipping import RateRule

D = Decimal


def _rules(*specs: dict[str, Any]) -> list[RateRule]:
    return [RateRule.model_validate(spec) for spec in specs]


def test_a_flat_rate_is_a_table_without_bands() -> None:
    assert table(_rules({"amount": 4.95}), None, "x") == RateTable(cells=(D("4.95"),))


def test_free_shipping_from_50_charges_up_to_49_99_and_nothing_above() -> None:
    result = table(_rules({"amount": 4.95}), D(50), "x")
    assert result == RateTable(
        bands=(Band(dimension="order_value", uppers=(D("49.99"), None)),), cells=(D("4.95"), D(0))
    )


def test_free_from_zero_makes_every_order_free() -> None:
    assert table(_rules({"amount": 4.95}), D(0), "x") == RateTable(cells=(D(0),))


def test_a_shared_weight_boundary_belongs_to_the_lower_range() -> None:
    result = table(
        _rules({"amount": 4.95, "weight_kg": "0-2"}, {"amount": 6.95, "weight_kg": "2-10"}), None, "x"
    )
    assert result.bands == (Band(dimension="weight_kg", uppers=(D(2), D(10), None)),)
    assert result.cells == (D("4.95"), D("6.95"), None)  # heavier than 10 kg: no delivery


def test_a_range_starting_above_zero_leaves_a_gap_without_delivery() -> None:
    result = table(_rules({"amount": 9.95, "items": "3+"}), None, "x")
    assert result == RateTable(bands=(Band(dimension="items", uppers=(D(2), None)),), cells=(None, D("9.95")))


def test_free_shipping_does_not_open_weights_the_rules_do_not_deliver() -> None:
    result = table(_rules({"amount": 4.95, "weight_kg": "0-10"}), D(50), "x")
    assert result.cells == (D("4.95"), None, D(0), None)  # rows: order value; columns: weight


def test_rules_naming_the_country_replace_the_general_rules() -> None:
    rules = _rules({"amount": 4.95}, {"amount": 7.95, "countries": ["AT"]})
    assert [rule.amount for rule in rules_for(rules, "AT")] == [D("7.95")]
    assert [rule.amount for rule in rules_for(rules, "DE")] == [D("4.95")]


def test_overlapping_rules_with_different_prices_are_refused_with_the_destination() -> None:
    rules = _rules({"amount": 4.95, "weight_kg": "0-5"}, {"amount": 6.95, "weight_kg": "3-10"})
    with pytest.raises(ExportError, match=r"services\[standard\] to DE: rate rules overlap .*4\.95, 6\.95"):
        table(rules, None, "shipping.services[standard] to DE")


def test_split_rules_with_equal_prices_merge_into_one_band() -> None:
    split = table(_rules({"amount": 5, "weight_kg": "0-1"}, {"amount": 5, "weight_kg": "1-2"}), None, "x")
    whole = table(_rules({"amount": 5, "weight_kg": "0-2"}), None, "x")
    assert split == whole


def test_canonical_drops_a_dimension_whose_bands_all_cost_the_same() -> None:
    two = RateTable(bands=(Band(dimension="items", uppers=(D(1), None)),), cells=(D(3), D(3)))
    assert canonical(two) == RateTable(cells=(D(3),))


def test_first_band_slice_keeps_the_prices_of_the_smallest_value() -> None:
    result = table(
        _rules({"amount": 4.95, "weight_kg": "0-10"}, {"amount": 9.95, "weight_kg": "10-30"}), D(50), "x"
    )
    assert first_band_slice(result, "order_value").cells == (D("4.95"), D("9.95"), None)
    assert first_band_slice(result, "weight_kg") == RateTable(
        bands=(Band(dimension="order_value", uppers=(D("49.99"), None)),), cells=(D("4.95"), D(0))
    )
