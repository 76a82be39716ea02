"""Parcels judged against the promise of their order moment, checked by hand against the calendar.

June 2026: Mon 1, Thu 4 is Corpus Christi (a public holiday in Bavaria, not in Hamburg), Fri 12,
Mon 15. The warehouse (Hamburg) ships Mon-Fri, cutoff 14:00 Berlin time; standard: handling 0-1, transit
1-2 business days in the destination's calendar.
"""

from __future__ import annotations

import datetime as dt

from shopterms.policy.evidence.judging import Judge, TermsVersion
from tests.policy.evidence.judging_harness import example_policy, facts, judged, policy_variant


def test_order_a_second_before_the_cutoff_counts_from_its_own_day_and_friday_is_the_last_day() -> None:
    verdict = judged(facts("2026-06-09T13:59:59+02:00", "2026-06-12"))
    promise = verdict.promise
    assert (promise.counts_from, promise.latest_dispatch) == (dt.date(2026, 6, 9), dt.date(2026, 6, 10))
    assert promise.earliest_delivery == dt.date(2026, 6, 10)
    assert promise.latest_delivery == dt.date(2026, 6, 12)
    assert (verdict.verdict, verdict.days_off) == ("on_time", 0)


def test_the_same_parcel_delivered_on_monday_is_late_by_one_business_day() -> None:
    verdict = judged(facts("2026-06-09T13:59:59+02:00", "2026-06-15"))
    assert (verdict.verdict, verdict.days_off) == ("late", 1)


def test_order_at_the_cutoff_counts_from_the_next_day_so_a_wednesday_delivery_is_early_by_one() -> None:
    verdict = judged(facts("2026-06-09T14:00:00+02:00", "2026-06-10"))
    assert verdict.promise.counts_from == dt.date(2026, 6, 10)
    assert verdict.promise.earliest_delivery == dt.date(2026, 6, 11)
    assert (verdict.verdict, verdict.days_off) == ("early", 1)


def test_the_cutoff_is_read_on_the_shops_clock_whatever_offset_the_export_writes() -> None:
    before = judged(facts("2026-06-09T11:59:59Z", "2026-06-12"))  # 13:59:59 in Berlin
    after = judged(facts("2026-06-09T12:00:00Z", "2026-06-12"))  # 14:00:00 in Berlin
    assert before.promise.counts_from == dt.date(2026, 6, 9)
    assert after.promise.counts_from == dt.date(2026, 6, 10)


def test_a_friday_evening_order_counts_from_monday_and_thursday_delivery_is_on_time() -> None:
    verdict = judged(facts("2026-06-12T15:00:00+02:00", "2026-06-18"))
    assert verdict.promise.counts_from == dt.date(2026, 6, 15)
    assert verdict.promise.latest_delivery == dt.date(2026, 6, 18)
    assert (verdict.verdict, verdict.lead_business_days, verdict.lead_calendar_days) == ("on_time", 3, 6)
    assert judged(facts("2026-06-12T15:00:00+02:00", "2026-06-19")).days_off == 1


def test_a_saturday_delivery_after_a_friday_deadline_is_late_by_one_though_no_business_day() -> None:
    verdict = judged(facts("2026-06-09T13:00:00+02:00", "2026-06-13"))
    assert (verdict.verdict, verdict.days_off) == ("late", 1)


def test_corpus_christi_in_bavaria_moves_the_promise_so_monday_is_on_time_there_and_late_in_hamburg() -> None:
    bavaria = judged(facts("2026-06-02T10:00:00+02:00", "2026-06-08", region="DE-BY"))
    hamburg = judged(facts("2026-06-02T10:00:00+02:00", "2026-06-08", region="DE-HH"))
    assert bavaria.promise.latest_delivery == dt.date(2026, 6, 8)
    assert hamburg.promise.latest_delivery == dt.date(2026, 6, 5)
    assert (bavaria.verdict, hamburg.verdict, hamburg.days_off) == ("on_time", "late", 1)


def test_a_region_the_calendars_do_not_know_is_judged_with_its_countrys_holidays() -> None:
    verdict = judged(facts("2026-06-02T10:00:00+02:00", "2026-06-08", region="DE-XX"))
    assert verdict.promise.latest_delivery == dt.date(2026, 6, 5)


