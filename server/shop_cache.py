"""The shops a replica holds in memory: least recently used first out, bounded by count and by bytes.

A replica serving 100,000 shops holds only those asked about lately. Each entry carries an estimate of
the memory it takes (server.footprint); when either bound is passed, the least recently used shops are
dropped until both hold again. The entry just added or grown is never dropped by its own growth, so
one shop larger than the whole byte cap still serves (alone).

Requests read the cache on the event loop while loads and the change listener write it from worker
threads, so every operation takes one lock; each is a dictionary operation, never I/O.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class CacheReport(BaseModel):
    """How full the replica's shop cache is."""

    shops: int = Field(description="Shops held in memory now.")
    max_shops: int = Field(description="The most shops held at once (--cache-shops).")
    estimated_bytes: int = Field(description="Estimated memory the held shops take (see docs/history.md).")
    max_bytes: int = Field(description="The cap on that estimate (--cache-mb).")
    evictions: int = Field(description="Shops dropped to stay within the bounds since the server started.")


@dataclass
class _Entry(Generic[T]):
    value: T
    size: int


class ShopCache(Generic[T]):
    """An LRU map of shop id → value with a count bound and a byte bound."""

    def __init__(self, max_shops: int, max_bytes: int, on_evict: Callable[[str], None] | None = None) -> None:
        if max_shops < 1 or max_bytes < 1:
            raise ValueError("a shop cache holds at least one shop and one byte")
        self.max_shops = max_shops
        self.max_bytes = max_bytes
        self.on_evict = on_evict
        self.evictions = 0
        self._bytes = 0
        self._items: OrderedDict[str, _Entry[T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, shop_id: str) -> T | None:
        """The value held for the shop, marked as just used; None when it is not held."""
        with self._lock:
            entry = self._items.get(shop_id)
            if entry is None:
                return None
            self._items.move_to_end(shop_id)
            return entry.value

    def peek(self, shop_id: str) -> T | None:
        """The value held, without marking it used."""
        with self._lock:
            entry = self._items.get(shop_id)
            return None if entry is None else entry.value

    def put(self, shop_id: str, value: T, size: int) -> None:
        """Hold the value (replacing what was held for the shop), then drop the least recently used
        shops until both bounds hold."""
        with self._lock:
            previous = self._items.pop(shop_id, None)
            if previous is not None:
                self._bytes -= previous.size
            self._items[shop_id] = _Entry(value, size)
            self._bytes += size
            dropped = self._shrink(keep=shop_id)
        self._notify(dropped)

    def replace(self, shop_id: str, value: T, size: int) -> None:
        """A newer value for a held shop, in its place in the order (a refresh is not a use); a shop
        not held stays not held."""
        with self._lock:
            entry = self._items.get(shop_id)
            if entry is None:
                return
            entry.value = value
            self._bytes += size - entry.size
            entry.size = size
            dropped = self._shrink(keep=shop_id)
        self._notify(dropped)

    def resize(self, shop_id: str, size: int) -> None:
        """A held shop grew or shrank (a further version loaded, answers kept); evicts as `put` does."""
        with self._lock:
            entry = self._items.get(shop_id)
            if entry is None:
                return
            self._bytes += size - entry.size
            entry.size = size
            dropped = self._shrink(keep=shop_id)
        self._notify(dropped)

    def discard(self, shop_id: str) -> None:
        with self._lock:
            entry = self._items.pop(shop_id, None)
            if entry is not None:
                self._bytes -= entry.size

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def ids(self) -> list[str]:
        """The held shops, least recently used first."""
        with self._lock:
            return list(self._items)

    def items(self) -> list[tuple[str, T]]:
        with self._lock:
            return [(shop_id, entry.value) for shop_id, entry in self._items.items()]

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, shop_id: object) -> bool:
        return shop_id in self._items

    @property
    def bytes(self) -> int:
        return self._bytes

    def report(self) -> CacheReport:
        with self._lock:
            return CacheReport(
                shops=len(self._items),
                max_shops=self.max_shops,
                estimated_bytes=self._bytes,
                max_bytes=self.max_bytes,
                evictions=self.evictions,
            )

    def _shrink(self, keep: str) -> list[str]:
        """Drop least recently used entries until both bounds hold; `keep` (the shop that made room
        necessary) stays."""
        dropped: list[str] = []
        while len(self._items) > self.max_shops or self._bytes > self.max_bytes:
            victim = next((shop_id for shop_id in self._items if shop_id != keep), None)
            if victim is None:
                break  # only that shop is left; it serves even above the byte cap
            self._bytes -= self._items.pop(victim).size
            self.evictions += 1
            dropped.append(victim)
        return dropped

    def _notify(self, dropped: list[str]) -> None:
        if self.on_evict is not None:
            for shop_id in dropped:
                self.on_evict(shop_id)
