"""A table of shipping prices (the neutral form exports use) back as the policy's rate rules.

The inverse of `policy.export.rates.table`: each priced cell becomes one rule whose ranges are the
cell's bands, written so that `rates.table` reads exactly the same table again. A lowest band that
starts at the upper bound of the band below (the common case) is written from that bound, since the
lower range owns a shared bound; below a band without delivery, it starts one step higher. Two bands
of order value whose higher one is free become a flat price with `free_from`.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from shopterms.policy.export.facts import Band, RateTable
from shopterms.policy.export.rates import STEP_BY_DIMENSION


def _number(value: Decimal) -> Any:
    normal = value.normalize()
    return int(normal) if normal == normal.to_integral_value() else float(normal)


def _range(band: Band, index: int, below_is_open: bool) -> str:
    lower = band.uppers[index - 1] if index else None
    upper = band.uppers[index]
    start: Decimal = Decimal(0)
    if lower is not None:
        start = lower if below_is_open else lower + STEP_BY_DIMENSION[band.dimension]
    if upper is None:
        return f"{_number(start)}+"
    return f"{_number(start)}-{_number(upper)}"


def rate_value(table: RateTable, threshold: bool = True) -> tuple[Any, Any]:
    """`rate` as a policy writes it (an amount or a list of rules) and `free_from`, or (None, None) when
    no cell has a price (the service delivers nowhere). Without `threshold`, free bands stay rules."""
    if not table.bands:
        cell = table.cells[0]
        return (None, None) if cell is None else (_number(cell), None)
    free = _free_from(table) if threshold else None
    if free is not None:
        return free
    grid = dict(
        zip(itertools.product(*(range(len(b.uppers)) for b in table.bands)), table.cells, strict=True)
    )
    rules: list[dict[str, Any]] = []
    for index, amount in grid.items():
        if amount is None:
            continue
        rule: dict[str, Any] = {"amount": _number(amount)}
        for axis, band in enumerate(table.bands):
            position = index[axis]
            below = (*index[:axis], position - 1, *index[axis + 1 :])
            below_is_open = position == 0 or grid.get(below) is not None
            rule[band.dimension] = _range(band, position, below_is_open)
        rules.append(rule)
    return (rules or None), None


def _free_from(table: RateTable) -> tuple[Any, Any] | None:
    """Prices up to an order value and free above it: `(rate, free_from)` (the order value is the first
    band of a canonical table, as `rates.table` puts a threshold first)."""
    first = table.bands[0]
    if first.dimension != "order_value" or len(first.uppers) != 2 or first.uppers[0] is None:
        return None
    width = len(table.cells) // 2
    paid, free = table.cells[:width], table.cells[width:]
    # Free from the threshold on wherever there is a price below it, and nowhere else.
    if any(
        (low is None) != (high is None) or high not in (None, 0) for low, high in zip(paid, free, strict=True)
    ):
        return None
    if all(cell in (None, 0) for cell in paid):
        return None
    rate, _ = rate_value(RateTable(bands=table.bands[1:], cells=paid))
    return rate, _number(first.uppers[0] + STEP_BY_DIMENSION["order_value"])
