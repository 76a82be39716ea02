"""Helpers for the store tests: variants of the example policy, and publishing them with a chosen clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from shopterms.policy.loader import load_policy_text
from shopterms.store.engine import open_writer
from shopterms.store.location import parse_store
from shopterms.store.publishing import Draft, PublishOutcome, publish
from shopterms.store.signing import SigningKey
from tests.conftest import EXAMPLES_DIR

EXAMPLE_TEXT = (EXAMPLES_DIR / "nordlicht-mode.yaml").read_text(encoding="utf-8")
SHOP = "nordlicht-mode"
# Three eras of the example's terms: as shipped; the express cutoff an hour earlier; and the window
# for Austria shortened from 30 to 14 days.
EXPRESS_CUTOFF = ('cutoff: "12:00"', 'cutoff: "11:00"')
SHORT_WINDOW_AT = (
    "cost: {default: free, AT: 6.95}",
    "cost: {default: free, AT: 6.95}\n  by_country: {AT: {window: 14 days after delivery}}",
)


def variant(*replacements: tuple[str, str]) -> str:
    """The example policy with each (old, new) text replaced once; fails loudly if `old` is missing."""
    text = EXAMPLE_TEXT
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def draft(text: str = EXAMPLE_TEXT, shop: str = SHOP) -> Draft:
    result = load_policy_text(text, f"{shop}.yaml")
    assert result.policy is not None, result.diagnostics
    return Draft(shop, result.policy, text, f"{shop}.yaml")


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def clock_at(text: str):
    moment = at(text)
    return lambda: moment


def publish_text(
    url: str,
    text: str = EXAMPLE_TEXT,
    *,
    now: str = "2026-06-01T09:00:00+00:00",
    effective: str | None = None,
    note: str | None = None,
    key: SigningKey | None = None,
    shop: str = SHOP,
) -> PublishOutcome:
    """Publish `text` to the store at `url` as if the clock read `now` (as `shop`, default the example's)."""
    location = parse_store(url)
    engine = open_writer(location)
    try:
        return publish(
            engine,
            location,
            draft(text, shop),
            effective=None if effective is None else at(effective),
            note=note,
            key=key,
            clock=clock_at(now),
        )
    finally:
        engine.dispose()


def sqlite_path(url: str) -> Path:
    location = parse_store(url)
    assert location.path is not None
    return location.path
