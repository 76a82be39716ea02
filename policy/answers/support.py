"""Support contacts: every channel with its contact, hours and languages, and whether it is open at a moment.

Open or closed comes from the date engine (policy.support_hours), so every reader of the hours agrees.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import Field

from shopterms.policy.answers.values import Answer, NotPublishedError
from shopterms.policy.arguments import checked_moment
from shopterms.policy.model import Policy
from shopterms.policy.moment import aware
from shopterms.policy.queries import ChannelStatus
from shopterms.policy.support_hours import support_status


class SupportChannelInfo(ChannelStatus):
    """One way to reach the shop: contact, hours, languages, and its state at the moment asked about."""

    languages: list[str] = Field(description="Languages spoken on this channel (BCP 47).")
    cost: Literal["free", "basic_rate", "premium_rate"] | None = Field(
        description="What a call costs the buyer (phone channels); null: not stated."
    )


class SupportContacts(Answer):
    """How a buyer reaches the shop, and which channels are open at a moment."""

    at: dt.datetime = Field(description="The moment the open states refer to, in the shop time zone.")
    timezone: str = Field(description="IANA time zone the hours are in.", examples=["Europe/Berlin"])
    open_now: bool = Field(description="True when at least one channel is open at that moment.")
    languages: list[str] = Field(description="Languages support answers in (BCP 47).")
    human: bool | None = Field(
        description="Whether a person (not only a bot) can be reached; null: not stated."
    )
    self_service: str | None = Field(description="Order-status and self-service page, if any.")
    channels: list[SupportChannelInfo] = Field(description="Channels in the shop's order.")


def support_contacts(policy: Policy, at: dt.datetime | str | None = None) -> SupportContacts:
    """Every support channel with its contact details and whether it is open at `at` (aware; default now).

    A text `at` must have the published form (RFC 3339 with its offset)."""
    support = policy.support
    if support is None:
        raise NotPublishedError("support")
    moment = aware(checked_moment(at, "at") if isinstance(at, str) else at, "at").astimezone(
        ZoneInfo(policy.shop.timezone)
    )
    statuses = support_status(policy, moment)
    channels = [
        SupportChannelInfo(
            **status.model_dump(),
            languages=list(channel.languages if channel.languages is not None else support.languages),
            cost=channel.cost,
        )
        for channel, status in zip(support.channels, statuses, strict=True)
    ]
    return SupportContacts(
        at=moment,
        timezone=policy.shop.timezone,
        open_now=any(channel.open for channel in channels),
        languages=list(support.languages),
        human=support.human,
        self_service=support.self_service,
        channels=channels,
    )
