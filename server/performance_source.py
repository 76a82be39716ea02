"""Where a server finds a shop's measured figures: any object with `figures(shop, as_of)`, in practice the
figures runs of a store (store.evidence.published.PublishedFigures)."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from shopterms.policy.arguments import checked_moment
from shopterms.policy.evidence.figures import DeliveryPerformance


class PerformanceSource(Protocol):
    def figures(self, shop: str, as_of: dt.datetime | None = None) -> DeliveryPerformance | None:
        """The figures in force for the shop at `as_of` (default now), or None when there are none."""
        ...


def figures_at(source: PerformanceSource | None, shop: str, as_of: str | None) -> DeliveryPerformance | None:
    """The figures for a request: `as_of` as sent (checked, QueryError when malformed)."""
    if source is None:
        return None
    return source.figures(shop, checked_moment(as_of, "as_of"))
