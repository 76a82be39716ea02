"""Fixtures of the store tests: readers on the store under test, closed when the test ends."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from shopterms.store.location import parse_store
from shopterms.store.reading import StoreReader


@pytest.fixture
def read_store(store_url: str) -> Iterator[Callable[[], StoreReader]]:
    """Opens a reader on the store under test (call it after the first publish); all are closed after."""
    opened: list[StoreReader] = []

    def open_one() -> StoreReader:
        opened.append(StoreReader.open(parse_store(store_url)))
        return opened[-1]

    yield open_one
    for store in opened:
        store.close()
