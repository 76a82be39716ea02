"""Ranking records under preferences: lexicographic, explained, deterministic; unknown below known."""

from __future__ import annotations

import itertools
import re

import pytest

from shopterms.policy.compare import PREFERENCE_NAMES, compare, record_from_file, record_from_policy
from shopterms.policy.compare.record import ComparisonRecord
from shopterms.policy.loader import load_policy_text
from tests.conftest import EXAMPLES_DIR, REPO_ROOT

AT = "2026-03-09T10:00:00+01:00"
NAMES = ("nordlicht-mode", "voltwerk-electronics", "kleinkram")


def examples(destination: str, at: str = AT) -> list[ComparisonRecord]:
    return [record_from_file(EXAMPLES_DIR / f"{name}.yaml", destination, at) for name in NAMES]


def shop(name: str, body: str, destination: str = "DE", at: str = AT) -> ComparisonRecord:
    text = f"""
shop: {{name: {name}, url: "https://{name.lower()}.example", address: {{country: DE}},
        timezone: Europe/Berlin, currency: EUR}}
{body}
"""
    return record_from_policy(load_policy_text(text, f"{name}.yaml"), destination, at)


SHIPPING = """
shipping:
  handling: {{days: {handling}}}
  services: [{{id: parcel, to: [DE], transit: 1, rate: {rate}}}]
"""


def order(comparison: object) -> list[tuple[int, str]]:
    return [(entry.rank, entry.shop) for entry in comparison.ranking]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("destination", "preferences", "expected"),
    [
        # Voltwerk's express leaves the same day (13:00 cutoff, no handling); Nordlicht's may take a day.
        ("DE-BY", ["fast", "cheap"], [(1, "Voltwerk"), (2, "Nordlicht Mode"), (3, "Kleinkram")]),
        ("DE-BY", ["cheap"], [(1, "Kleinkram"), (2, "Nordlicht Mode"), (3, "Voltwerk")]),
        # Equal free returns and equal 30-day windows: one shared rank, listed by name.
        (
            "DE-BY",
            ["free-returns", "long-returns"],
            [(1, "Nordlicht Mode"), (1, "Voltwerk"), (3, "Kleinkram")],
        ),
        ("DE-BY", ["invoice", "fast"], [(1, "Voltwerk"), (2, "Nordlicht Mode"), (3, "Kleinkram")]),
        # Austria: Kleinkram does not deliver there, so it comes last whatever is preferred.
        ("AT", ["free-returns"], [(1, "Voltwerk"), (2, "Nordlicht Mode"), (3, "Kleinkram")]),
        ("AT", ["fast"], [(1, "Nordlicht Mode"), (2, "Voltwerk"), (3, "Kleinkram")]),
    ],
)
def test_examples_rank_as_their_terms_say(
    destination: str, preferences: list[str], expected: list[tuple[int, str]]
) -> None:
    assert order(compare(examples(destination), preferences)) == expected


def test_each_shop_gets_one_reason_line_naming_every_preference() -> None:
    comparison = compare(examples("AT"), ["free-returns", "long-returns"])
    reasons = {entry.shop: entry.reason for entry in comparison.ranking}
    assert reasons["Voltwerk"] == "free-returns: free return shipping; long-returns: 30 days after delivery"
    assert (
        reasons["Nordlicht Mode"]
        == "free-returns: returns cost 6.95 EUR; long-returns: 30 days after delivery"
    )
    assert reasons["Kleinkram"].startswith("does not deliver to AT; free-returns: unknown (")
    assert all("\n" not in reason for reason in reasons.values())


def test_fast_compares_dates_and_says_so() -> None:
    comparison = compare(examples("DE-BY"), ["fast"])
    assert comparison.fast_measure == "dates"
    first = comparison.ranking[0]
    assert first.standings[0].measure == "Express delivers Tue 2026-03-10 (1 business day)"


