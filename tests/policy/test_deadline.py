"""Return deadlines: the shop's window and the statutory withdrawal period, checked by hand.

Statutory rule: 14 days from the day after delivery; in the EU a last day on a Saturday, Sunday or public
holiday moves to the next working day, in the UK it does not (Consumer Contracts Regulations 2013,
reg. 30). Calendar: 2026-12-25 Fri (Christmas), 12-26 Sat, 12-27 Sun; in GB Boxing Day falls on
Sat 12-26 and is observed Mon 12-28. 2026-04-03 Good Friday, 04-06 Easter Monday.
2027-01-06 Wed is Epiphany in DE-BY (not DE-HH). 2026-12-08 Tue is a public holiday in AT, not in DE.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from shopterms.policy.deadline import return_deadline
from shopterms.policy.errors import QueryError
from shopterms.policy.loader import read_policy
from shopterms.policy.model import Policy
from tests.conftest import EXAMPLES_DIR
from tests.policy.date_policies import make_policy

D = dt.date.fromisoformat
NORDLICHT = read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml")
SMALL = make_policy()


# fmt: off
STATUTORY_CASES = [
    pytest.param("DE", None, "2026-12-11", "2026-12-28",
                 id="delivered Fri Dec 11: Dec 25 Christmas, Sat, Sun, so Mon Dec 28"),
    pytest.param("GB", None, "2026-12-11", "2026-12-25",
                 id="GB: ends on Christmas Day Dec 25 all the same; the UK rule moves no last day"),
    pytest.param("DE", None, "2026-03-02", "2026-03-16",
                 id="delivered Mon Mar 2: ends Mon Mar 16, a working day, not moved"),
    pytest.param("DE", None, "2026-03-20", "2026-04-07",
                 id="delivered Fri Mar 20: ends on Good Friday Apr 3; weekend, Easter Monday, so Tue Apr 7"),
    pytest.param("DE", None, "2026-03-21", "2026-04-07",
                 id="delivered Sat Mar 21: ends Sat Apr 4; Easter Sunday and Monday, so Tue Apr 7"),
    pytest.param("DE", "DE-BY", "2026-12-23", "2027-01-07",
                 id="Bavaria: ends Wed Jan 6, Epiphany there, so Thu Jan 7"),
    pytest.param("DE", "DE-HH", "2026-12-23", "2027-01-06",
                 id="Hamburg: ends Wed Jan 6, a working day there"),
    pytest.param("AT", None, "2026-11-24", "2026-12-09",
                 id="Austria: ends Tue Dec 8, Immaculate Conception, so Wed Dec 9"),
    pytest.param("DE", None, "2026-11-24", "2026-12-08",
                 id="Germany: the same Tue Dec 8 is a working day"),
]
# fmt: on


@pytest.mark.parametrize(("country", "region", "delivered", "last_day"), STATUTORY_CASES)
def test_statutory_withdrawal_deadline(
    country: str, region: str | None, delivered: str, last_day: str
) -> None:
    answer = return_deadline(SMALL, country, delivered, subdivision=region)
    assert answer.statutory is not None
    assert answer.statutory.last_day == D(last_day)
    assert answer.statutory.period_end == D(delivered) + dt.timedelta(days=14)


def test_moved_deadline_explains_each_day_it_skipped() -> None:
    statutory = return_deadline(SMALL, "DE", "2026-12-11").statutory
    assert statutory is not None
    assert statutory.moved_past == [
        "2026-12-25 is Christmas Day",
        "2026-12-26 is a Saturday and Second Day of Christmas",
        "2026-12-27 is a Sunday",
    ]
    assert "Mon 2026-12-28" in statutory.rule and "1182/71" in statutory.rule


def test_shop_window_counts_calendar_days_from_delivery_without_moving() -> None:
    answer = return_deadline(NORDLICHT, "DE", "2026-12-11")
    assert answer.shop is not None
    assert answer.shop.last_day == D("2027-01-10")  # 30 days; a Sunday, but contractual days do not move
    assert answer.last_day == D("2027-01-10") and answer.decided_by == "shop"


def test_seasonal_override_is_chosen_by_order_date() -> None:
    answer = return_deadline(NORDLICHT, "DE", "2026-12-11", ordered_on="2026-12-01")
    assert answer.shop is not None
    assert answer.shop.seasonal == "Christmas" and answer.shop.last_day == D("2027-01-15")
    assert answer.last_day == D("2027-01-15")


def test_order_outside_the_season_keeps_the_normal_window() -> None:
    answer = return_deadline(NORDLICHT, "DE", "2026-12-28", ordered_on="2026-12-26")
    assert answer.shop is not None
    assert answer.shop.seasonal is None and answer.shop.last_day == D("2027-01-27")


def test_without_order_date_a_possible_seasonal_override_is_noted() -> None:
    answer = return_deadline(NORDLICHT, "DE", "2026-12-11")
    assert any("Christmas" in note and "ordered_on" in note for note in answer.notes)


def test_seasonal_days_count_from_delivery() -> None:
    policy = make_policy(
        returns={
            "window": "14 days after delivery",
            "seasonal": [{"name": "Winter", "orders": "2026-11-01..2026-12-31", "days": 60}],
        }
    )
    shop = return_deadline(policy, "DE", "2026-12-11", ordered_on="2026-12-10").shop
    assert shop is not None
    assert shop.last_day == D("2027-02-09") and shop.days == 60  # Dec 11 + 60 days


def test_statutory_period_decides_when_it_ends_later() -> None:
    policy = make_policy(returns={"window": "14 days after delivery"})
    answer = return_deadline(policy, "DE", "2026-12-11")
    assert answer.shop is not None and answer.shop.last_day == D("2026-12-25")
    assert answer.last_day == D("2026-12-28") and answer.decided_by == "statutory"


def test_both_decide_when_they_end_the_same_day() -> None:
    policy = make_policy(returns={"window": "14 days after delivery"})
    answer = return_deadline(policy, "DE", "2026-03-02")
    assert answer.last_day == D("2026-03-16") and answer.decided_by == "both"


def test_no_returns_leaves_the_statutory_right() -> None:
    policy = make_policy(returns={"window": "no returns"})
    answer = return_deadline(policy, "DE", "2026-03-02")
    assert answer.shop is not None and answer.shop.type == "none" and answer.shop.last_day is None
    assert answer.last_day == D("2026-03-16") and answer.decided_by == "statutory"


def test_unlimited_returns_have_no_last_day() -> None:
    policy = make_policy(returns={"window": "unlimited"})
    answer = return_deadline(policy, "DE", "2026-03-02")
    assert answer.last_day is None and answer.decided_by == "unlimited"
    assert answer.statutory is not None  # still reported separately


def test_country_override_of_the_window() -> None:
    policy = make_policy(returns={"window": "30 days after delivery", "by_country": {"AT": {"window": 60}}})
    shop = return_deadline(policy, "AT", "2026-03-02").shop
    assert shop is not None and shop.days == 60 and shop.last_day == D("2026-05-01")


def test_window_counted_from_the_order_uses_the_order_date() -> None:
    policy = make_policy(returns={"window": "30 days after order"})
    shop = return_deadline(policy, "DE", "2026-03-10", ordered_on="2026-03-02").shop
    assert shop is not None
    assert (
        shop.counted_from == "order" and shop.anchor == D("2026-03-02") and shop.last_day == D("2026-04-01")
    )


def test_window_counted_from_the_order_needs_the_order_date() -> None:
    policy = make_policy(returns={"window": "30 days after order"})
    with pytest.raises(QueryError) as caught:
        return_deadline(policy, "DE", "2026-03-10")
    assert caught.value.field == "ordered_on"


def test_window_counted_from_shipment_states_its_assumption() -> None:
    policy = make_policy(returns={"window": "30 days after shipment"})
    shop = return_deadline(policy, "DE", "2026-03-10", ordered_on="2026-03-02").shop
    assert shop is not None
    assert shop.anchor == D("2026-03-02") and shop.assumed is not None and "order date" in shop.assumed


def test_country_the_returns_policy_does_not_cover_is_said_so() -> None:
    answer = return_deadline(NORDLICHT, "CH", "2026-12-11")
    assert answer.covered is False and answer.shop is None and answer.statutory is None
    assert answer.last_day is None and answer.decided_by == "none"
    assert any("does not cover CH" in note for note in answer.notes)


def test_uncovered_eu_country_still_gets_the_statutory_period() -> None:
    answer = return_deadline(NORDLICHT, "FR", "2026-12-11")
    assert answer.covered is False and answer.shop is None
    assert answer.statutory is not None and answer.decided_by == "statutory"


def test_withdrawal_days_stated_longer_than_the_law_are_used() -> None:
    policy = make_policy(legal={"withdrawal_days": 30})
    statutory = return_deadline(policy, "DE", "2026-03-02").statutory
    assert statutory is not None and statutory.days == 30 and statutory.last_day == D("2026-04-01")


def test_withdrawal_days_stated_shorter_than_the_law_are_not_used() -> None:
    policy = make_policy(legal={"withdrawal_days": 7})
    answer = return_deadline(policy, "DE", "2026-03-02")
    assert answer.statutory is not None and answer.statutory.days == 14
    assert any("at least 14" in note for note in answer.notes)


def test_deadline_serialises_dates_as_iso_text() -> None:
    data = return_deadline(NORDLICHT, "DE", "2026-12-11").model_dump(mode="json")
    assert data["statutory"]["last_day"] == "2026-12-28" and data["last_day"] == "2027-01-10"


def test_date_objects_are_accepted() -> None:
    answer = return_deadline(NORDLICHT, "de", dt.date(2026, 12, 11), dt.date(2026, 12, 1), "by")
    assert answer.region == "DE-BY" and answer.shop is not None and answer.shop.seasonal == "Christmas"


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        pytest.param({"country": "XX"}, "country", id="unknown country"),
        pytest.param({"country": "DE", "subdivision": "DE-XX"}, "region", id="unknown subdivision"),
        pytest.param({"delivered_on": "2026-13-01"}, "delivered_on", id="no such month"),
        pytest.param({"ordered_on": "yesterday"}, "ordered_on", id="not an ISO date"),
        pytest.param({"ordered_on": "2026-12-12"}, "ordered_on", id="ordered after delivery"),
    ],
)
def test_invalid_arguments_name_the_parameter(arguments: dict[str, Any], field: str) -> None:
    call: dict[str, Any] = {"country": "DE", "delivered_on": "2026-12-11", **arguments}
    with pytest.raises(QueryError) as caught:
        return_deadline(NORDLICHT, **call)
    assert caught.value.field == field


def test_policy_without_returns_gives_only_the_statutory_period() -> None:
    data = SMALL.model_dump()
    data["returns"] = None
    policy = Policy.model_validate(data)
    answer = return_deadline(policy, "DE", "2026-03-02")
    assert answer.shop is None and answer.decided_by == "statutory"
    assert "no return terms" in " ".join(answer.notes)


def test_gb_deadline_is_not_moved_off_a_bank_holiday_and_says_why() -> None:
    answer = return_deadline(SMALL, "GB", "2026-12-11")
    assert answer.statutory is not None
    assert answer.statutory.period_end == answer.statutory.last_day == D("2026-12-25")
    assert answer.statutory.moved_past == []
    assert answer.statutory.rule == (
        "14 days from delivery on Fri 2026-12-11 (that day not counted) end on Fri 2026-12-25, "
        "whatever day that is (Consumer Contracts Regulations 2013, reg. 30)."
    )
