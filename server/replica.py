"""A stateless replica over a store: shops read on first request, held in a bounded LRU, never listed whole.

Starting reads nothing but the schema revision, so it takes the same time for one shop or 100,000. The
first request for a shop reads its versions (one query) and the documents of the version in force and
of the latest one; the shop is then held in a `ShopCache` until it is the least recently used one past
`--cache-shops` or `--cache-mb`. The shop index (/shops and the documents that list shops) is read from
the store a page at a time. Replicas hold nothing of their own: any two over one store answer alike.

New versions come from server.replica_watch, which refreshes only the shops it is told changed. While
the store cannot be read (server.store_health) the held shops keep answering and the others are
refused at once with 503 store-unavailable.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import anyio

from shopterms.policy.evidence.figures import DeliveryPerformance
from shopterms.server.footprint import state_bytes, terms_bytes
from shopterms.server.shop_cache import ShopCache
from shopterms.server.state import ShopRegistry
from shopterms.server.store_health import StoreHealth
from shopterms.server.store_source import StoreSignatures, state_loader
from shopterms.server.terms import Clock, ShopTerms
from shopterms.server.version_state import ShopState
from shopterms.store.errors import StoreError
from shopterms.store.evidence.published import PublishedFigures
from shopterms.store.listing import ShopListing, shop_page
from shopterms.store.moments import utc_now
from shopterms.store.reading import StoreReader
from shopterms.store.records import VersionInfo
from shopterms.store.timeline import BeforeFirstVersionError, Timeline

DEFAULT_CACHE_SHOPS = 10_000
DEFAULT_CACHE_MB = 1024
UNKNOWN_IDS = 10_000  # unknown ids remembered (about 1 MB)


class HeldFigures:
    """Measured figures from the store, or, while it cannot be read, those last read (no waiting on it)."""

    def __init__(self, source: PublishedFigures, health: StoreHealth) -> None:
        self.source = source
        self.health = health

    def figures(self, shop: str, as_of: dt.datetime | None = None) -> DeliveryPerformance | None:
        if self.health.degraded:
            return self.source.held(shop) if as_of is None else None
        return self.source.figures(shop, as_of)


@dataclass
class _Flight:
    """A load of one shop in progress: later requests for it wait for this one instead of reading too."""

    done: threading.Event = field(default_factory=threading.Event)
    stale: bool = False  # a change to the shop arrived while it was read: read it again
    result: ShopTerms | None = None
    error: StoreError | None = None


class ReplicaRegistry(ShopRegistry):
    """Every shop of a store at /shops/{id}, read when first asked for and held in an LRU."""

    lazy = True

    def __init__(
        self,
        reader: StoreReader,
        *,
        public_url: str | None = None,
        max_shops: int = DEFAULT_CACHE_SHOPS,
        max_bytes: int = DEFAULT_CACHE_MB * 1024 * 1024,
        clock: Clock = utc_now,
    ) -> None:
        super().__init__(
            None, directory=True, public_url=public_url, signatures=StoreSignatures(reader), clock=clock
        )
        self.reader = reader
        self.health = StoreHealth()
        self.cache: ShopCache[ShopTerms] = ShopCache(max_shops, max_bytes)
        self.generation = 0  # moves with every change taken up; server-wide documents follow it
        self._lock = threading.Lock()
        self._flights: dict[str, _Flight] = {}
        # Set in the thread taking up changes: it reads the store while still marked degraded (that is
        # how it finds the store back), where requests are refused.
        self._refreshing = threading.local()
        self._keys: tuple[int, list[dict[str, Any]] | None] = (0, None)
        # Ids asked for that the store has no shop of, so asking again costs no query. Exact: a first
        # publish of one is a change the listener passes to `changed`, which forgets it.
        self._unknown: OrderedDict[str, None] = OrderedDict()

    # --- what the server reads -------------------------------------------------------------------
    @property
    def shops(self) -> Mapping[str, ShopTerms]:
        """The shops held now (not every shop of the store)."""
        return MappingProxyType(dict(self.cache.items()))

    @property
    def states(self) -> Mapping[str, ShopState]:
        found = {}
        for shop_id, terms in self.cache.items():
            try:
                found[shop_id] = terms.current()
            except (BeforeFirstVersionError, StoreError):
                continue
        return found

    def terms(self, shop_id: str) -> ShopTerms | None:
        """The shop's terms: held, or read from the store now (blocking); None when it has none."""
        held = self.cache.get(shop_id)
        return held if held is not None else self.load(shop_id)

    def held(self, shop_id: str) -> ShopTerms | None:
        return self.cache.get(shop_id)

    async def find(self, shop_id: str) -> ShopTerms | None:
        held = self.cache.get(shop_id)
        if held is not None:
            return held
        return await anyio.to_thread.run_sync(self.load, shop_id)

    def only_terms(self, shop_id: str | None = None) -> ShopTerms:
        if shop_id is None:
            raise LookupError("a replica serves many shops; name one")
        found = self.terms(shop_id)
        if found is None:
            raise KeyError(shop_id)
        return found

    def shop_choices(self) -> list[str]:
        return []  # listing 100,000 ids to suggest one would cost more than the request

    def listing(self, after: str | None, limit: int) -> ShopListing:
        self._refuse_while_degraded("the shop index")
        try:
            return shop_page(self.reader, after, limit, self.clock())
        except StoreError as error:
            self.health.fail(error.message)
            raise

    def server_keys(self) -> list[dict[str, Any]]:
        """Every key in the store (only publishing with a key records one), read once per change taken
        up, so every replica names the same keys whatever shops it holds."""
        generation, keys = self._keys
        if generation != self.generation or keys is None:
            self._refuse_while_degraded("the store's keys")
            try:
                keys = self.reader.public_keys()
            except StoreError as error:
                self.health.fail(error.message)
                raise
            self._keys = (self.generation, keys)
        return keys

    def replace_shops(self, shops: Mapping[str, ShopTerms]) -> None:
        raise TypeError("a replica reads its shops from the store; it is never given them")

    # --- loading ---------------------------------------------------------------------------------
    def load(self, shop_id: str) -> ShopTerms | None:
        """Read a shop from the store and hold it; one read per shop however many requests wait for it."""
        while True:
            with self._lock:
                held = self.cache.get(shop_id)
                if held is not None:
                    return held
                if shop_id in self._unknown:
                    return None
                flight = self._flights.get(shop_id)
                owner = flight is None
                if flight is None:
                    flight = self._flights[shop_id] = _Flight()
            if not owner:
                flight.done.wait()
                if flight.error is not None:
                    raise flight.error
                return flight.result
            try:
                flight.result = self._read_until_settled(shop_id, flight)
            except StoreError as error:
                flight.error = error
                raise
            finally:
                with self._lock:
                    self._flights.pop(shop_id, None)
                flight.done.set()
            return flight.result

    def _read_until_settled(self, shop_id: str, flight: _Flight) -> ShopTerms | None:
        while True:
            self._refuse_while_degraded(shop_id)
            terms = self._read(shop_id)
            with self._lock:
                if flight.stale:  # published while it was read: what was read may be the old version
                    flight.stale = False
                    continue
                if terms is not None:
                    self.cache.put(shop_id, terms, terms_bytes(terms))
                else:
                    self._unknown[shop_id] = None
                    if len(self._unknown) > UNKNOWN_IDS:
                        self._unknown.popitem(last=False)
                return terms

    def _read(self, shop_id: str, present: ShopTerms | None = None) -> ShopTerms | None:
        """The shop's terms as the store holds them now, with the versions in force and latest loaded
        (`present` itself when nothing changed). Of the states loaded in `present`, those of the
        versions in force and latest are kept (versions never change); older ones are let go."""
        try:
            versions = self.reader.versions_if_any(shop_id)
            if not versions:
                return None
            if present is not None and tuple(versions) == tuple(present.timeline.versions):
                return present
            timeline = Timeline(shop_id, versions)
            wanted = {timeline.latest}
            with contextlib.suppress(BeforeFirstVersionError):  # only scheduled versions so far
                wanted.add(timeline.in_force(self.clock()))
            kept = {} if present is None else present.loaded()
            keys = {(version.number, version.hash) for version in wanted}
            loaded = {key: state for key, state in kept.items() if key in keys}
            terms = ShopTerms(timeline, self._loader(shop_id), loaded, clock=self.clock)
            for version in wanted:
                terms.state(version)
        except StoreError as error:
            self.health.fail(error.message)
            raise
        return terms

    def _loader(self, shop_id: str) -> Callable[[VersionInfo], ShopState]:
        load = state_loader(self.reader, self.public_url, True)

        def load_counted(version: VersionInfo) -> ShopState:
            """A further version read on request (an as_of in the past): the shop's estimate grows."""
            if not getattr(self._refreshing, "active", False):  # the listener catching up may read
                self._refuse_while_degraded(f"version {version.number} of {shop_id}")
            try:
                state = load(version)
            except StoreError as error:
                self.health.fail(error.message)
                raise
            held = self.cache.peek(shop_id)
            if held is not None:
                self.cache.resize(shop_id, terms_bytes(held) + state_bytes(state))
            return state

        return load_counted

    def _refuse_while_degraded(self, what: str) -> None:
        report = self.health.report()
        if report.reason is not None:
            raise StoreError(
                f"the store cannot be read now, and this server does not hold {what}", report.reason
            )

    def serve_figures(self, source: PublishedFigures) -> None:
        """Publish the store's measured figures; while the store is away, those last read for now."""
        self.performance = HeldFigures(source, self.health)
        self.cache.on_evict = source.forget

    # --- what the change listener calls ------------------------------------------------------------
    def changed(self, shop_ids: Iterable[str]) -> list[str]:
        """Take up new versions of these shops: those held are read again, those being read are read
        again when done, the others are left to their first request. Returns the shops refreshed."""
        self.generation += 1
        self._refreshing.active = True
        try:
            return self._refresh(dict.fromkeys(shop_ids))
        finally:
            self._refreshing.active = False

    def _refresh(self, shop_ids: Iterable[str]) -> list[str]:
        refreshed = []
        for shop_id in shop_ids:
            with self._lock:
                self._unknown.pop(shop_id, None)
                flight = self._flights.get(shop_id)
                if flight is not None:
                    flight.stale = True
                held = self.cache.peek(shop_id)
            if held is None:
                continue
            terms = self._read(shop_id, held)
            if terms is held:
                continue  # this replica already had it (a catch-up, or another store's notification)
            if terms is None:
                self.cache.discard(shop_id)
            else:
                self.cache.replace(shop_id, terms, terms_bytes(terms))  # a refresh is not a use
            refreshed.append(shop_id)
        return refreshed

    def recount(self) -> None:
        """Estimate every held shop's memory again (answers rendered since it was loaded grow it)."""
        for shop_id, terms in self.cache.items():
            self.cache.resize(shop_id, terms_bytes(terms))
