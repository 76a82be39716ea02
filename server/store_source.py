"""Serving from a store: every shop's published versions, each version's state read on first request.

A version's state is built from what `publish` stored (its rendered documents and its canonical JSON,
from which the policy model is rebuilt without any YAML), so a server starts without rendering a
page. A watcher polls the store's change counter once a second and takes up new versions and new
shops; scheduled versions need no watching, the timeline switches to them by the clock.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import anyio

from shopterms.server.reload import Reloader, ReloadOutcome
from shopterms.server.state import ShopRegistry, shop_url
from shopterms.server.terms import Clock, ShopTerms
from shopterms.server.version_state import ShopState, state_of
from shopterms.store.content import policy_from_canonical
from shopterms.store.errors import StoreError
from shopterms.store.location import StoreLocation
from shopterms.store.moments import utc_now
from shopterms.store.reading import StoreReader
from shopterms.store.records import VersionInfo

logger = logging.getLogger("shopterms.server")


class StoreSignatures:
    """Signatures and public keys read from the store, kept once read (they never change)."""

    def __init__(self, reader: StoreReader) -> None:
        self.reader = reader
        self._signatures: dict[tuple[str, int | None], str | None] = {}
        self._keys: dict[str, dict[str, Any]] = {}

    def signature(self, version: VersionInfo) -> str | None:
        key = (version.shop, version.number)
        if key not in self._signatures:
            self._signatures[key] = (
                None
                if version.number is None or not version.signed
                else self.reader.signature(version.shop, version.number)
            )
        return self._signatures[key]

    def public_keys(self, kids: list[str] | None) -> list[dict[str, Any]]:
        wanted = list(kids or [])
        missing = [kid for kid in wanted if kid not in self._keys]
        if missing:
            for jwk in self.reader.public_keys(missing):
                self._keys[str(jwk["kid"])] = jwk
        return [self._keys[kid] for kid in wanted if kid in self._keys]


def state_loader(reader: StoreReader, public_url: str | None, directory: bool) -> Any:
    """Builds the state of a stored version from its documents; no YAML is parsed, no page rendered."""

    def load(version: VersionInfo) -> ShopState:
        assert version.number is not None
        documents = reader.documents(version.shop, version.number)
        policy = policy_from_canonical(documents["policy.json"][1])
        url = shop_url(public_url, version.shop) if directory else public_url
        return state_of(version.shop, policy, version, documents, public_url=url)

    return load


def open_store_registry(
    location: StoreLocation,
    *,
    shop: str | None = None,
    public_url: str | None = None,
    clock: Clock = utc_now,
) -> tuple[ShopRegistry, StoreReader]:
    """A registry of the store's shops (all of them under /shops/{id}, or one named shop at the root), and
    the reader it reads versions through (close it when done serving).

    Raises StoreError when the store cannot be read or holds no versions (of the named shop)."""
    reader = StoreReader.open(location)
    try:
        ids = [shop] if shop is not None else reader.shops()
        if not ids:
            raise StoreError(
                f"the store {location.display} holds no published versions yet",
                "publish a policy first: shopterms publish POLICY",
            )
        directory = shop is None
        load = state_loader(reader, public_url, directory)
        shops = {shop_id: ShopTerms(reader.timeline(shop_id), load, clock=clock) for shop_id in ids}
    except StoreError:
        reader.close()
        raise
    registry = ShopRegistry(
        None,
        directory=directory,
        public_url=public_url,
        shops=shops,
        signatures=StoreSignatures(reader),
        clock=clock,
    )
    return registry, reader


class StoreWatcher(Reloader):
    """Takes up what was published since the server started: new versions of its shops, and (serving
    the whole store) new shops. A failed read keeps everything serving and is logged once per cause."""

    def __init__(self, registry: ShopRegistry, reader: StoreReader, *, all_shops: bool) -> None:
        super().__init__(registry)
        self.reader = reader
        self.all_shops = all_shops
        self.counter = self._counter_or(-1)
        self._last_error: str | None = None

    def _counter_or(self, default: int) -> int:
        try:
            return self.reader.change_counter()
        except StoreError:
            return default

    def pending(self) -> bool:
        try:
            changed = self.reader.change_counter() != self.counter
        except StoreError as error:
            self._report(error)
            return False
        return changed

    def reload(self, *, force: bool = False) -> ReloadOutcome:
        outcome = ReloadOutcome()
        try:
            counter = self.reader.change_counter()
            changed = set(self.reader.changed_since(-1 if force else self.counter))
            shops = dict(self.registry.shops)
            load = state_loader(self.reader, self.registry.public_url, self.registry.directory)
            for shop_id in sorted(changed):
                if shop_id not in shops and not self.all_shops:
                    continue
                timeline = self.reader.timeline(shop_id)
                present = shops.get(shop_id)
                shops[shop_id] = (
                    present.with_timeline(timeline)
                    if present is not None
                    else ShopTerms(timeline, load, clock=self.registry.clock)
                )
                outcome.reloaded.append(shop_id)
        except StoreError as error:
            self._report(error)
            outcome.failed["store"] = error.message
            return outcome
        self._last_error = None
        self.counter = counter
        if outcome.reloaded:
            self.registry.replace_shops(shops)
            logger.info("took up new versions of %s", ", ".join(outcome.reloaded))
        return outcome

    async def watch(self, interval: float = 1.0) -> None:
        """Poll the change counter every `interval` seconds, off the event loop; runs until cancelled."""
        while True:
            await asyncio.sleep(interval)
            if await anyio.to_thread.run_sync(self.pending):
                await self.reload_in_thread()

    def _report(self, error: StoreError) -> None:
        if error.message != self._last_error:
            logger.error("reading the store failed; the versions already loaded keep serving: %s", error)
            self._last_error = error.message
