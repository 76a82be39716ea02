"""Publishing versions: numbered in commit order, idempotent for identical content, scheduled when they take
effect later, ordered by when they take effect — in SQLite and in PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from shopterms.store.content import policy_from_canonical
from shopterms.store.errors import StoreError
from shopterms.store.reading import StoreReader
from shopterms.store.timeline import BeforeFirstVersionError
from tests.store.store_harness import (
    EXPRESS_CUTOFF,
    SHOP,
    SHORT_WINDOW_AT,
    at,
    draft,
    publish_text,
    variant,
)

Reader = Callable[[], StoreReader]


def test_the_first_publish_creates_the_store_and_version_1(store_url: str, read_store: Reader) -> None:
    outcome = publish_text(store_url, note="first terms")
    assert outcome.action == "published"
    assert (outcome.version.number, outcome.version.note) == (1, "first terms")
    assert outcome.version.effective_from == at("2026-06-01T09:00:00+00:00")
    assert read_store().shops() == [SHOP]


def test_publishing_the_same_content_again_writes_nothing(store_url: str, read_store: Reader) -> None:
    first = publish_text(store_url)
    again = publish_text(store_url, now="2026-06-02T09:00:00+00:00")
    assert again.action == "unchanged"
    assert again.version == first.version
    assert [version.number for version in read_store().versions(SHOP)] == [1]
    assert read_store().change_counter() == 1


def test_the_same_terms_written_differently_are_the_same_content(store_url: str) -> None:
    publish_text(store_url)
    reworded = variant(("# ", "#  ")) + "\n# a comment changes nothing a buyer reads\n"
    assert publish_text(store_url, reworded, now="2026-06-02T09:00:00+00:00").action == "unchanged"


def test_changed_content_becomes_the_next_version(store_url: str, read_store: Reader) -> None:
    publish_text(store_url)
    outcome = publish_text(store_url, variant(EXPRESS_CUTOFF), now="2026-06-02T09:00:00+00:00")
    assert (outcome.action, outcome.version.number) == ("published", 2)
    assert outcome.version.hash != read_store().versions(SHOP)[0].hash


def test_a_version_keeps_its_canonical_json_yaml_and_rendered_documents(
    store_url: str, read_store: Reader
) -> None:
    text = variant(EXPRESS_CUTOFF)
    version = publish_text(store_url, text).version
    store = read_store()
    assert store.source_yaml(SHOP, 1) == text
    assert policy_from_canonical(store.canonical_json(SHOP, 1)) == draft(text).policy
    documents = store.documents(SHOP, 1)
    assert {"policy.json", "policy.jsonld", "summary.md", "index.html"} <= set(documents)
    media_type, body = documents["policy.jsonld"]
    assert media_type == "application/ld+json"
    assert version.hash.encode() in body  # the JSON-LD names its version


def test_a_future_effective_moment_schedules_the_version(store_url: str, read_store: Reader) -> None:
    publish_text(store_url)
    publish_text(
        store_url,
        variant(SHORT_WINDOW_AT),
        now="2026-06-02T09:00:00+00:00",
        effective="2027-01-01T00:00:00+01:00",
    )
    timeline = read_store().timeline(SHOP)
    assert timeline.in_force(at("2026-12-31T23:59:59.999999+01:00")).number == 1
    assert timeline.in_force(at("2027-01-01T00:00:00+01:00")).number == 2
    assert timeline.status(timeline.versions[1], at("2026-12-01T00:00:00+00:00")) == "scheduled"


def test_a_version_published_after_a_scheduled_one_serves_until_the_scheduled_one_takes_over(
    store_url: str, read_store: Reader
) -> None:
    publish_text(store_url)
    publish_text(
        store_url,
        variant(SHORT_WINDOW_AT),
        now="2026-06-02T00:00:00+00:00",
        effective="2027-01-01T00:00+01:00",
    )
    publish_text(store_url, variant(EXPRESS_CUTOFF), now="2026-06-03T00:00:00+00:00")
    timeline = read_store().timeline(SHOP)
    assert [
        timeline.in_force(at(moment)).number
        for moment in ("2026-06-02T12:00+00:00", "2026-06-03T12:00+00:00", "2027-01-01T00:00+01:00")
    ] == [1, 3, 2]


def test_among_versions_taking_effect_at_the_same_moment_the_later_publication_wins(
    store_url: str, read_store: Reader
) -> None:
    publish_text(store_url)
    publish_text(
        store_url, variant(EXPRESS_CUTOFF), now="2026-06-02T00:00+00:00", effective="2027-01-01T00:00+00:00"
    )
    publish_text(
        store_url, variant(SHORT_WINDOW_AT), now="2026-06-03T00:00+00:00", effective="2027-01-01T00:00+00:00"
    )
    assert read_store().timeline(SHOP).in_force(at("2027-01-01T00:00+00:00")).number == 3


def test_a_clock_that_went_backwards_cannot_reorder_versions(store_url: str, read_store: Reader) -> None:
    publish_text(store_url, now="2026-06-02T09:00:00+00:00")
    outcome = publish_text(store_url, variant(EXPRESS_CUTOFF), now="2026-06-01T09:00:00+00:00")
    assert outcome.version.number == 2
    assert outcome.version.published_at is not None
    assert outcome.version.published_at > at("2026-06-02T09:00:00+00:00")
    assert "the clock reads 2026-06-01T09:00:00+00:00" in outcome.notes[0]
    assert read_store().timeline(SHOP).in_force(at("2026-06-03T00:00+00:00")).number == 2


def test_a_new_version_cannot_take_effect_before_it_is_published(store_url: str, read_store: Reader) -> None:
    publish_text(store_url)
    with pytest.raises(StoreError, match="lies before this publication"):
        publish_text(
            store_url,
            variant(EXPRESS_CUTOFF),
            now="2026-06-02T00:00+00:00",
            effective="2026-05-01T00:00+00:00",
        )
    assert len(read_store().versions(SHOP)) == 1


def test_the_first_version_may_record_terms_in_force_since_before_it_was_published(
    store_url: str, read_store: Reader
) -> None:
    outcome = publish_text(store_url, effective="2025-03-01T00:00:00+01:00")
    timeline = read_store().timeline(SHOP)
    assert timeline.in_force(at("2025-06-01T00:00+00:00")) == outcome.version
    with pytest.raises(BeforeFirstVersionError) as raised:
        timeline.in_force(at("2025-02-28T00:00+00:00"))
    assert raised.value.first == at("2025-03-01T00:00:00+01:00")


def test_rescheduling_identical_content_is_a_new_publication(store_url: str) -> None:
    publish_text(store_url)
    again = publish_text(store_url, now="2026-06-02T00:00+00:00", effective="2026-07-01T00:00+00:00")
    assert (again.action, again.version.number) == ("published", 2)


def test_versions_are_found_by_number_hash_prefix_latest_and_current(
    store_url: str, read_store: Reader
) -> None:
    first = publish_text(store_url).version
    second = publish_text(
        store_url, variant(EXPRESS_CUTOFF), now="2026-06-02T00:00+00:00", effective="2099-01-01T00:00+00:00"
    ).version
    store = read_store()
    assert store.resolve(SHOP, "1") == first
    assert store.resolve(SHOP, second.hash[:8]) == second
    assert store.resolve(SHOP, "latest") == second
    assert store.resolve(SHOP, "current") == first
    with pytest.raises(StoreError, match="has no version 7"):
        store.resolve(SHOP, "7")


def test_every_publish_moves_the_change_counter_and_marks_the_shop(
    store_url: str, read_store: Reader
) -> None:
    publish_text(store_url)
    store = read_store()
    before = store.change_counter()
    publish_text(store_url, variant(EXPRESS_CUTOFF), now="2026-06-02T00:00+00:00")
    assert store.change_counter() == before + 1
    assert store.changed_since(before) == {SHOP: before + 1}
    assert store.changed_since(before + 1) == {}
