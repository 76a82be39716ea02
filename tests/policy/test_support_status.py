"""Support channels open or closed at a moment, honouring the shop country's public holidays.

Nordlicht (Hamburg, Europe/Berlin): phone Mo-Fr 09-18, Sa 10-14, PH off; WhatsApp Mo-Fr 09-20, PH off;
chat daily 08-22 (no PH rule); e-mail without hours. 2026-12-25 is a Friday and Christmas Day.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from shopterms.policy.errors import QueryError
from shopterms.policy.loader import read_policy
from shopterms.policy.model import Policy
from shopterms.policy.queries import ChannelStatus
from shopterms.policy.support_hours import support_status
from tests.conftest import EXAMPLES_DIR
from tests.policy.date_policies import make_policy

BERLIN = ZoneInfo("Europe/Berlin")
NORDLICHT = read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml")


def _by_type(at: dt.datetime | str) -> dict[str, ChannelStatus]:
    return {status.type: status for status in support_status(NORDLICHT, at)}


def test_phone_is_closed_on_christmas_day_and_opens_on_the_next_working_day() -> None:
    phone = _by_type(dt.datetime(2026, 12, 25, 10, tzinfo=BERLIN))["phone"]
    assert phone.open is False and phone.state == "closed"
    assert phone.next_change == dt.datetime(2026, 12, 28, 9, tzinfo=BERLIN) and phone.next_state == "open"
    assert phone.public_holidays == "DE"


def test_channel_without_a_holiday_rule_stays_open_on_a_holiday() -> None:
    chat = _by_type(dt.datetime(2026, 12, 25, 10, tzinfo=BERLIN))["chat"]
    assert chat.open is True
    assert chat.next_change == dt.datetime(2026, 12, 25, 22, tzinfo=BERLIN) and chat.next_state == "closed"
    assert chat.public_holidays is None


def test_channel_without_hours_is_always_available() -> None:
    email = _by_type(dt.datetime(2026, 12, 25, 3, tzinfo=BERLIN))["email"]
    assert email.always_available and email.open and email.next_change is None and email.hours is None
    assert email.response_within == dt.timedelta(hours=24)


def test_channels_come_in_policy_order() -> None:
    statuses = support_status(NORDLICHT, "2026-03-11T10:00:00+01:00")
    assert [status.type for status in statuses] == ["phone", "email", "whatsapp", "chat"]


def test_moment_in_new_york_is_judged_by_berlin_hours() -> None:
    # 17:59:59 EST on Dec 23 is 23:59:59 CET: everything with hours is closed until Dec 24 morning.
    statuses = _by_type(dt.datetime(2026, 12, 23, 17, 59, 59, tzinfo=ZoneInfo("America/New_York")))
    assert not statuses["phone"].open and not statuses["chat"].open
    assert statuses["phone"].next_change == dt.datetime(2026, 12, 24, 9, tzinfo=BERLIN)
    assert statuses["chat"].next_change == dt.datetime(2026, 12, 24, 8, tzinfo=BERLIN)


def test_saturday_hours_and_the_next_opening_after_the_spring_clock_change() -> None:
    statuses = _by_type("2026-03-28T13:00:00+01:00")
    assert statuses["phone"].open and statuses["phone"].next_change == dt.datetime(
        2026, 3, 28, 14, tzinfo=BERLIN
    )
    whatsapp = statuses["whatsapp"]
    assert not whatsapp.open
    assert whatsapp.next_change is not None
    assert whatsapp.next_change.isoformat() == "2026-03-30T09:00:00+02:00"


def test_fixed_offset_moments_are_accepted() -> None:
    at = dt.datetime(2026, 3, 11, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert _by_type(at)["phone"].open


def test_closing_moment_itself_is_closed() -> None:
    phone = _by_type(dt.datetime(2026, 3, 11, 18, tzinfo=BERLIN))["phone"]
    assert not phone.open and phone.next_change == dt.datetime(2026, 3, 12, 9, tzinfo=BERLIN)


def test_holidays_follow_the_shop_country() -> None:
    # Boxing Day observed (Mon 2026-12-28) closes a London shop; the same Monday is a working day in Germany.
    support = {
        "channels": [{"type": "phone", "number": "+44 20 7946 0000", "hours": "Mo-Fr 09:00-17:00; PH off"}]
    }
    london = make_policy(support=support, timezone="Europe/London", country="GB")
    [phone] = support_status(london, "2026-12-28T10:00:00+00:00")
    assert not phone.open and phone.public_holidays == "GB"
    [german] = support_status(make_policy(support=support), "2026-12-28T10:00:00+01:00")
    assert german.open


def test_status_serialises_moments_with_their_offset() -> None:
    data = _by_type(dt.datetime(2026, 12, 25, 10, tzinfo=BERLIN))["phone"].model_dump(mode="json")
    assert data["next_change"] == "2026-12-28T09:00:00+01:00"


def test_naive_moment_is_refused() -> None:
    with pytest.raises(QueryError) as caught:
        support_status(NORDLICHT, dt.datetime(2026, 12, 25, 10))
    assert caught.value.field == "at"


def test_malformed_moment_is_refused() -> None:
    with pytest.raises(QueryError) as caught:
        support_status(NORDLICHT, "tomorrow at ten")
    assert caught.value.field == "at"


def test_default_moment_is_now() -> None:
    assert len(support_status(NORDLICHT)) == 4


def test_policy_without_support_has_no_channels() -> None:
    data = make_policy().model_dump()
    data["support"] = None
    assert support_status(Policy.model_validate(data), "2026-03-11T10:00:00+01:00") == []


def test_wall_time_inside_the_spring_gap_is_read_as_the_real_instant() -> None:
    # 02:30 on 2026-03-29 never happened in Berlin; Python reads it as 01:30 UTC, which is 03:30 CEST.
    chat = _by_type(dt.datetime(2026, 3, 29, 2, 30, tzinfo=BERLIN))["chat"]
    assert not chat.open and chat.next_change == dt.datetime(2026, 3, 29, 8, tzinfo=BERLIN)
