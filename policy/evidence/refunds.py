"""Judging a refund against the refund promise of the terms in force when the order was placed.

The promise counts calendar days from an event (returns.refund: `14 days after arrival`, after the
withdrawal notice, or after proof of dispatch); the refund is measured from the same event. Terms
without a refund time still get the refund time measured (from the goods' arrival), but no verdict.
A return whose refund is missing once the promised time has passed counts as a late refund.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from shopterms.policy.evidence.records import day_number
from shopterms.policy.model import Policy


@dataclass(frozen=True, slots=True)
class ReturnFacts:
    """What refund judging reads of a return record (days since 1970-01-01)."""

    requested_day: int | None
    sent_day: int | None
    received_day: int | None
    refunded_day: int | None


@dataclass(frozen=True, slots=True)
class RefundJudgement:
    days: int | None
    """Calendar days from the counted event to the refund; None while an overdue refund is missing."""
    on_time: bool | None
    """None when the terms promise no refund time."""


def judge_refund(returned: ReturnFacts, policy: Policy, today: dt.date) -> RefundJudgement | None:
    """The refund's verdict, or None when it cannot be judged yet (no counted event, or not yet due)."""
    refund = policy.returns.refund if policy.returns is not None else None
    anchor_name = refund.after if refund is not None else "arrival"
    promised = refund.days if refund is not None else None
    anchor = {
        "arrival": returned.received_day,
        "withdrawal": returned.requested_day,
        "dispatch": returned.sent_day,
    }[anchor_name]
    if anchor is None:
        return None
    if returned.refunded_day is None:
        if promised is not None and anchor + promised < day_number(today):
            return RefundJudgement(None, False)
        return None
    days = returned.refunded_day - anchor
    return RefundJudgement(days, None if promised is None else days <= promised)
