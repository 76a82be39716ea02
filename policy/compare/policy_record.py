"""A comparison record from a loaded shopterms policy: a policy file, or the canonical JSON an API serves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from shopterms.policy.compare.fact import known
from shopterms.policy.compare.locator import Locator
from shopterms.policy.compare.policy_delivery import policy_delivery
from shopterms.policy.compare.policy_terms import policy_payment, policy_returns, policy_support
from shopterms.policy.compare.record import ComparisonRecord, Destination, ShopIdentity, SourceInfo
from shopterms.policy.coverage import Place, resolve_destination
from shopterms.policy.loader import LoadResult, PolicyError, load_policy
from shopterms.policy.moment import aware, local
from shopterms.policy.queries import DestinationQuery


def place_of(destination: DestinationQuery | str) -> Place:
    """The checked destination; raises QueryError naming the wrong part."""
    return resolve_destination(destination)


def destination_of(place: Place) -> Destination:
    return Destination(country=place.country, region=place.subdivision, postal_code=place.postal_code)


def record_from_policy(
    result: LoadResult,
    destination: DestinationQuery | str,
    ordered_at: dt.datetime | str | None = None,
    *,
    kind: Literal["yaml", "api"] = "yaml",
    location: str | None = None,
) -> ComparisonRecord:
    """The record of a loaded policy for a destination and order moment (aware; default now).

    Raises PolicyError when the policy did not load, QueryError for a bad destination or moment.
    """
    policy = result.policy
    if policy is None:
        raise PolicyError(result)
    where = Locator(kind, location or result.file, result)
    place = place_of(destination)
    moment = aware(ordered_at, "ordered_at")
    ordered_day = local(moment, ZoneInfo(policy.shop.timezone)).date()
    shop = policy.shop
    return ComparisonRecord(
        source=SourceInfo(kind=kind, location=where.location),
        destination=destination_of(place),
        ordered_at=moment,
        shop=ShopIdentity(
            name=known(shop.name, [where.source(("shop", "name"))]),
            url=known(shop.url, [where.source(("shop", "url"))]),
            currency=known(shop.currency, [where.source(("shop", "currency"))]),
        ),
        delivery=policy_delivery(policy, where, place, moment),
        returns=policy_returns(policy, where, place.country, ordered_day),
        payment=policy_payment(policy, where),
        support=policy_support(policy, where),
    )


def record_from_file(
    path: str | Path, destination: DestinationQuery | str, ordered_at: dt.datetime | str | None = None
) -> ComparisonRecord:
    """The record of a policy file; raises PolicyError with its diagnostics when it does not load."""
    return record_from_policy(load_policy(path), destination, ordered_at, kind="yaml", location=str(path))
