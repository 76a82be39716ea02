"""Saving and reading figures runs: each computation of a shop's figures is kept, numbered per shop.

A server answers with the latest run computed at or before the moment asked about, so figures, like
terms, can be asked for "as of" a moment.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select

from shopterms.policy.evidence.figures import DeliveryPerformance, PerformanceCell
from shopterms.policy.evidence.tally import ALL
from shopterms.store.engine import translated
from shopterms.store.evidence.tables import figure_runs, figures
from shopterms.store.location import StoreLocation
from shopterms.store.moments import from_us, to_us

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine


def save_run(
    engine: Engine, location: StoreLocation, performance: DeliveryPerformance, notes: dict[str, Any]
) -> int:
    """Store the figures (every cell, published or not) as the shop's next run; returns its number."""
    shop = performance.shop
    with translated(location), engine.begin() as connection:
        latest = connection.execute(
            select(func.max(figure_runs.c.run)).where(figure_runs.c.shop_id == shop)
        ).scalar_one_or_none()
        run = (latest or 0) + 1
        body = {
            "method": performance.method,
            "method_version": performance.method_version,
            "period_days": performance.period.days,
            **notes,
        }
        connection.execute(
            insert(figure_runs).values(
                shop_id=shop,
                run=run,
                computed_us=to_us(performance.computed_at),
                period_start=performance.period.start.isoformat(),
                period_end=performance.period.end.isoformat(),
                minimum=performance.minimum_parcels,
                body=json.dumps(body, sort_keys=True),
            )
        )
        cells = [*([performance.overall] if performance.overall else []), *performance.cells]
        if cells:
            connection.execute(
                insert(figures),
                [
                    {
                        "shop_id": shop,
                        "run": run,
                        "service": cell.service,
                        "country": cell.country,
                        "region": cell.region or "",
                        "published": cell.published,
                        "parcels": cell.parcels,
                        "on_time_rate": cell.on_time_rate,
                        "body": cell.model_dump_json(),
                    }
                    for cell in cells
                ],
            )
    return run


def _performance(connection: Connection, shop: str, row: Any) -> DeliveryPerformance:
    body = json.loads(row.body)
    query = select(figures.c.body).where(figures.c.shop_id == shop, figures.c.run == row.run)
    cells = [PerformanceCell.model_validate_json(item.body) for item in connection.execute(query)]
    overall = next((cell for cell in cells if cell.service == ALL and cell.country == ALL), None)
    others = sorted(
        (cell for cell in cells if cell is not overall), key=lambda c: (c.service, c.country, c.region or "")
    )
    return DeliveryPerformance.model_validate(
        {
            "shop": shop,
            "computed_at": from_us(row.computed_us),
            "period": {"start": row.period_start, "end": row.period_end, "days": body["period_days"]},
            "minimum_parcels": row.minimum,
            "method": body["method"],
            "method_version": body["method_version"],
            "overall": overall,
            "cells": others,
            "withheld": sum(not cell.published for cell in others),
        }
    )


def run_at(
    engine: Engine, location: StoreLocation, shop: str, as_of: dt.datetime | None = None
) -> int | None:
    """The number of the shop's latest figures run computed at or before `as_of` (default: any), or None."""
    query = select(figure_runs.c.run).where(figure_runs.c.shop_id == shop)
    if as_of is not None:
        query = query.where(figure_runs.c.computed_us <= to_us(as_of))
    query = query.order_by(figure_runs.c.computed_us.desc(), figure_runs.c.run.desc()).limit(1)
    with translated(location), engine.connect() as connection:
        found = connection.execute(query).scalar_one_or_none()
    return None if found is None else int(found)


def run_figures(engine: Engine, location: StoreLocation, shop: str, run: int) -> DeliveryPerformance:
    """The figures of one run (every cell, published or not)."""
    query = select(figure_runs).where(figure_runs.c.shop_id == shop, figure_runs.c.run == run)
    with translated(location), engine.connect() as connection:
        return _performance(connection, shop, connection.execute(query).one())


def latest_run(
    engine: Engine, location: StoreLocation, shop: str, as_of: dt.datetime | None = None
) -> DeliveryPerformance | None:
    """The shop's figures computed last (at or before `as_of`), or None when there are none."""
    run = run_at(engine, location, shop, as_of)
    return None if run is None else run_figures(engine, location, shop, run)


def run_moments(engine: Engine, location: StoreLocation, shop: str) -> list[tuple[int, dt.datetime]]:
    """Every run of the shop: (number, computed at), oldest first."""
    query = (
        select(figure_runs.c.run, figure_runs.c.computed_us)
        .where(figure_runs.c.shop_id == shop)
        .order_by(figure_runs.c.computed_us, figure_runs.c.run)
    )
    with translated(location), engine.connect() as connection:
        return [(row.run, from_us(row.computed_us)) for row in connection.execute(query)]
