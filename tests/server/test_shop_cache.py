"""The replica's shop cache: least recently used shops go first, whichever bound (count, bytes) is passed."""

from __future__ import annotations

import pytest

from shopterms.server.shop_cache import ShopCache


def test_the_least_recently_used_shop_goes_when_the_count_bound_is_passed() -> None:
    cache: ShopCache[str] = ShopCache(max_shops=2, max_bytes=10_000)
    cache.put("a", "A", 10)
    cache.put("b", "B", 10)
    assert cache.get("a") == "A"  # a is now the more recently used
    cache.put("c", "C", 10)
    assert cache.ids() == ["a", "c"]
    assert cache.get("b") is None
    assert cache.report().evictions == 1


def test_shops_go_until_the_byte_cap_holds_again() -> None:
    cache: ShopCache[str] = ShopCache(max_shops=100, max_bytes=100)
    for shop in "abcd":
        cache.put(shop, shop.upper(), 30)
    assert cache.ids() == ["b", "c", "d"] and cache.bytes == 90
    cache.put("e", "E", 70)  # needs room for 70: b and c go
    assert cache.ids() == ["d", "e"] and cache.bytes == 100


def test_a_shop_larger_than_the_cap_still_serves_alone() -> None:
    cache: ShopCache[str] = ShopCache(max_shops=10, max_bytes=50)
    cache.put("small", "S", 10)
    cache.put("huge", "H", 500)
    assert cache.ids() == ["huge"]
    assert cache.get("huge") == "H"


def test_a_shop_that_grows_pushes_out_others_but_not_itself() -> None:
    cache: ShopCache[str] = ShopCache(max_shops=10, max_bytes=100)
    cache.put("a", "A", 40)
    cache.put("b", "B", 40)
    cache.resize("a", 90)  # a loaded another version: b, though used more lately, must go
    assert cache.ids() == ["a"] and cache.bytes == 90


def test_a_refresh_keeps_the_shop_in_its_place_and_never_adds_one() -> None:
    cache: ShopCache[str] = ShopCache(max_shops=2, max_bytes=1_000)
    cache.put("old", "v1", 10)
    cache.put("new", "N", 10)
    cache.replace("old", "v2", 20)
    assert cache.ids() == ["old", "new"] and cache.peek("old") == "v2" and cache.bytes == 30
    cache.replace("absent", "X", 10)
    assert "absent" not in cache
    cache.put("third", "T", 10)
    assert cache.ids() == ["new", "third"]  # the refreshed shop was still the least recently used


def test_peek_does_not_count_as_a_use() -> None:
    cache: ShopCache[str] = ShopCache(max_shops=2, max_bytes=1_000)
    cache.put("a", "A", 1)
    cache.put("b", "B", 1)
    assert cache.peek("a") == "A"
    cache.put("c", "C", 1)
    assert cache.ids() == ["b", "c"]


def test_evicted_shops_are_reported_to_the_callback() -> None:
    gone: list[str] = []
    cache: ShopCache[str] = ShopCache(max_shops=1, max_bytes=1_000, on_evict=gone.append)
    cache.put("a", "A", 1)
    cache.put("b", "B", 1)
    cache.put("c", "C", 1)
    assert gone == ["a", "b"]


def test_a_cache_holds_at_least_one_shop() -> None:
    with pytest.raises(ValueError):
        ShopCache(max_shops=0, max_bytes=1)
