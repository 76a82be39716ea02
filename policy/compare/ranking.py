"""Ranking records under stated preferences: deterministic, lexicographic, and explained shop by shop.

The first preference decides; each later one only breaks ties left by those before it. Before any
preference comes whether the shop delivers to the destination at all: shops that do, then shops whose
records cannot tell, then shops that do not. Shops equal under every preference share a rank and are
listed by name, then by source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import Field

from shopterms.policy.compare.preferences import MEASURES_BY_NAME, Measure, context_of
from shopterms.policy.compare.provenance import Part
from shopterms.policy.compare.record import ComparisonRecord, Destination

COMPARISON_VERSION: Literal[1] = 1
PREFERENCE_NAMES = tuple(MEASURES_BY_NAME)
DEFAULT_PREFERENCES = ("fast", "cheap")


class Standing(Part):
    """How one shop measures under one preference."""

    preference: str = Field(description="The preference: fast, cheap, free-returns, long-returns or invoice.")
    known: bool = Field(description="False when the shop's record does not state what the preference needs.")
    measure: str = Field(description="The measure in words, e.g. 'free return shipping'.")


class RankedShop(Part):
    """One shop's place in the comparison, and why."""

    rank: int = Field(ge=1, description="1 is best; shops equal under every preference share a rank.")
    shop: str = Field(description="The shop's name, or its source when the name is unknown.")
    source: str = Field(description="File path or address the record was read from.")
    delivers: bool | None = Field(description="Whether it delivers to the destination; null: not stated.")
    standings: list[Standing] = Field(description="One entry per preference, in the order given.")
    reason: str = Field(description="The rank explained in one line.")


class Comparison(Part):
    """Shops ranked under preferences, with the records the ranking was made from."""

    comparison_version: Literal[1] = Field(default=COMPARISON_VERSION, description="Version of this format.")
    destination: Destination = Field(description="Where the goods go.")
    ordered_at: dt.datetime = Field(description="The order moment dates refer to.")
    preferences: list[str] = Field(description="Preferences in order of importance.")
    fast_measure: Literal["dates", "business_days"] = Field(
        description="What 'fast' compared: delivery dates when every record has them, else business days."
    )
    ranking: list[RankedShop] = Field(description="Shops, best first.")
    records: list[ComparisonRecord] = Field(description="The comparison records, in the ranking's order.")


def _delivery_tier(record: ComparisonRecord) -> int:
    serves = record.delivery.serves
    if serves.known and serves.value is True:
        return 0
    return 2 if serves.known else 1


def _name(record: ComparisonRecord) -> str:
    return record.shop.name.value if record.shop.name.value else record.source.location


def _reason(record: ComparisonRecord, preferences: Sequence[str], measures: Sequence[Measure]) -> str:
    parts = [f"{name}: {measure.text}" for name, measure in zip(preferences, measures, strict=True)]
    tier = _delivery_tier(record)
    where = record.destination.label()
    if tier == 2:
        return f"does not deliver to {where}; " + "; ".join(parts)
    if tier == 1:
        why = record.delivery.serves.note or "not stated"
        return f"delivery to {where} unknown ({why}); " + "; ".join(parts)
    return "; ".join(parts)


def check_preferences(preferences: Sequence[str]) -> list[str]:
    """The preferences without repeats; raises ValueError naming an unknown one and the allowed names."""
    chosen: list[str] = []
    for name in preferences:
        if name not in MEASURES_BY_NAME:
            raise ValueError(f"'{name}' is not a preference; use {', '.join(PREFERENCE_NAMES)}")
        if name not in chosen:
            chosen.append(name)
    return chosen or list(DEFAULT_PREFERENCES)


def compare(
    records: Sequence[ComparisonRecord], preferences: Sequence[str] = DEFAULT_PREFERENCES
) -> Comparison:
    """Rank the records (all for the same destination and moment) under the preferences."""
    if not records:
        raise ValueError("nothing to compare: give at least one record")
    chosen = check_preferences(preferences)
    context = context_of(records)
    scored: list[tuple[tuple[Any, ...], tuple[str, str], ComparisonRecord, list[Measure]]] = []
    for record in records:
        measures = [MEASURES_BY_NAME[name](record, context) for name in chosen]
        key = (_delivery_tier(record), *(measure.key for measure in measures))
        scored.append((key, (_name(record).casefold(), record.source.location), record, measures))
    scored.sort(key=lambda entry: (entry[0], entry[1]))
    ranking: list[RankedShop] = []
    for position, (key, _order, record, measures) in enumerate(scored):
        same = position > 0 and scored[position - 1][0] == key
        ranking.append(
            RankedShop(
                rank=ranking[-1].rank if same else position + 1,
                shop=_name(record),
                source=record.source.location,
                delivers=record.delivery.serves.value if record.delivery.serves.known else None,
                standings=[
                    Standing(preference=name, known=measure.known, measure=measure.text)
                    for name, measure in zip(chosen, measures, strict=True)
                ],
                reason=_reason(record, chosen, measures),
            )
        )
    first = records[0]
    return Comparison(
        destination=first.destination,
        ordered_at=first.ordered_at,
        preferences=chosen,
        fast_measure="dates" if context.dated else "business_days",
        ranking=ranking,
        records=[record for _key, _order, record, _measures in scored],
    )
