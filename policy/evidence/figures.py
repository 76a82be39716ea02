"""The published figures: per delivery service and destination, over a window of order dates.

These models are the answer of `/performance` and `get_delivery_performance`, the source of the
JSON-LD and of the terms page's table, so every field says what it counts. Each figure carries the
number of parcels (or returns) it was computed from; a cell with fewer parcels than the publication
minimum is withheld, not shown with a warning.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Final

from pydantic import Field

from shopterms.policy.queries import Answer

METHOD_VERSION: Final = 1
METHOD: Final = (
    "Each parcel is judged against the promise of the terms in force when it was ordered: the same date "
    "computation as the delivery estimate (cutoff, business days, public holidays of the warehouse and of "
    "the destination's region, warehouse closures, the shop's time zone). On time: delivered no later than "
    "the latest promised day. Lead time: business days of the destination's delivery calendar after the "
    "day the order counts from, up to delivery, and calendar days from the order day. Percentiles are "
    "nearest-rank. Parcels not yet delivered count as late once their latest promised day has passed; "
    "parcels the carrier could not deliver are counted apart."
)


class Percentiles(Answer):
    """The median and the 90th percentile of a number of days (nearest-rank)."""

    p50: int = Field(description="Half of the parcels (or returns) took at most this many days.")
    p90: int = Field(description="Nine in ten took at most this many days.")


class PerformanceCell(Answer):
    """Measured performance of one service to one destination (a country, or a region of it)."""

    service: str = Field(description="Delivery service id, as in the terms.", examples=["standard"])
    country: str = Field(description="Destination country, ISO 3166-1 alpha-2.", examples=["DE"])
    region: str | None = Field(
        description="Destination region (ISO 3166-2) when the cell covers one region only; null for the "
        "whole country.",
        examples=["DE-BY"],
    )
    published: bool = Field(description="False when the cell has fewer parcels than the publication minimum.")
    parcels: int = Field(description="Parcels judged for delivery: delivered, or overdue and not delivered.")
    on_time_rate: float | None = Field(
        description="Share of `parcels` delivered no later than the latest promised day (0-1)."
    )
    early: int = Field(description="Parcels delivered before the earliest promised day.")
    on_time: int = Field(description="Parcels delivered within the promised window.")
    late: int = Field(description="Parcels delivered after the latest promised day, or overdue.")
    overdue: int = Field(description="Of the late parcels: not delivered yet, past the latest promised day.")
    pending: int = Field(description="Parcels on their way, not yet due (not judged).")
    not_delivered: int = Field(description="Parcels the carrier failed to deliver or sent back (not judged).")
    dispatched: int = Field(description="Parcels with a known dispatch day: the sample of the dispatch rate.")
    dispatch_on_time_rate: float | None = Field(
        description="Share of `dispatched` handed to the carrier by the latest promised dispatch day (0-1)."
    )
    delivered: int = Field(description="Delivered parcels: the sample of the lead times.")
    lead_time_business_days: Percentiles | None = Field(
        description="Business days (destination's delivery calendar) from the day the order counts from "
        "to delivery."
    )
    lead_time_calendar_days: Percentiles | None = Field(
        description="Calendar days from the order day to delivery."
    )
    late_dispatch: int = Field(description="Late parcels that left the warehouse late.")
    late_transit: int = Field(description="Late parcels dispatched on time: the carrier was late.")
    late_unknown: int = Field(description="Late parcels whose dispatch day is unknown.")
    refunds: int = Field(description="Refunded returns: the sample of the refund figures.")
    refund_on_time_rate: float | None = Field(
        description="Share of `refunds` paid within the refund promise of the terms (0-1); null when the "
        "terms state no refund time."
    )
    refund_days: Percentiles | None = Field(
        description="Calendar days from the event the refund promise counts from (the goods' arrival, by "
        "default) to the refund."
    )


class Period(Answer):
    """The order dates a set of figures covers."""

    start: dt.date = Field(description="First order day counted.")
    end: dt.date = Field(description="Last order day counted (inclusive).")
    days: int = Field(description="Length of the window in days.")

    @property
    def interval(self) -> str:
        """ISO 8601 interval of the dates, e.g. 2026-09-02/2026-11-30."""
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


class DeliveryPerformance(Answer):
    """How well the shop kept its delivery and refund promises, measured from its own records."""

    shop: str = Field(description="Shop id.")
    computed_at: dt.datetime = Field(description="When the figures were computed (UTC).")
    period: Period = Field(description="The order dates the figures cover.")
    minimum_parcels: int = Field(description="Cells with fewer parcels than this are withheld.")
    method: str = Field(description="How parcels are judged and figures computed.")
    method_version: int = Field(description="Version of the method; a change of method gets a new number.")
    overall: PerformanceCell | None = Field(
        description="Every service and destination together (service and country '*'); null when withheld."
    )
    cells: list[PerformanceCell] = Field(description="Per service and destination, the published cells.")
    withheld: int = Field(description="Cells not published because they have too few parcels.")

    def published_only(self) -> DeliveryPerformance:
        """The figures as published: withheld cells (and an overall cell below the minimum) left out."""
        shown = [cell for cell in self.cells if cell.published]
        overall = self.overall if self.overall is not None and self.overall.published else None
        return self.model_copy(update={"cells": shown, "overall": overall})

    def for_service(self, service: str) -> list[PerformanceCell]:
        return [cell for cell in self.cells if cell.service == service]


def percentile(histogram: dict[int, int], share: float) -> int | None:
    """The nearest-rank percentile of a histogram {value: count}: the smallest value such that at least
    `share` of the counted items are at or below it."""
    total = sum(histogram.values())
    if total == 0:
        return None
    rank = max(1, math.ceil(round(share * total, 9)))  # rounded first: 0.9 * 10 is 9, not 9.000…1
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    return max(histogram)


def percentiles(histogram: dict[int, int]) -> Percentiles | None:
    p50, p90 = percentile(histogram, 0.5), percentile(histogram, 0.9)
    return None if p50 is None or p90 is None else Percentiles(p50=p50, p90=p90)


def rate(count: int, of: int) -> float | None:
    """count/of rounded to four places; None without a sample."""
    return None if of == 0 else round(count / of, 4)
