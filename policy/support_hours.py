"""Whether each support channel is open at a moment, and when that next changes.

Hours are OpenStreetMap opening_hours expressions evaluated in the shop's time zone. Their `PH` rules
follow the public holidays of the shop's country: the parser ignores `PH` silently unless it is told the
country, so it always is. (Its holiday data is national; regional holidays are not applied.)
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import opening_hours

from shopterms.policy.model import Policy, SupportChannel
from shopterms.policy.moment import aware, local
from shopterms.policy.queries import ChannelStatus

_STATES = {opening_hours.State.OPEN: "open", opening_hours.State.CLOSED: "closed"}


def parse_hours(
    expression: str, country: str, zone: ZoneInfo | None = None
) -> tuple[opening_hours.OpeningHours, str | None]:
    """The parsed hours and the country whose holidays they follow (None: the parser has no holiday
    calendar for it, e.g. IN, so `PH` rules never apply there)."""
    try:
        return opening_hours.OpeningHours(expression, country=country, timezone=zone), country
    except opening_hours.UnknownCountryError:  # type: ignore[attr-defined]  # missing from the type stubs
        return opening_hours.OpeningHours(expression, timezone=zone), None


@lru_cache(maxsize=256)
def _hours(expression: str, country: str, zone: str) -> tuple[opening_hours.OpeningHours, str | None]:
    return parse_hours(expression, country, ZoneInfo(zone))


def _state(hours: opening_hours.OpeningHours, moment: dt.datetime) -> str:
    state, _comment = hours.state(moment)
    return _STATES.get(state, "unknown")


def _status(channel: SupportChannel, country: str, zone: str, moment: dt.datetime) -> ChannelStatus:
    common = {
        "type": channel.type,
        "contact": channel.contact,
        "hours": channel.hours,
        "response_within": channel.response_within,
    }
    if channel.hours is None:
        return ChannelStatus(
            **common,
            always_available=True,
            open=True,
            state="open",
            next_change=None,
            next_state=None,
            public_holidays=None,
        )
    hours, holidays = _hours(channel.hours, country, zone)
    state = _state(hours, moment)
    change = hours.next_change(moment)
    return ChannelStatus(
        **common,
        always_available=False,
        open=state == "open",
        state=state,
        next_change=change,
        next_state=None if change is None else _state(hours, change),
        public_holidays=holidays if "PH" in channel.hours else None,
    )


def support_status(policy: Policy, at: dt.datetime | str | None = None) -> list[ChannelStatus]:
    """Every support channel's state at `at` (an aware moment; default now), in the order of the policy.

    A policy without a support section has no channels: the list is empty. Raises QueryError for a naive
    or malformed `at`.
    """
    moment = aware(at, "at")
    if policy.support is None:
        return []
    zone = policy.shop.timezone
    # The parser accepts only ZoneInfo-aware moments, so fixed offsets (+01:00) are converted first.
    shop_time = local(moment, ZoneInfo(zone))
    return [_status(channel, policy.shop.country, zone, shop_time) for channel in policy.support.channels]
