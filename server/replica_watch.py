"""How a replica learns of new versions: PostgreSQL LISTEN/NOTIFY, or a SQLite store's change counter.

PostgreSQL: every publish sends `NOTIFY shopterms_versions` with the shop id in its transaction
(store.publishing), delivered when it commits. A thread holds one connection of its own (psycopg 3,
autocommit) that LISTENs, and refreshes each shop named, if the replica holds it. When that connection
breaks, the replica is marked degraded and the thread reconnects (0.2 s, doubling up to 2 s); once
listening again it reads the store's change counter and refreshes every held shop that changed since
it last connected (`changed_since`), so notifications sent while it was away are caught up. LISTEN is
issued before the counter is read, so no change falls between the two.

SQLite has no notifications: the change counter (one indexed read) is polled once a second.

Both re-estimate the held shops' memory every few seconds (answers rendered meanwhile grow it).
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from typing import Any

import anyio

from shopterms.server.reload import Reloader, ReloadOutcome
from shopterms.server.replica import ReplicaRegistry
from shopterms.store.errors import StoreError
from shopterms.store.publishing import NOTIFY_CHANNEL

logger = logging.getLogger("shopterms.server")

HEARTBEAT_SECONDS = 2.0  # the listening connection is checked with a query this often
RECOUNT_SECONDS = 5.0
RECONNECT_FIRST, RECONNECT_MOST = 0.2, 2.0


class ReplicaWatcher(Reloader):
    """Keeps a replica's held shops current; SIGHUP reads every held shop again."""

    def __init__(self, registry: ReplicaRegistry) -> None:
        super().__init__(registry)
        self.replica = registry
        self.reader = registry.reader
        # Read before the first request is served: a shop loaded after this and changed later is caught.
        self.counter = self.reader.change_counter()
        self._stop = threading.Event()

    # --- the Reloader interface (SIGHUP, the app's lifespan) ---------------------------------------
    def pending(self) -> bool:
        return False

    def reload(self, *, force: bool = False) -> ReloadOutcome:
        outcome = ReloadOutcome()
        try:
            outcome.reloaded.extend(self.replica.changed(self.replica.cache.ids() if force else []))
        except StoreError as error:
            outcome.failed["store"] = error.message
        return outcome

    async def watch(self, interval: float = 1.0) -> None:
        """Run until cancelled: the listener thread (PostgreSQL) or the counter poll (SQLite)."""
        listening = self.reader.location.kind == "postgresql"
        if listening:
            thread = threading.Thread(target=self.listen, name="shopterms-listen", daemon=True)
            thread.start()
        try:
            recounted = time.monotonic()
            while True:
                await asyncio.sleep(interval)
                if not listening:
                    await anyio.to_thread.run_sync(self.poll)
                if time.monotonic() - recounted >= RECOUNT_SECONDS:
                    await anyio.to_thread.run_sync(self.replica.recount)
                    recounted = time.monotonic()
        finally:
            self._stop.set()

    # --- catching up -------------------------------------------------------------------------------
    def catch_up(self) -> list[str]:
        """Refresh the held shops that changed since the counter was last read; raises StoreError."""
        counter = self.reader.change_counter()
        refreshed: list[str] = []
        if counter != self.counter:
            refreshed = self.replica.changed(self.reader.changed_since(self.counter))
            self.counter = counter
        return refreshed

    def poll(self) -> None:
        """SQLite: one look at the change counter; a failure marks the replica degraded until one works."""
        try:
            refreshed = self.catch_up()
        except StoreError as error:
            self.replica.health.fail(error.message)
            return
        self.replica.health.recover()
        if refreshed:
            logger.info("took up new versions of %s", ", ".join(refreshed))

    # --- PostgreSQL --------------------------------------------------------------------------------
    def listen(self) -> None:
        """Listen until stopped, reconnecting whenever the connection breaks."""
        wait = RECONNECT_FIRST
        while not self._stop.is_set():
            try:
                self._listen_once()
                wait = RECONNECT_FIRST
            except Exception as error:  # psycopg's errors, and StoreError from the catch-up
                self.replica.health.fail(_reason(error))
                self._stop.wait(wait)
                wait = min(wait * 2, RECONNECT_MOST)

    def _listen_once(self) -> None:
        import psycopg

        with psycopg.connect(_conninfo(self.reader.location.url), **_CONNECT_ARGS) as connection:
            connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
            self._caught_up()
            checked = time.monotonic()
            while not self._stop.is_set():
                # Each notification is taken up as it arrives; the generator ends after a second.
                for note in connection.notifies(timeout=1.0):
                    shop = _shop_of(note.payload)
                    if shop is not None:
                        refreshed = self.replica.changed([shop])
                        if refreshed:
                            logger.info("took up new versions of %s", ", ".join(refreshed))
                    if self._stop.is_set():
                        return
                if time.monotonic() - checked >= HEARTBEAT_SECONDS:
                    connection.execute("SELECT 1")  # a broken connection raises here
                    if self.replica.health.degraded:  # a request failed meanwhile; the store is back
                        self._caught_up()
                    checked = time.monotonic()

    def _caught_up(self) -> None:
        refreshed = self.catch_up()
        self.replica.health.recover()
        if refreshed:
            logger.info("caught up with versions published meanwhile: %s", ", ".join(refreshed))


_CONNECT_ARGS: dict[str, Any] = {
    "autocommit": True,
    "connect_timeout": 3,
    "application_name": "shopterms-listen",
    # A peer that vanished without closing the connection is noticed within seconds, not hours.
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
}


def _conninfo(url: str) -> str:
    """The store's SQLAlchemy URL as libpq takes it (postgresql+psycopg:// → postgresql://)."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _shop_of(payload: str) -> str | None:
    try:
        shop = json.loads(payload).get("shop")
    except (ValueError, AttributeError):
        return None
    return shop if isinstance(shop, str) else None


def _reason(error: BaseException) -> str:
    if isinstance(error, StoreError):
        return error.message
    text = " ".join(str(error).split()) or type(error).__name__
    return f"the connection to PostgreSQL failed: {text}"
