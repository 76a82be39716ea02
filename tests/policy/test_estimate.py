"""Delivery estimates, checked by hand against a calendar.

Calendar used for the reasoning (2026): Mar 11 Wed, Mar 13 Fri, Mar 29 Sun (EU clocks go forward),
Apr 3 Good Friday, Apr 5 Easter Sunday, Apr 6 Easter Monday, Oct 25 Sun (EU clocks go back),
Dec 23 Wed, Dec 24 Thu, Dec 25 Fri (Christmas), Dec 26 Sat (2nd Christmas Day); 2027: Jan 1 Fri,
Jan 4 Mon, Jan 6 Wed (Epiphany: holiday in Bavaria DE-BY, not in Hamburg DE-HH).
New York keeps summer time from Mar 8 2026, Europe only from Mar 29: in between it is 5 hours behind Berlin.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pydantic import BaseModel

from shopterms.policy.errors import QueryError
from shopterms.policy.estimate import estimate_delivery
from shopterms.policy.loader import read_policy
from shopterms.policy.model import Policy
from shopterms.policy.queries import ChannelStatus, DeliveryEstimate, DestinationQuery, ReturnDeadline
from tests.conftest import EXAMPLES_DIR
from tests.policy.date_policies import make_policy

D = dt.date.fromisoformat
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")

STANDARD = {"id": "standard", "to": ["DE", "AT"], "transit": 1, "rate": 4.95}
SATURDAY = {"id": "saturday", "to": ["DE"], "transit": 1, "delivery_days": "Mon-Sat", "rate": 6.95}
HAMBURG = {"days": 1, "cutoff": "14:00", "business_days": "Mon-Fri", "holidays": "DE-HH"}

POLICIES: dict[str, Policy] = {
    "small": make_policy(services=[STANDARD, SATURDAY]),
    "same_day": make_policy(handling={**HAMBURG, "days": 0}, services=[STANDARD, SATURDAY]),
    "no_cutoff": make_policy(handling={k: v for k, v in HAMBURG.items() if k != "cutoff"}),
    "bavarian_warehouse": make_policy(handling={**HAMBURG, "holidays": "DE-BY"}),
    "nordlicht": read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml"),
}


def _at(text: str, zone: ZoneInfo = BERLIN) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=zone)


def case(
    reason: str,
    name: str,
    destination: str,
    service: str,
    ordered_at: dt.datetime,
    counts_from: str,
    dispatch: str,
    delivery: str,
    met: bool,
) -> object:
    """One hand-checked estimate; the reasoning is the test id. Date ranges are written FIRST..LAST."""
    return pytest.param(
        name, destination, service, ordered_at, counts_from, dispatch, delivery, met, id=reason
    )


# fmt: off
CASES = [
    case("one second before the cutoff: counts Wed, ships Thu, arrives Fri",
         "small", "DE", "standard", _at("2026-03-11T13:59:59"),
         "2026-03-11", "2026-03-12", "2026-03-13", met=True),
    case("at the cutoff: counts Thu, ships Fri, arrives Mon after the weekend",
         "small", "DE", "standard", _at("2026-03-11T14:00:00"),
         "2026-03-12", "2026-03-13", "2026-03-16", met=False),
    case("Friday evening: counts Mon, ships Tue, arrives Wed",
         "small", "DE", "standard", _at("2026-03-13T18:00"),
         "2026-03-16", "2026-03-17", "2026-03-18", met=False),
    case("Friday before the cutoff: counts Fri, the one handling day is Mon, arrives Tue",
         "small", "DE", "standard", _at("2026-03-13T13:00"),
         "2026-03-13", "2026-03-16", "2026-03-17", met=True),
    case("Saturday morning is no business day: counts Mon",
         "small", "DE", "standard", _at("2026-03-14T10:00"),
         "2026-03-16", "2026-03-17", "2026-03-18", met=False),
    case("Maundy Thursday after cutoff: Good Friday, weekend, Easter Monday skipped, counts Tue Apr 7",
         "small", "DE", "standard", _at("2026-04-02T15:00"),
         "2026-04-07", "2026-04-08", "2026-04-09", met=False),
    case("Maundy Thursday before cutoff: next business day after Easter is Tue Apr 7, arrives Wed",
         "small", "DE", "standard", _at("2026-04-02T10:00"),
         "2026-04-02", "2026-04-07", "2026-04-08", met=True),
    case("12:30 UTC on Fri Mar 27 is 13:30 CET, before the cutoff",
         "small", "DE", "standard", dt.datetime(2026, 3, 27, 12, 30, tzinfo=dt.UTC),
         "2026-03-27", "2026-03-30", "2026-03-31", met=True),
    case("12:30 UTC on Mon Mar 30 is 14:30 CEST after the spring DST switch, past the cutoff",
         "small", "DE", "standard", dt.datetime(2026, 3, 30, 12, 30, tzinfo=dt.UTC),
         "2026-03-31", "2026-04-01", "2026-04-02", met=False),
    case("on the DST Sunday itself (03:30 CEST) the order counts from Monday",
         "small", "DE", "standard", dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC),
         "2026-03-30", "2026-03-31", "2026-04-01", met=False),
    case("12:30 UTC on Fri Oct 23 is 14:30 CEST, past the cutoff: counts Mon Oct 26",
         "small", "DE", "standard", dt.datetime(2026, 10, 23, 12, 30, tzinfo=dt.UTC),
         "2026-10-26", "2026-10-27", "2026-10-28", met=False),
    case("Sun Oct 25 02:30 in the repeated hour (CET, the second time round) counts from Mon Oct 26",
         "small", "DE", "standard", dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC),
         "2026-10-26", "2026-10-27", "2026-10-28", met=False),
    case("12:30 UTC on Mon Oct 26 is 13:30 CET after the autumn DST switch, before the cutoff",
         "small", "DE", "standard", dt.datetime(2026, 10, 26, 12, 30, tzinfo=dt.UTC),
         "2026-10-26", "2026-10-27", "2026-10-28", met=True),
    case("New York 08:59:59 EDT is 13:59:59 in Berlin: before the cutoff",
         "small", "DE", "standard", _at("2026-03-11T08:59:59", NEW_YORK),
         "2026-03-11", "2026-03-12", "2026-03-13", met=True),
    case("New York 09:00 EDT is 14:00 in Berlin: the cutoff has passed",
         "small", "DE", "standard", _at("2026-03-11T09:00", NEW_YORK),
         "2026-03-12", "2026-03-13", "2026-03-16", met=False),
    case("Friday 19:00 in New York is Saturday 00:00 in Berlin: counts Mon",
         "small", "DE", "standard", _at("2026-03-13T19:00", NEW_YORK),
         "2026-03-16", "2026-03-17", "2026-03-18", met=False),
    case("without a cutoff a Wednesday 23:59 order counts from Wednesday",
         "no_cutoff", "DE", "standard", _at("2026-03-11T23:59"),
         "2026-03-11", "2026-03-12", "2026-03-13", met=True),
    case("without a cutoff a Saturday order still waits for Monday",
         "no_cutoff", "DE", "standard", _at("2026-03-14T09:00"),
         "2026-03-16", "2026-03-17", "2026-03-18", met=False),
    case("Saturday delivery: dispatched Fri, arrives Sat",
         "small", "DE", "saturday", _at("2026-03-12T10:00"),
         "2026-03-12", "2026-03-13", "2026-03-14", met=True),
    case("same order without Saturday delivery arrives Mon",
         "small", "DE", "standard", _at("2026-03-12T10:00"),
         "2026-03-12", "2026-03-13", "2026-03-16", met=True),
    case("handling 0 ships Thu Dec 24; Sat delivery skips Christmas Day and the 2nd Christmas Day (a Sat)",
         "same_day", "DE", "saturday", _at("2026-12-24T10:00"),
         "2026-12-24", "2026-12-24", "2026-12-28", met=True),
    case("handling 0 ships the same day",
         "same_day", "DE", "standard", _at("2026-03-11T10:00"),
         "2026-03-11", "2026-03-11", "2026-03-12", met=True),
    case("to Hamburg: Epiphany Jan 6 is a working day there",
         "small", "DE-HH", "standard", _at("2027-01-04T10:00"),
         "2027-01-04", "2027-01-05", "2027-01-06", met=True),
    case("to Bavaria: Epiphany Jan 6 is a holiday, arrives Thu Jan 7",
         "small", "DE-BY", "standard", _at("2027-01-04T10:00"),
         "2027-01-04", "2027-01-05", "2027-01-07", met=True),
    case("warehouse in Bavaria does not ship on Epiphany: dispatch Thu Jan 7",
         "bavarian_warehouse", "DE-HH", "standard", _at("2027-01-05T10:00"),
         "2027-01-05", "2027-01-07", "2027-01-08", met=True),
    case("Dec 23 before cutoff: 0-1 handling, the closure Dec 24-Jan 1 pushes the latest dispatch to Jan 4",
         "nordlicht", "DE", "standard", _at("2026-12-23T13:00"),
         "2026-12-23", "2026-12-23..2027-01-04", "2026-12-24..2027-01-06", met=True),
    case("Dec 23 after cutoff: the closure and New Year make it count from Mon Jan 4",
         "nordlicht", "DE", "standard", _at("2026-12-23T15:00"),
         "2027-01-04", "2027-01-04..2027-01-05", "2027-01-05..2027-01-07", met=False),
    case("same order to Bavaria: 2 transit days after Jan 5 skip Epiphany, Jan 8",
         "nordlicht", "DE-BY", "standard", _at("2026-12-23T15:00"),
         "2027-01-04", "2027-01-04..2027-01-05", "2027-01-05..2027-01-08", met=False),
    case("express before its 12:00 cutoff on Dec 23: arrives Dec 24 at the earliest, Jan 5 at the latest",
         "nordlicht", "DE-BY", "express", _at("2026-12-23T11:00"),
         "2026-12-23", "2026-12-23..2027-01-04", "2026-12-24..2027-01-05", met=True),
    case("to Austria: dispatch Fri-Mon, 2-4 transit days: Fri+2 is Tue Mar 17, Mon+4 is Fri Mar 20",
         "nordlicht", "AT", "international", _at("2026-03-13T13:00"),
         "2026-03-13", "2026-03-13..2026-03-16", "2026-03-17..2026-03-20", met=True),
]
# fmt: on


def _span(text: str) -> tuple[dt.date, dt.date]:
    first, _, last = text.partition("..")
    return D(first), D(last or first)


@pytest.mark.parametrize(
    ("name", "destination", "service", "ordered_at", "counts_from", "dispatch", "delivery", "met"), CASES
)
def test_hand_checked_estimates(
    name: str,
    destination: str,
    service: str,
    ordered_at: dt.datetime,
    counts_from: str,
    dispatch: str,
    delivery: str,
    met: bool,
) -> None:
    [estimate] = estimate_delivery(POLICIES[name], destination, service, ordered_at)
    assert estimate.counts_from == D(counts_from)
    assert (estimate.earliest_dispatch, estimate.latest_dispatch) == _span(dispatch)
    assert (estimate.earliest_delivery, estimate.latest_delivery) == _span(delivery)
    assert estimate.cutoff_met is met


def test_next_cutoff_is_the_cutoff_on_the_day_the_order_counts_from_in_local_summer_time() -> None:
    # Sat Mar 28 (CET) → next cutoff Mon Mar 30 14:00, by then summer time (+02:00).
    [estimate] = estimate_delivery(POLICIES["small"], "DE", "standard", _at("2026-03-28T10:00"))
    assert estimate.next_cutoff == dt.datetime(2026, 3, 30, 14, tzinfo=BERLIN)
    assert estimate.next_cutoff.isoformat() == "2026-03-30T14:00:00+02:00"


def test_next_cutoff_after_the_autumn_switch_is_in_winter_time() -> None:
    [estimate] = estimate_delivery(POLICIES["small"], "DE", "standard", _at("2026-10-24T10:00"))
    assert estimate.next_cutoff is not None
    assert estimate.next_cutoff.isoformat() == "2026-10-26T14:00:00+01:00"


def test_next_cutoff_is_today_when_the_cutoff_is_still_ahead() -> None:
    # 08:00 EDT in New York is 13:00 CET in Berlin, an hour before the cutoff.
    [estimate] = estimate_delivery(POLICIES["small"], "DE", "standard", _at("2026-03-11T08:00", NEW_YORK))
    assert estimate.next_cutoff is not None
    assert estimate.next_cutoff.isoformat() == "2026-03-11T14:00:00+01:00"
    assert estimate.ordered_at.isoformat() == "2026-03-11T13:00:00+01:00"


def test_no_cutoff_means_no_next_cutoff() -> None:
    [estimate] = estimate_delivery(POLICIES["no_cutoff"], "DE", "standard", _at("2026-03-11T10:00"))
    assert estimate.cutoff is None and estimate.next_cutoff is None


def test_service_cutoff_overrides_the_warehouse_cutoff() -> None:
    # Nordlicht: warehouse 14:00, express 12:00. At 13:00 standard makes the day, express does not.
    estimates = estimate_delivery(POLICIES["nordlicht"], "DE", ordered_at=_at("2026-03-11T13:00"))
    met = {estimate.service: estimate.cutoff_met for estimate in estimates}
    assert met == {"standard": True, "express": False}


def test_all_matching_services_come_fastest_first() -> None:
    estimates = estimate_delivery(POLICIES["nordlicht"], "DE", ordered_at=_at("2026-03-11T10:00"))
    assert [estimate.service for estimate in estimates] == ["express", "standard"]
    keys = [(estimate.latest_delivery, estimate.earliest_delivery) for estimate in estimates]
    assert keys == sorted(keys)


def test_services_that_do_not_reach_the_destination_are_left_out() -> None:
    estimates = estimate_delivery(POLICIES["nordlicht"], "CH", ordered_at=_at("2026-03-11T10:00"))
    assert [estimate.service for estimate in estimates] == ["international"]
    assert estimates[0].rate.amount == Decimal("14.95") and estimates[0].rate.free_from == 100


def test_estimate_reports_the_calendars_it_used() -> None:
    [estimate] = estimate_delivery(POLICIES["nordlicht"], "DE-BY", "standard", _at("2026-12-23T15:00"))
    assert estimate.warehouse.holidays == "DE-HH"
    closures = [(hit.start, hit.end) for hit in estimate.warehouse.closures_hit]
    assert closures == [(D("2026-12-24"), D("2027-01-01"))]
    assert [hit.date for hit in estimate.warehouse.holidays_hit] == [D("2026-12-25"), D("2027-01-01")]
    assert estimate.destination.holidays == "DE-BY"
    holidays = [(hit.date, hit.name) for hit in estimate.destination.holidays_hit]
    assert holidays == [(D("2027-01-06"), "Epiphany")]
    assert estimate.destination.delivery_days == ["mon", "tue", "wed", "thu", "fri"]
    assert [carrier.id for carrier in estimate.carriers] == ["dhl-germany", "hermes-de"]
    assert (estimate.rate.amount, estimate.rate.currency, estimate.rate.free_from) == (
        Decimal("4.95"),
        "EUR",
        Decimal(50),
    )


def test_country_without_region_notes_that_regional_holidays_were_not_counted() -> None:
    [estimate] = estimate_delivery(POLICIES["small"], "DE", "standard", _at("2026-03-11T10:00"))
    assert estimate.destination.holidays == "DE"
    assert any("regional" in note for note in estimate.notes)


def test_destination_as_query_model_with_lower_case_region_and_postal_code() -> None:
    query = DestinationQuery(country="de", region="by", postal_code="80331")
    [estimate] = estimate_delivery(POLICIES["small"], query, "standard", _at("2027-01-04T10:00"))
    assert estimate.destination.region == "DE-BY" and estimate.destination.postal_code == "80331"
    assert estimate.latest_delivery == D("2027-01-07")


def test_region_alone_names_the_country() -> None:
    query = DestinationQuery(region="DE-BY")
    [estimate] = estimate_delivery(POLICIES["small"], query, "standard", _at("2027-01-04T10:00"))
    assert estimate.destination.country == "DE"


def test_default_order_time_is_now() -> None:
    [estimate] = estimate_delivery(POLICIES["small"], "DE", "standard")
    now = dt.datetime.now(dt.UTC)
    assert abs((estimate.ordered_at - now).total_seconds()) < 3600
    assert estimate.earliest_delivery >= now.astimezone(BERLIN).date()


def test_estimate_serialises_dates_as_iso_text() -> None:
    [estimate] = estimate_delivery(POLICIES["small"], "DE", "standard", _at("2026-03-11T10:00"))
    data = estimate.model_dump(mode="json")
    assert data["earliest_delivery"] == "2026-03-13"
    assert data["ordered_at"] == "2026-03-11T10:00:00+01:00"
    assert data["rate"]["amount"] == 4.95


def test_example_policy_estimates_every_destination_it_sells_to(nordlicht_path: Path) -> None:
    policy = read_policy(nordlicht_path)
    for country in policy.shop.sells_to:
        assert estimate_delivery(policy, country, ordered_at=_at("2026-06-01T10:00"))


LOCAL = make_policy(
    services=[
        STANDARD,
        {
            "id": "courier",
            "to": [{"country": "DE", "region": "DE-BY", "postal_codes": ["80*", "81*"]}],
            "transit": 0,
            "rate": 12,
        },
        {
            "id": "mainland",
            "to": ["DE"],
            "excluded": [{"country": "DE", "postal_codes": ["18565", "25*"]}],
            "transit": 2,
            "rate": [
                {"amount": 5.95},
                {"amount": 0, "order_value": "100+"},
                {"amount": 8.95, "weight_kg": "10-31.5"},
            ],
        },
    ]
)


def test_postal_code_prefix_selects_the_local_courier() -> None:
    query = DestinationQuery(country="DE", region="DE-BY", postal_code="80331")
    estimates = estimate_delivery(LOCAL, query, ordered_at=_at("2026-03-11T10:00"))
    assert [estimate.service for estimate in estimates] == ["courier", "standard", "mainland"]
    courier = estimates[0]
    assert courier.earliest_delivery == courier.latest_delivery == D("2026-03-12")  # ships Thu, transit 0


def test_excluded_postal_code_drops_the_service() -> None:
    query = DestinationQuery(country="DE", postal_code="25980")  # Sylt
    estimates = estimate_delivery(LOCAL, query, ordered_at=_at("2026-03-11T10:00"))
    assert [estimate.service for estimate in estimates] == ["standard"]


def test_exclusion_that_cannot_be_checked_without_postal_code_is_noted() -> None:
    [mainland] = estimate_delivery(LOCAL, "DE", "mainland", _at("2026-03-11T10:00"))
    assert any("25*" in note and "postal code" in note for note in mainland.notes)


def test_conditional_rates_are_listed_beside_the_base_price() -> None:
    [mainland] = estimate_delivery(LOCAL, "DE", "mainland", _at("2026-03-11T10:00"))
    assert mainland.rate.amount == Decimal("5.95")
    conditions = [(rate.amount, rate.order_value, rate.weight_kg) for rate in mainland.rate.by_condition]
    assert conditions == [(Decimal("0"), "100+", None), (Decimal("8.95"), None, "10-31.5")]


def _error(
    policy: Policy,
    destination: DestinationQuery | str,
    service: str | None = None,
    ordered_at: dt.datetime | str | None = None,
) -> QueryError:
    with pytest.raises(QueryError) as caught:
        estimate_delivery(policy, destination, service, ordered_at or _at("2026-03-11T10:00"))
    return caught.value


def test_naive_order_time_is_refused() -> None:
    error = _error(POLICIES["small"], "DE", ordered_at=dt.datetime(2026, 3, 11, 10))
    assert error.field == "ordered_at" and "time zone" in error.message


def test_malformed_order_time_is_refused() -> None:
    error = _error(POLICIES["small"], "DE", ordered_at="next tuesday")
    assert error.field == "ordered_at" and "ISO 8601" in error.message


def test_unknown_country_lists_close_matches() -> None:
    error = _error(POLICIES["small"], "Germany")
    assert error.field == "country" and "DE (Germany)" in error.message and "DE" in error.allowed


def test_uk_is_corrected_to_gb() -> None:
    error = _error(POLICIES["small"], "UK")
    assert error.field == "country" and "GB" in error.message


def test_unknown_subdivision_lists_the_allowed_ones() -> None:
    error = _error(POLICIES["small"], "DE-BX")
    assert error.field == "region"
    assert "DE-BY" in error.allowed and "DE-HH" in error.allowed and "Did you mean" in error.message


def test_subdivision_of_another_country_is_refused() -> None:
    error = _error(POLICIES["small"], DestinationQuery(country="DE", region="AT-9"))
    assert error.field == "region" and "not a subdivision of DE" in error.message


def test_unknown_service_lists_the_ids() -> None:
    error = _error(POLICIES["nordlicht"], "DE", "expres")
    assert error.field == "service"
    assert error.allowed == ("standard", "express", "international") and "express" in error.message


def test_service_that_does_not_ship_there_says_where_it_does() -> None:
    error = _error(POLICIES["nordlicht"], "DE", "international")
    assert error.field == "country" and error.allowed == ("AT", "CH")
    assert "international does not ship to DE" in error.message


def test_destination_no_service_reaches_is_an_error() -> None:
    error = _error(POLICIES["nordlicht"], "US")
    assert error.field == "country" and error.allowed == ("AT", "CH", "DE")


def test_service_for_some_postal_codes_asks_for_one() -> None:
    error = _error(LOCAL, "DE-BY", "courier")
    assert error.field == "postal_code" and "give the postal code" in error.message


def test_service_for_a_subdivision_asks_for_the_region() -> None:
    error = _error(LOCAL, "DE", "courier")
    assert error.field == "region"


def test_postal_code_outside_the_service_area_is_refused() -> None:
    error = _error(LOCAL, DestinationQuery(country="DE", region="DE-BY", postal_code="90402"), "courier")
    assert error.field == "postal_code" and "DE-BY 80*/81*" in error.allowed


def test_query_error_is_a_value_error_with_json_friendly_data() -> None:
    error = _error(POLICIES["small"], "XX")
    assert isinstance(error, ValueError)
    assert error.as_dict()["field"] == "country" and isinstance(error.as_dict()["allowed"], list)


def test_wall_time_inside_the_spring_gap_is_read_as_the_real_instant() -> None:
    [estimate] = estimate_delivery(POLICIES["small"], "DE", "standard", _at("2026-03-29T02:30"))
    assert estimate.ordered_at.isoformat() == "2026-03-29T03:30:00+02:00"
    assert estimate.counts_from == D("2026-03-30")


@pytest.mark.parametrize("model", [DeliveryEstimate, ReturnDeadline, ChannelStatus])
def test_every_result_field_is_described_in_the_output_schema(model: type[BaseModel]) -> None:
    schema = model.model_json_schema(mode="serialization")
    parts = [(model.__name__, schema), *schema.get("$defs", {}).items()]
    missing = [
        f"{name}.{field}"
        for name, part in parts
        for field, spec in part.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert missing == []
