"""The figures a server publishes for a shop: the latest run computed at or before the moment asked
(`as_of`, default now).

A run's figures never change once saved, so each is read once and kept; which run is the latest for
"now" is asked again at most once a second, so a new `evidence report` shows within a second without
a restart. A store that cannot be read is logged and answered as "no figures": the terms themselves do
not depend on them. SQLAlchemy is imported only when figures are read.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from shopterms.policy.evidence.figures import DeliveryPerformance
from shopterms.store.errors import StoreError
from shopterms.store.location import StoreLocation

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

logger = logging.getLogger("shopterms.store")
REFRESH_SECONDS = 1.0


class PublishedFigures:
    """Figures read from a store's runs, each run read once."""

    def __init__(
        self, engine: Engine, location: StoreLocation, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.engine = engine
        self.location = location
        self.clock = clock
        self._latest: dict[str, tuple[float, int | None]] = {}
        self._runs: dict[tuple[str, int], DeliveryPerformance] = {}

    @classmethod
    def open(cls, location: StoreLocation) -> PublishedFigures:
        """Figures of an existing store of the current schema; StoreError otherwise."""
        from shopterms.store.engine import open_reader

        return cls(open_reader(location), location)

    def close(self) -> None:
        self.engine.dispose()

    def figures(self, shop: str, as_of: dt.datetime | None = None) -> DeliveryPerformance | None:
        """The figures in force for the shop at `as_of` (default now), or None when there are none."""
        from shopterms.store.evidence.runs import run_figures

        try:
            run = self._run(shop, as_of)
            if run is None:
                return None
            found = self._runs.get((shop, run))
            if found is None:
                found = self._runs[(shop, run)] = run_figures(self.engine, self.location, shop, run)
            return found
        except StoreError as error:
            logger.warning("measured figures of %s cannot be read: %s", shop, error)
            return None

    def _run(self, shop: str, as_of: dt.datetime | None) -> int | None:
        from shopterms.store.evidence.runs import run_at

        if as_of is not None:
            return run_at(self.engine, self.location, shop, as_of)
        now = self.clock()
        known = self._latest.get(shop)
        if known is None or now - known[0] >= REFRESH_SECONDS:
            known = self._latest[shop] = (now, run_at(self.engine, self.location, shop))
        return known[1]

    def held(self, shop: str) -> DeliveryPerformance | None:
        """The figures last read for the shop for "now", without asking the store (while it is away)."""
        known = self._latest.get(shop)
        return None if known is None or known[1] is None else self._runs.get((shop, known[1]))

    def forget(self, shop: str) -> None:
        """Drop what was read for the shop (a replica no longer holds it)."""
        self._latest.pop(shop, None)
        for key in [key for key in self._runs if key[0] == shop]:
            self._runs.pop(key, None)
