"""A replica's registry in-process: what it reads at start (nothing per shop), on a first request (that
shop), and what it keeps (the recently used shops, within its bounds)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from shopterms.server.replica import ReplicaRegistry
from shopterms.server.replica_watch import ReplicaWatcher
from shopterms.store.errors import StoreError
from shopterms.store.location import parse_store
from shopterms.store.reading import StoreReader
from tests.store.store_harness import EXPRESS_CUTOFF, SHOP, publish_text, variant


def _publish_shops(url: str, count: int) -> list[str]:
    shops = [f"shop-{number:03d}" for number in range(count)]
    for shop in shops:
        publish_text(url, now="2026-01-01T09:00:00+00:00", shop=shop)
    return shops


@contextmanager
def _statements(reader: StoreReader) -> Iterator[list[str]]:
    """Every SQL statement the reader's engine runs inside the block."""
    seen: list[str] = []

    def record(connection: Any, cursor: Any, statement: str, *rest: Any) -> None:
        seen.append(statement)

    event.listen(reader.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(reader.engine, "before_cursor_execute", record)


@contextmanager
def _replica(url: str, **bounds: int) -> Iterator[ReplicaRegistry]:
    reader = StoreReader.open(parse_store(url))
    try:
        yield ReplicaRegistry(reader, **bounds)
    finally:
        reader.close()


def test_starting_reads_the_same_whatever_the_number_of_shops(store_url: str) -> None:
    _publish_shops(store_url, 1)
    with _replica(store_url) as one, _statements(one.reader) as with_one:
        ReplicaWatcher(one)
    _publish_shops(store_url, 12)
    with _replica(store_url) as many, _statements(many.reader) as with_many:
        ReplicaWatcher(many)
    assert with_one == with_many  # the change counter, nothing per shop
    assert len(many.cache) == 0


def test_a_first_request_reads_only_that_shop_and_holds_it(store_url: str) -> None:
    _publish_shops(store_url, 3)
    with _replica(store_url) as registry:
        terms = registry.terms("shop-001")
        assert terms is not None and terms.current().policy.shop.name
        assert registry.cache.ids() == ["shop-001"]
        with _statements(registry.reader) as again:
            assert registry.terms("shop-001") is terms
        assert again == []  # held: answered from memory
        assert registry.terms("no-such-shop") is None
        with _statements(registry.reader) as asked_again:
            assert registry.terms("no-such-shop") is None
        assert asked_again == []  # remembered as unknown until a change names it


def test_an_id_once_unknown_is_served_when_its_shop_is_published(store_url: str) -> None:
    _publish_shops(store_url, 1)
    with _replica(store_url) as registry:
        watcher = ReplicaWatcher(registry)
        assert registry.terms("zweitladen") is None
        publish_text(store_url, now="2026-01-01T09:00:00+00:00", shop="zweitladen")
        watcher.catch_up()
        assert registry.terms("zweitladen") is not None


def test_the_least_recently_used_shops_go_past_the_bound(store_url: str) -> None:
    _publish_shops(store_url, 4)
    with _replica(store_url, max_shops=2) as registry:
        for shop in ("shop-000", "shop-001", "shop-000", "shop-002"):
            registry.terms(shop)
        assert registry.cache.ids() == ["shop-000", "shop-002"]
        report = registry.cache.report()
        assert report.evictions == 1 and 0 < report.estimated_bytes <= report.max_bytes


def test_a_byte_cap_smaller_than_two_shops_holds_one(store_url: str) -> None:
    _publish_shops(store_url, 2)
    with _replica(store_url) as measure:
        terms = measure.terms("shop-000")
        assert terms is not None
        one_shop = measure.cache.bytes
    with _replica(store_url, max_bytes=one_shop + one_shop // 2) as registry:
        registry.terms("shop-000")
        registry.terms("shop-001")
        assert registry.cache.ids() == ["shop-001"]


def test_a_change_refreshes_a_held_shop_and_leaves_the_others_unread(store_url: str) -> None:
    publish_text(store_url, now="2026-01-01T09:00:00+00:00")
    publish_text(store_url, now="2026-01-01T09:00:00+00:00", shop="zweitladen")
    with _replica(store_url) as registry:
        watcher = ReplicaWatcher(registry)
        before = registry.terms(SHOP)
        assert before is not None
        newer = publish_text(store_url, variant(EXPRESS_CUTOFF), now="2026-01-02T09:00:00+00:00")
        publish_text(store_url, variant(EXPRESS_CUTOFF), now="2026-01-02T09:00:00+00:00", shop="zweitladen")
        assert watcher.catch_up() == [SHOP]
        held = registry.terms(SHOP)
        assert held is not None and held.current().version.hash == newer.version.hash
        assert registry.cache.ids() == [SHOP]
        assert watcher.catch_up() == []  # nothing new


def test_while_degraded_a_shop_not_held_is_refused_at_once(store_url: str) -> None:
    _publish_shops(store_url, 2)
    with _replica(store_url) as registry:
        assert registry.terms("shop-000") is not None
        registry.health.fail("the database went away")
        with _statements(registry.reader) as tried, pytest.raises(StoreError, match="does not hold shop-001"):
            registry.terms("shop-001")
        assert tried == []
        assert registry.terms("shop-000") is not None  # held: still served
        report = registry.health.report()
        assert report.status == "degraded" and report.reason == "the database went away" and report.since
