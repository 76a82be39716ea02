"""Helpers for the tests that serve a store: three eras of the example's terms, a clock the test moves,
and the app over them (HTTP and MCP) on a real uvicorn."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fastapi import FastAPI

from shopterms.server.http_app import create_app
from shopterms.server.mcp_mount import mcp_mounts
from shopterms.server.state import ShopRegistry
from shopterms.server.store_source import StoreWatcher, open_store_registry
from shopterms.store.location import parse_store
from shopterms.store.reading import StoreReader
from shopterms.store.records import VersionInfo
from shopterms.store.signing import SigningKey
from tests.store.store_harness import EXPRESS_CUTOFF, SHORT_WINDOW_AT, publish_text, variant

# Version 1 from its publication on 1 January; version 2 (express cutoff 11:00) from 2 March; version 3
# (the window for Austria shortened to 14 days) published on 10 March, scheduled for 1 April.
ERAS = {
    "before": "2025-12-01T12:00:00+01:00",
    "v1": "2026-02-01T12:00:00+01:00",
    "v2": "2026-03-15T12:00:00+01:00",
    "last moment of v2": "2026-03-31T23:59:59+02:00",
    "switch": "2026-04-01T00:00:00+02:00",
    "v3": "2026-04-15T12:00:00+02:00",
}


class MovableClock:
    """The server's clock, set by the test."""

    def __init__(self, moment: str) -> None:
        self.moment = dt.datetime.fromisoformat(moment)

    def __call__(self) -> dt.datetime:
        return self.moment

    def set(self, moment: str) -> None:
        self.moment = dt.datetime.fromisoformat(moment)


def publish_three_eras(url: str, key: SigningKey | None = None) -> list[VersionInfo]:
    first = publish_text(url, now="2026-01-01T09:00:00+00:00", note="first terms", key=key)
    second = publish_text(
        url,
        variant(EXPRESS_CUTOFF),
        now="2026-03-01T09:00:00+00:00",
        effective="2026-03-02T00:00:00+01:00",
        note="express cutoff 11:00",
        key=key,
    )
    third = publish_text(
        url,
        variant(EXPRESS_CUTOFF, SHORT_WINDOW_AT),
        now="2026-03-10T09:00:00+00:00",
        effective="2026-04-01T00:00:00+02:00",
        note="AT: 14 days",
        key=key,
    )
    return [first.version, second.version, third.version]


@dataclass
class Served:
    app: FastAPI
    registry: ShopRegistry
    reader: StoreReader
    clock: MovableClock


@contextmanager
def store_app(url: str, *, now: str = ERAS["v2"], shop: str | None = "nordlicht-mode") -> Iterator[Served]:
    """The app serving the store at `url` (one shop at the root, or every shop), MCP mounted."""
    clock = MovableClock(now)
    registry, reader = open_store_registry(parse_store(url), shop=shop, clock=clock)
    watcher = StoreWatcher(registry, reader, all_shops=shop is None)
    app = create_app(registry, mounts=mcp_mounts(registry), handle_sighup=False, reloader=watcher)
    try:
        yield Served(app, registry, reader, clock)
    finally:
        reader.close()