def test_a_closed_warehouse_moves_a_shop_down_when_dates_are_compared() -> None:
    # Ordered on 23 December: Nordlicht's warehouse is closed until 1 January, Voltwerk's is not.
    comparison = compare(examples("DE-BY", "2026-12-23T09:00:00+01:00"), ["fast"])
    assert [entry.shop for entry in comparison.ranking] == ["Voltwerk", "Kleinkram", "Nordlicht Mode"]
    assert "2027-01" in comparison.ranking[2].standings[0].measure


def test_fast_falls_back_to_business_days_when_a_record_has_no_dates() -> None:
    records = examples("DE-BY")
    dated = records[0]
    fastest = dated.delivery.fastest.value
    assert fastest is not None and fastest.time.value is not None
    undated_time = fastest.time.value.model_copy(update={"earliest": None, "latest": None})
    undated_service = fastest.model_copy(
        update={"time": fastest.time.model_copy(update={"value": undated_time})}
    )
    delivery = dated.delivery.model_copy(
        update={"fastest": dated.delivery.fastest.model_copy(update={"value": undated_service})}
    )
    records[0] = dated.model_copy(update={"delivery": delivery})
    comparison = compare(records, ["fast"])
    assert comparison.fast_measure == "business_days"
    assert all("business day" in entry.standings[0].measure for entry in comparison.ranking)
    assert all(not re.search(r"\d{4}-\d{2}-\d{2}", entry.reason) for entry in comparison.ranking)


def test_unknown_ranks_below_a_known_poor_value() -> None:
    paying = shop(
        "Paying", SHIPPING.format(handling=1, rate=4) + "returns: {window: 14 days, cost: customer_pays}"
    )
    silent = shop("Silent", SHIPPING.format(handling=1, rate=4) + "returns: {window: 60 days}")
    comparison = compare([silent, paying], ["free-returns"])
    assert order(comparison) == [(1, "Paying"), (2, "Silent")]
    silent_entry = comparison.ranking[1]
    assert silent_entry.standings[0].known is False
    assert "unknown" in silent_entry.reason


def test_a_later_preference_only_breaks_ties() -> None:
    slow_cheap = shop("SlowCheap", SHIPPING.format(handling=3, rate=1))
    fast_dear = shop("FastDear", SHIPPING.format(handling=0, rate=9))
    same_fast_cheap = shop("FastCheap", SHIPPING.format(handling=0, rate=2))
    comparison = compare([slow_cheap, fast_dear, same_fast_cheap], ["fast", "cheap"])
    assert order(comparison) == [(1, "FastCheap"), (2, "FastDear"), (3, "SlowCheap")]
    assert order(compare([slow_cheap, fast_dear, same_fast_cheap], ["cheap", "fast"]))[0] == (1, "SlowCheap")


def test_a_shop_whose_delivery_is_unknown_ranks_between_serving_and_not_serving() -> None:
    serving = shop("Serving", SHIPPING.format(handling=1, rate=4))
    silent = shop("Silent", "returns: {window: 30 days}")
    comparison = compare([silent, serving], ["long-returns"])
    assert order(comparison) == [(1, "Serving"), (2, "Silent")]
    assert comparison.ranking[1].reason.startswith(
        "delivery to DE unknown (the file has no shipping section)"
    )


def test_the_ranking_does_not_depend_on_the_order_of_the_sources() -> None:
    records = examples("DE-BY")
    outputs = {
        compare(list(permutation), ["free-returns", "cheap"]).model_dump_json()
        for permutation in itertools.permutations(records)
    }
    assert len(outputs) == 1


def test_an_unknown_preference_is_refused_naming_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="'quick' is not a preference; use fast, cheap"):
        compare(examples("DE"), ["quick"])


def test_repeated_preferences_count_once_and_none_means_the_default() -> None:
    assert compare(examples("DE"), ["cheap", "cheap"]).preferences == ["cheap"]
    assert compare(examples("DE"), []).preferences == ["fast", "cheap"]


def test_docs_describe_every_preference() -> None:
    text = (REPO_ROOT / "docs" / "compare.md").read_text(encoding="utf-8")
    for name in PREFERENCE_NAMES:
        assert f"### `{name}`" in text, f"docs/compare.md does not describe the preference {name}"
