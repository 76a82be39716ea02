"""Shipping prices as a table of bands: the one shape every target's rates are written from.

A policy states prices as rules with optional ranges (weight, order value, items) plus a free-shipping
threshold; targets such as the Merchant API state them as tables with inclusive upper bounds. This
module turns the rules for one destination country into such a table, in a canonical form (adjacent
equal bands merged, unused dimensions dropped) so two spellings of the same prices compare equal.

Readings, stated once here and in docs/exports.md:
- Rules naming the country replace the rules for every destination (as in `policy.pricing`).
- Range bounds are inclusive; where one rule's range ends at the value another's starts, the lower
  range owns that value (a parcel of exactly 2 kg pays the 0-2 kg price).
- A range starting at m > 0 with nothing ending at m starts just above the next lower value: one cent
  below m for order values (prices have cents), one microgram-kilo (10^-6 kg) for weights, one item for
  item counts. The free-shipping threshold starts that way too: orders from `free_from` on pay 0.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal

from shopterms.policy.export.facts import Band, Dimension, RateTable
from shopterms.policy.export.loss import ExportError
from shopterms.policy.model.shipping import RateRule, ValueRange

DIMENSIONS: tuple[Dimension, ...] = ("order_value", "weight_kg", "items")
STEP_BY_DIMENSION: dict[Dimension, Decimal] = {
    "order_value": Decimal("0.01"),
    "weight_kg": Decimal("0.000001"),
    "items": Decimal(1),
}
Interval = tuple[Decimal | None, Decimal | None]  # (exclusive lower or None from 0, inclusive upper or None)


def rules_for(rules: Sequence[RateRule], country: str) -> list[RateRule]:
    specific = [rule for rule in rules if country in rule.countries]
    return specific or [rule for rule in rules if not rule.countries]


def _range(rule: RateRule, dimension: Dimension) -> ValueRange | None:
    value: ValueRange | None = getattr(rule, dimension)
    return value


def _interval(value: ValueRange | None, dimension: Dimension, ends: set[Decimal]) -> Interval:
    if value is None:
        return (None, None)
    if value.min == 0:
        return (None, value.max)
    low = value.min if value.min in ends else value.min - STEP_BY_DIMENSION[dimension]
    return (low, value.max)


def _covers(interval: Interval, low: Decimal | None, high: Decimal | None) -> bool:
    start, end = interval
    starts_in_time = start is None or (low is not None and start <= low)
    ends_in_time = end is None or (high is not None and high <= end)
    return starts_in_time and ends_in_time


def table(rules: Sequence[RateRule], free_from: Decimal | None, where: str) -> RateTable:
    """The canonical table of the rules that apply at one destination; `where` names it in errors."""
    used = [d for d in DIMENSIONS if any(_range(rule, d) is not None for rule in rules)]
    if free_from is not None and "order_value" not in used:
        used.insert(0, "order_value")
    intervals: list[dict[Dimension, Interval]] = []
    for position, rule in enumerate(rules):
        per_dimension: dict[Dimension, Interval] = {}
        for dimension in used:
            others = (_range(other, dimension) for i, other in enumerate(rules) if i != position)
            ends = {value.max for value in others if value is not None and value.max is not None}
            per_dimension[dimension] = _interval(_range(rule, dimension), dimension, ends)
        intervals.append(per_dimension)
    # Orders from free_from on are free: the free band starts just above the last value below it.
    free_start = None if not free_from else free_from - STEP_BY_DIMENSION["order_value"]
    uppers: dict[Dimension, list[Decimal | None]] = {}
    for dimension in used:
        points = {bound for item in intervals for bound in item[dimension] if bound is not None}
        if dimension == "order_value" and free_start is not None:
            points.add(free_start)
        uppers[dimension] = [*sorted(points), None]
    cells: list[Decimal | None] = []
    for index in itertools.product(*(range(len(uppers[d])) for d in used)):
        bounds = {
            d: (uppers[d][i - 1] if i else None, uppers[d][i]) for d, i in zip(used, index, strict=True)
        }
        amounts = {
            rule.amount
            for rule, item in zip(rules, intervals, strict=True)
            if all(_covers(item[d], *bounds[d]) for d in used)
        }
        free = free_from == 0 or (
            free_start is not None and _at_or_after(bounds["order_value"][0], free_start)
        )
        if free and amounts:  # the threshold waives a price; it opens no destination or weight without one
            cells.append(Decimal(0))
            continue
        if len(amounts) > 1:
            shown = ", ".join(f"{amount:f}" for amount in sorted(amounts))
            raise ExportError(
                f"{where}: rate rules overlap with different prices ({shown}); make their ranges disjoint"
            )
        cells.append(amounts.pop() if amounts else None)
    bands = tuple(Band(dimension=d, uppers=tuple(uppers[d])) for d in used)
    return canonical(RateTable(bands=bands, cells=tuple(cells)))


def _at_or_after(low: Decimal | None, start: Decimal) -> bool:
    return low is not None and low >= start


def canonical(rates: RateTable) -> RateTable:
    """Merge adjacent bands with equal prices everywhere and drop dimensions left with one band."""
    bands = list(rates.bands)
    grid = {index: cell for index, cell in zip(_indices(bands), rates.cells, strict=True)}
    position = 0
    while position < len(bands):
        band = bands[position]
        keep: list[int] = []
        for i in range(len(band.uppers)):
            if keep and _same_slice(grid, bands, position, keep[-1], i):
                keep[-1] = i  # the merged band ends where the later one ends
                continue
            keep.append(i)
        if len(keep) < len(band.uppers):
            grid = _reindex(grid, bands, position, keep)
            bands[position] = Band(dimension=band.dimension, uppers=tuple(band.uppers[i] for i in keep))
        if len(bands[position].uppers) == 1:
            grid = {index[:position] + index[position + 1 :]: cell for index, cell in grid.items()}
            del bands[position]
            continue
        position += 1
    return RateTable(bands=tuple(bands), cells=tuple(grid[index] for index in _indices(bands)))


def _indices(bands: Sequence[Band]) -> list[tuple[int, ...]]:
    return list(itertools.product(*(range(len(band.uppers)) for band in bands)))


def _at(index: tuple[int, ...], axis: int, value: int) -> tuple[int, ...]:
    """The index with its position on `axis` replaced."""
    return (*index[:axis], value, *index[axis + 1 :])


def _same_slice(
    grid: dict[tuple[int, ...], Decimal | None], bands: Sequence[Band], axis: int, a: int, b: int
) -> bool:
    return all(grid[index] == grid[_at(index, axis, b)] for index in grid if index[axis] == a)


def _reindex(
    grid: dict[tuple[int, ...], Decimal | None], bands: Sequence[Band], axis: int, keep: list[int]
) -> dict[tuple[int, ...], Decimal | None]:
    # Each kept band takes the prices of its last member (all members are equal).
    return {
        _at(index, axis, new): cell
        for index, cell in grid.items()
        for new, old in enumerate(keep)
        if index[axis] == old
    }


def first_band_slice(rates: RateTable, dimension: Dimension) -> RateTable:
    """The table without `dimension`, keeping the prices of its first band (for targets without it)."""
    axis = next(i for i, band in enumerate(rates.bands) if band.dimension == dimension)
    grid = dict(zip(_indices(rates.bands), rates.cells, strict=True))
    bands = rates.bands[:axis] + rates.bands[axis + 1 :]
    cells = tuple(grid[(*index[:axis], 0, *index[axis:])] for index in _indices(bands))
    return canonical(RateTable(bands=bands, cells=cells))


def describe(rates: RateTable, currency: str) -> str:
    """A short text of a table for messages: '4.95 EUR' or 'by order_value: ≤49.99 4.95, more 0'."""
    if not rates.bands:
        return _price(rates.cells[0], currency)
    shown = ", ".join(_price(cell, currency) for cell in rates.cells)
    return f"{len(rates.cells)} prices by {' and '.join(b.dimension for b in rates.bands)} ({shown})"


def _price(amount: Decimal | None, currency: str) -> str:
    return "no delivery" if amount is None else f"{amount:.2f} {currency}"
