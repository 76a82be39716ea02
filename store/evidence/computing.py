"""Computing a shop's figures from its records: every parcel ordered in the window is read (streamed, not
loaded), judged against the terms in force at its order moment, and added up.

The terms come from the store's published versions of the shop (the version in force at each order
moment decides), or from one policy file for a shop that has published none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import and_, select

from shopterms.policy.evidence.figures import METHOD, METHOD_VERSION, DeliveryPerformance, Period
from shopterms.policy.evidence.judging import Judge, ParcelFacts, TermsAt, TermsVersion
from shopterms.policy.evidence.records import moment_us
from shopterms.policy.evidence.refunds import ReturnFacts, judge_refund
from shopterms.policy.evidence.tally import ALL, Tally
from shopterms.policy.model import Policy
from shopterms.store.content import policy_from_canonical, policy_hash
from shopterms.store.engine import translated
from shopterms.store.evidence.tables import parcels, returns
from shopterms.store.location import StoreLocation
from shopterms.store.reading import StoreReader
from shopterms.store.timeline import BeforeFirstVersionError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

DEFAULT_WINDOW_DAYS = 90
DEFAULT_MINIMUM = 30
STREAM_ROWS = 10_000


@dataclass(frozen=True)
class Terms:
    """Where the promises come from: the versions of a store, or one policy file."""

    at: TermsAt
    latest: Policy
    description: str


def store_terms(reader: StoreReader, shop: str) -> Terms:
    """The shop's published versions; UnknownShopError when it has none."""
    timeline = reader.timeline(shop)
    loaded: dict[int, TermsVersion] = {}

    def terms_of(number: int, content_hash: str) -> TermsVersion:
        found = loaded.get(number)
        if found is None:
            policy = policy_from_canonical(reader.canonical_json(shop, number))
            found = loaded[number] = TermsVersion(content_hash, policy)
        return found

    def at(moment: dt.datetime) -> TermsVersion | None:
        try:
            version = timeline.in_force(moment)
        except BeforeFirstVersionError:
            return None
        assert version.number is not None
        return terms_of(version.number, version.hash)

    latest = timeline.latest
    assert latest.number is not None
    count = len(timeline.versions)
    return Terms(
        at,
        terms_of(latest.number, latest.hash).policy,
        f"{count} published version{'s' if count != 1 else ''} of {shop} (each parcel: the one in force "
        "when it was ordered)",
    )


def file_terms(policy: Policy, name: str) -> Terms:
    version = TermsVersion(policy_hash(policy), policy)
    return Terms(
        lambda moment: version, policy, f"{name} (no published versions: these terms for every parcel)"
    )


@dataclass
class Computation:
    """What a computation produced: the figures, and the tally behind them (for the report's charts)."""

    performance: DeliveryPerformance
    tally: Tally
    terms: Terms


def window(until: dt.date, days: int, zone: str) -> tuple[Period, int, int]:
    """The period of order days ending with `until`, and its bounds as microseconds (shop's local days)."""
    start = until - dt.timedelta(days=days - 1)
    tz = ZoneInfo(zone)
    first = dt.datetime.combine(start, dt.time(), tzinfo=tz)
    after = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    return Period(start=start, end=until, days=days), moment_us(first), moment_us(after)


def compute(
    engine: Engine,
    location: StoreLocation,
    shop: str,
    terms: Terms,
    *,
    until: dt.date,
    days: int = DEFAULT_WINDOW_DAYS,
    minimum: int = DEFAULT_MINIMUM,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> Computation:
    computed_at = now()
    period, first_us, after_us = window(until, days, terms.latest.shop.timezone)
    judge = Judge(terms.at, computed_at.date())
    tally = Tally()
    in_window = and_(
        parcels.c.shop_id == shop, parcels.c.ordered_us >= first_us, parcels.c.ordered_us < after_us
    )
    parcel_query = select(
        parcels.c.ordered_us,
        parcels.c.service,
        parcels.c.country,
        parcels.c.region,
        parcels.c.status,
        parcels.c.shipped_day,
        parcels.c.delivered_day,
    ).where(in_window)
    return_query = (
        select(
            parcels.c.ordered_us,
            parcels.c.service,
            parcels.c.country,
            parcels.c.region,
            returns.c.requested_day,
            returns.c.sent_day,
            returns.c.received_day,
            returns.c.refunded_day,
        )
        .join(
            returns,
            and_(returns.c.shop_id == parcels.c.shop_id, returns.c.parcel_key == parcels.c.parcel_key),
        )
        .where(in_window)
    )
    with translated(location), engine.connect() as connection:
        streamed = connection.execution_options(stream_results=True, yield_per=STREAM_ROWS)
        for row in streamed.execute(parcel_query):
            parcel = ParcelFacts(*row)
            verdict = judge.judge(parcel)
            if isinstance(verdict, str):
                tally.skip(verdict, parcel.service)
            else:
                assert parcel.service is not None and parcel.country is not None
                tally.add(parcel.service, parcel.country, parcel.region, verdict)
        for returned in streamed.execute(return_query):
            ordered_us, service, country, region, requested, sent, received, refunded = returned
            judged = judge.judge(ParcelFacts(ordered_us, service, country, region, None, None, None))
            if isinstance(judged, str):
                continue
            facts = ReturnFacts(requested, sent, received, refunded)
            refund = judge_refund(facts, judged.terms.policy, computed_at.date())
            if refund is not None:
                tally.add_refund(service, country, region, refund)
    overall, cells = tally.figures(minimum)
    performance = DeliveryPerformance(
        shop=shop,
        computed_at=computed_at,
        period=period,
        minimum_parcels=minimum,
        method=METHOD,
        method_version=METHOD_VERSION,
        overall=overall,
        cells=cells,
        withheld=sum(not cell.published for cell in cells),
    )
    return Computation(performance, tally, terms)


__all__ = ["ALL", "DEFAULT_MINIMUM", "DEFAULT_WINDOW_DAYS", "Computation", "Terms", "compute", "file_terms"]
