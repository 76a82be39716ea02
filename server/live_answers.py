"""Answers about "now", kept until the instant they can change.

A delivery estimate for an order placed now is, from one request to the next, the same answer apart
from the order moment it echoes, until the warehouse clock reaches a cutoff or midnight
(policy.estimate_validity) or another version of the terms takes over. So it is worked out once and
kept with that instant; each request then only writes its own moment into the kept JSON. The moment
is the server clock to the second: cutoffs are whole seconds, so no answer changes within a second.

The HTTP route, the fast path and the MCP tool all answer through here, so they always agree, and an
answer from the memo is byte for byte the one the engine would give at that moment.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pydantic_core
from pydantic import BaseModel

from shopterms.policy.answers import delivery_estimates
from shopterms.policy.documents.served import JSON
from shopterms.policy.estimate_validity import estimate_valid_until
from shopterms.server.caching import Document
from shopterms.server.versioned import with_version

if TYPE_CHECKING:
    from shopterms.server.version_state import ShopState

ESTIMATE_PATH = "/delivery-estimate"
# Where the order moment sits in the JSON of an estimate.
_MOMENT_KEY = b'"ordered_at":'


@dataclass(frozen=True)
class LiveAnswer:
    """An answer computed at `since`, the same (but for its moment) until `until`."""

    answer: BaseModel
    since: dt.datetime
    until: dt.datetime
    zone: ZoneInfo
    chunks: tuple[bytes, ...]
    """The answer's JSON cut where each estimate's order moment goes."""

    def holds(self, now: dt.datetime) -> bool:
        return self.since <= now < self.until

    def local(self, now: dt.datetime) -> dt.datetime:
        return now.replace(microsecond=0).astimezone(dt.UTC).astimezone(self.zone)

    def body(self, now: dt.datetime) -> bytes:
        return pydantic_core.to_json(self.local(now)).join(self.chunks)

    def document(self, now: dt.datetime) -> Document:
        """The answer at `now` as a document; its ETag names these bytes (the moment is part of them)."""
        body = self.body(now)
        return Document(body, JSON, f'"{hashlib.sha256(body).hexdigest()[:32]}"')

    def model(self, now: dt.datetime) -> BaseModel:
        """The answer at `now` as its model (what an MCP tool returns)."""
        moment = self.local(now)
        estimates = [item.model_copy(update={"ordered_at": moment}) for item in self.answer.estimates]  # type: ignore[attr-defined]
        return self.answer.model_copy(update={"estimates": estimates})


def _cut(body: bytes, moment: bytes) -> tuple[bytes, ...]:
    """`body` split at every order moment, which must each be `moment`."""
    marker = _MOMENT_KEY + moment
    *leading, last = body.split(marker)
    return (*(part + _MOMENT_KEY for part in leading), last)


class LiveMemo:
    """The latest live answer per question for one version of the terms, oldest dropped past `size`."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, LiveAnswer] = OrderedDict()

    def peek(self, key: Hashable, now: dt.datetime) -> LiveAnswer | None:
        """The kept answer, when it still holds at `now`."""
        found = self._items.get(key)
        return found if found is not None and found.holds(now) else None

    def put(self, key: Hashable, answer: LiveAnswer) -> None:
        self._items[key] = answer
        self._items.move_to_end(key)
        if len(self._items) > self.size:
            self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


EstimateQuestion = tuple[str, str | None, str | None, str | None]
"""country, region, postal code, service."""


def live_estimate(
    state: ShopState, question: EstimateQuestion, now: dt.datetime, switch: dt.datetime | None
) -> LiveAnswer:
    """The estimate for an order placed at `now` from the version `state` (a ShopState), from its memo
    while it holds; `switch` is when another version takes over (None: none is scheduled).

    Raises the QueryError of a question the terms do not cover, as the engine does."""
    key = (ESTIMATE_PATH, *question)
    found = state.live.peek(key, now)
    if found is not None:
        return found
    moment = now.replace(microsecond=0).astimezone(dt.UTC)
    answer = with_version(
        delivery_estimates(state.policy, *question, ordered_at=moment.isoformat()), state.version
    )
    until = estimate_valid_until(state.policy, moment)
    if switch is not None and switch > moment:
        until = min(until, switch)
    zone = ZoneInfo(state.policy.shop.timezone)
    local = pydantic_core.to_json(moment.astimezone(zone))
    live = LiveAnswer(answer, moment, until, zone, _cut(answer.model_dump_json().encode(), local))
    state.live.put(key, live)
    return live
