"""Parcels of the example shop (Nordlicht Mode: warehouse in Hamburg, cutoff 14:00, handling 0-1 business
days, standard transit 1-2, closed 2026-12-24 to 2027-01-01) written as dates, for hand-checked cases."""

from __future__ import annotations

import datetime as dt

from shopterms.policy.evidence.judging import Judge, Judgement, ParcelFacts, TermsVersion
from shopterms.policy.evidence.records import day_number, moment_us
from shopterms.policy.loader import load_policy, load_policy_text
from shopterms.policy.model import Policy
from tests.conftest import EXAMPLES_DIR

EXAMPLE = EXAMPLES_DIR / "nordlicht-mode.yaml"


def example_policy() -> Policy:
    result = load_policy(EXAMPLE)
    assert result.policy is not None
    return result.policy


def policy_variant(old: str, new: str) -> Policy:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    result = load_policy_text(text.replace(old, new, 1), "variant.yaml")
    assert result.policy is not None, result.diagnostics
    return result.policy


def facts(
    ordered_at: str,
    delivered: str | None = None,
    *,
    shipped: str | None = None,
    service: str = "standard",
    country: str = "DE",
    region: str | None = "DE-HH",
    status: str | None = None,
) -> ParcelFacts:
    return ParcelFacts(
        moment_us(dt.datetime.fromisoformat(ordered_at)),
        service,
        country,
        region,
        status or ("delivered" if delivered else None),
        None if shipped is None else day_number(dt.date.fromisoformat(shipped)),
        None if delivered is None else day_number(dt.date.fromisoformat(delivered)),
    )


def judged(parcel: ParcelFacts, policy: Policy | None = None, today: str = "2027-03-01") -> Judgement:
    terms = TermsVersion("example", policy or example_policy())
    verdict = Judge(lambda moment: terms, dt.date.fromisoformat(today)).judge(parcel)
    assert not isinstance(verdict, str), verdict
    return verdict
