"""Whether a replica can read its store now: connected, or degraded since a moment, for a reason.

The change listener (server.replica_watch) and every load that fails set it; only the listener clears
it, after it has reconnected and caught up, so a replica never claims health on one lucky query.
While degraded a replica answers from the shops it holds and refuses the others at once (503) rather
than wait on a database that is gone.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

from pydantic import BaseModel, Field

logger = logging.getLogger("shopterms.server")


class StoreReport(BaseModel):
    """The replica's connection to its store."""

    status: str = Field(description="connected, or degraded while the store cannot be read.")
    reason: str | None = Field(default=None, description="Why the store cannot be read, while degraded.")
    since: dt.datetime | None = Field(
        default=None, description="Since when the store could not be read, while degraded."
    )


class StoreHealth:
    """The store's state as the replica last saw it; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._reason: str | None = None
        self._since: dt.datetime | None = None

    @property
    def degraded(self) -> bool:
        return self._reason is not None

    def fail(self, reason: str) -> None:
        """The store could not be read; the first failure names the moment, later ones the reason."""
        with self._lock:
            first = self._reason is None
            changed = reason != self._reason
            self._reason = reason
            if first:
                self._since = dt.datetime.now(dt.UTC)
        if changed:
            logger.error("the store cannot be read; serving the shops held in memory: %s", reason)

    def recover(self) -> None:
        with self._lock:
            was = self._reason
            self._reason = self._since = None
        if was is not None:
            logger.info("the store is readable again")

    def report(self) -> StoreReport:
        with self._lock:
            if self._reason is None:
                return StoreReport(status="connected")
            return StoreReport(status="degraded", reason=self._reason, since=self._since)
