"""Figures from the store: each parcel judged against the version in force when it was ordered, cells
below the publication minimum withheld, runs kept and found again "as of" a moment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from shopterms.store.engine import open_reader, open_writer
from shopterms.store.evidence.computing import compute, store_terms
from shopterms.store.evidence.runs import latest_run, save_run
from shopterms.store.location import parse_store
from shopterms.store.reading import StoreReader
from tests.store.evidence.evidence_harness import ingest
from tests.store.store_harness import SHOP, publish_text, variant

HEADER = "order_id,ordered_at,service,country,region,shipped_at,delivered_at,return_received_at,refunded_at\n"
# Ordered before the switch to transit 2-3: late by a day under the old terms (on time under the new).
BEFORE = "B-1,2026-06-09T13:00:00+02:00,standard,DE,DE-HH,2026-06-10,2026-06-15,2026-06-20,2026-06-26\n"
# Ordered after it: on time under the new terms (late under the old).
AFTER = "B-2,2026-06-10T09:00:00+02:00,standard,DE,DE-HH,2026-06-11,2026-06-16,2026-06-20,2026-06-29\n"


@pytest.fixture
def store(store_url: str, tmp_path: Path) -> str:
    publish_text(store_url, now="2026-05-01T09:00:00+00:00")
    publish_text(
        store_url,
        variant(("transit: 1-2", "transit: 2-3")),
        now="2026-05-02T09:00:00+00:00",
        effective="2026-06-10T00:00:00+02:00",
    )
    export = tmp_path / "parcels.csv"
    export.write_text(HEADER + BEFORE + AFTER, encoding="utf-8")
    code, _, err = ingest(store_url, tmp_path / "evidence.key", export)
    assert code == 0, err
    return store_url


def _compute(store_url: str, minimum: int = 30, at: str = "2026-07-01T12:00:00+00:00"):
    location = parse_store(store_url)
    reader = StoreReader(open_reader(location), location)
    try:
        terms = store_terms(reader, SHOP)
        return compute(
            reader.engine,
            location,
            SHOP,
            terms,
            until=dt.date(2026, 6, 30),
            days=90,
            minimum=minimum,
            now=lambda: dt.datetime.fromisoformat(at),
        )
    finally:
        reader.close()


def test_each_parcel_is_judged_by_the_version_in_force_when_it_was_ordered(store: str) -> None:
    figures = _compute(store, minimum=1).performance
    cell = next(
        cell
        for cell in figures.cells
        if (cell.service, cell.country, cell.region) == ("standard", "DE", None)
    )
    assert (cell.parcels, cell.on_time, cell.late, cell.late_transit, cell.on_time_rate) == (2, 1, 1, 1, 0.5)
    # Refunds promised within 7 days after arrival: 6 days is on time, 9 days late.
    assert (cell.refunds, cell.refund_on_time_rate) == (2, 0.5)
    assert cell.refund_days is not None and (cell.refund_days.p50, cell.refund_days.p90) == (6, 9)


def test_cells_below_the_minimum_are_withheld_from_what_is_published(store: str) -> None:
    figures = _compute(store, minimum=30).performance
    assert figures.cells and not any(cell.published for cell in figures.cells)
    published = figures.published_only()
    assert (published.cells, published.overall, published.withheld) == ([], None, len(figures.cells))


def test_runs_are_kept_and_the_one_computed_before_a_moment_answers_for_it(store: str) -> None:
    location = parse_store(store)
    engine = open_writer(location)
    try:
        first = _compute(store, minimum=1, at="2026-07-01T12:00:00+00:00").performance
        second = _compute(store, minimum=2, at="2026-07-08T12:00:00+00:00").performance
        assert save_run(engine, location, first, {}) == 1
        assert save_run(engine, location, second, {}) == 2
        assert latest_run(engine, location, SHOP) == second
        as_of = dt.datetime(2026, 7, 5, tzinfo=dt.UTC)
        assert latest_run(engine, location, SHOP, as_of) == first
        assert latest_run(engine, location, SHOP, dt.datetime(2026, 6, 1, tzinfo=dt.UTC)) is None
    finally:
        engine.dispose()
