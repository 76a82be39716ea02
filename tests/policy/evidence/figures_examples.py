"""Figures of the example shop as a report would compute them: published cells for a country and a
region (with refunds), one withheld cell, and the overall cell."""

from __future__ import annotations

import datetime as dt

from shopterms.policy.evidence.figures import (
    METHOD,
    METHOD_VERSION,
    DeliveryPerformance,
    Percentiles,
    PerformanceCell,
    Period,
)


def cell(service: str, country: str, region: str | None, parcels: int, **changes: object) -> PerformanceCell:
    values: dict[str, object] = {
        "service": service,
        "country": country,
        "region": region,
        "published": parcels >= 30,
        "parcels": parcels,
        "on_time_rate": 0.9,
        "early": 0,
        "on_time": parcels - parcels // 10,
        "late": parcels // 10,
        "overdue": 0,
        "pending": 3,
        "not_delivered": 1,
        "dispatched": parcels,
        "dispatch_on_time_rate": 0.95,
        "delivered": parcels,
        "lead_time_business_days": Percentiles(p50=2, p90=4),
        "lead_time_calendar_days": Percentiles(p50=3, p90=6),
        "late_dispatch": parcels // 20,
        "late_transit": parcels // 10 - parcels // 20,
        "late_unknown": 0,
        "refunds": 40,
        "refund_on_time_rate": 0.95,
        "refund_days": Percentiles(p50=4, p90=7),
    }
    values.update(changes)
    return PerformanceCell.model_validate(values)


def example_figures() -> DeliveryPerformance:
    cells = [
        cell("express", "DE", None, 12),
        cell("standard", "DE", None, 400),
        cell("standard", "DE", "DE-BY", 60, refunds=0, refund_on_time_rate=None, refund_days=None),
    ]
    return DeliveryPerformance(
        shop="nordlicht-mode",
        computed_at=dt.datetime(2026, 12, 1, 6, 0, tzinfo=dt.UTC),
        period=Period(start=dt.date(2026, 9, 2), end=dt.date(2026, 11, 30), days=90),
        minimum_parcels=30,
        method=METHOD,
        method_version=METHOD_VERSION,
        overall=cell("*", "*", None, 412),
        cells=cells,
        withheld=1,
    )