def test_an_order_before_the_warehouse_closure_counts_from_the_first_day_after_it() -> None:
    verdict = judged(facts("2026-12-23T15:00:00+01:00", "2027-01-07"))
    promise = verdict.promise
    assert promise.counts_from == dt.date(2027, 1, 4)
    assert (promise.latest_dispatch, promise.latest_delivery) == (dt.date(2027, 1, 5), dt.date(2027, 1, 7))
    assert (verdict.verdict, verdict.lead_business_days, verdict.lead_calendar_days) == ("on_time", 3, 15)
    assert judged(facts("2026-12-23T15:00:00+01:00", "2027-01-08")).days_off == 1


def test_dispatch_after_the_closure_is_late_by_one_for_an_order_that_made_the_cutoff() -> None:
    verdict = judged(facts("2026-12-23T13:00:00+01:00", "2027-01-06", shipped="2027-01-05"))
    assert verdict.promise.latest_dispatch == dt.date(2027, 1, 4)
    assert (verdict.dispatch_late, verdict.dispatch_days_late) == (True, 1)
    assert (verdict.verdict, verdict.cause) == ("on_time", None)


def test_a_late_parcel_that_left_late_is_late_by_dispatch_and_one_that_left_on_time_by_transit() -> None:
    by_dispatch = judged(facts("2026-06-09T13:00:00+02:00", "2026-06-16", shipped="2026-06-12"))
    by_transit = judged(facts("2026-06-09T13:00:00+02:00", "2026-06-16", shipped="2026-06-10"))
    assert (by_dispatch.cause, by_dispatch.dispatch_days_late) == ("dispatch", 2)
    assert (by_transit.cause, by_transit.dispatch_late) == ("transit", False)


def test_an_undelivered_parcel_is_pending_until_its_last_day_passes_then_overdue() -> None:
    parcel = facts("2026-06-09T13:00:00+02:00", shipped="2026-06-10")
    assert judged(parcel, today="2026-06-12").verdict == "pending"
    overdue = judged(parcel, today="2026-06-13")
    assert (overdue.verdict, overdue.cause) == ("overdue", "transit")
    assert judged(facts("2026-06-09T13:00:00+02:00", status="failed"), today="2026-06-20").verdict == (
        "not_delivered"
    )


def test_express_delivers_on_saturday_in_its_own_calendar() -> None:
    # Dispatched Friday or Monday (handling 0-1), delivered the next day of a Mon-Sat calendar.
    verdict = judged(facts("2026-06-12T11:00:00+02:00", "2026-06-13", service="express"))
    assert verdict.promise.earliest_delivery == dt.date(2026, 6, 13)
    assert verdict.promise.latest_delivery == dt.date(2026, 6, 16)
    assert (verdict.verdict, verdict.lead_business_days) == ("on_time", 1)


def test_a_parcel_ordered_before_a_terms_change_is_judged_against_the_old_promise() -> None:
    old, new = example_policy(), policy_variant("transit: 1-2", "transit: 2-3")
    switch = dt.datetime(2026, 6, 10, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    versions = (TermsVersion("v1", old), TermsVersion("v2", new))
    judge = Judge(lambda moment: versions[moment >= switch], dt.date(2027, 1, 1))
    before = judge.judge(facts("2026-06-09T13:00:00+02:00", "2026-06-15"))
    after = judge.judge(facts("2026-06-10T09:00:00+02:00", "2026-06-16"))
    assert not isinstance(before, str) and not isinstance(after, str)
    assert (before.terms.key, before.verdict, before.days_off) == ("v1", "late", 1)
    assert (after.terms.key, after.verdict) == ("v2", "on_time")
    assert after.promise.latest_delivery == dt.date(2026, 6, 16)  # under the old terms: Mon 15 June


def test_parcels_that_cannot_be_judged_say_why() -> None:
    policy = example_policy()
    terms = TermsVersion("example", policy)
    judge = Judge(lambda moment: terms, dt.date(2027, 1, 1))
    assert judge.judge(facts("2026-06-09T13:00:00+02:00", service="overnight")) == "unknown_service"
    assert judge.judge(facts("2026-06-09T13:00:00+02:00", country="AT", region=None)) == "not_served"
    nothing = Judge(lambda moment: None, dt.date(2027, 1, 1))
    assert nothing.judge(facts("2026-06-09T13:00:00+02:00")) == "no_terms"
