"""Support channels as ContactPoint nodes, opening hours, and payment methods."""

from __future__ import annotations

from typing import Any

import pytest

from shopterms.policy.jsonld import compile_policy
from shopterms.policy.jsonld.hours import opening_hours_specification, weekly_hours
from tests.policy.jsonld_policies import as_list, organization_of, policy_with

S = "https://schema.org/"
WEEKDAYS = [S + day for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")]


def _hours(text: str) -> list[dict[str, Any]] | None:
    weekly = weekly_hours(text)
    return None if weekly is None else opening_hours_specification(weekly)


def _spec(days: list[str], opens: str, closes: str) -> dict[str, Any]:
    return {"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": opens, "closes": closes}


def test_weekday_ranges_times_and_closed_public_holidays() -> None:
    assert _hours("Mo-Fr 09:00-18:00; Sa 10:00-14:00; PH off") == [
        _spec(WEEKDAYS, "09:00:00", "18:00:00"),
        _spec([S + "Saturday"], "10:00:00", "14:00:00"),
        {"@type": "OpeningHoursSpecification", "dayOfWeek": [S + "PublicHolidays"]},
    ]


def test_several_spans_a_day_and_later_rules_override_earlier_ones() -> None:
    assert _hours("Mo-Fr 09:00-12:00,13:00-17:00; We 09:00-12:00") == [
        _spec([S + "Monday", S + "Tuesday", S + "Thursday", S + "Friday"], "09:00:00", "12:00:00"),
        _spec([S + "Monday", S + "Tuesday", S + "Thursday", S + "Friday"], "13:00:00", "17:00:00"),
        _spec([S + "Wednesday"], "09:00:00", "12:00:00"),
    ]


def test_day_lists_wrapping_ranges_and_round_the_clock() -> None:
    assert _hours("Mo,We,Fr 10:00-12:00") == [
        _spec([S + "Monday", S + "Wednesday", S + "Friday"], "10:00:00", "12:00:00")
    ]
    assert _hours("Sa-Mo 10:00-12:00") == [
        _spec([S + "Monday", S + "Saturday", S + "Sunday"], "10:00:00", "12:00:00")
    ]
    all_week = [*WEEKDAYS, S + "Saturday", S + "Sunday"]
    assert _hours("24/7") == [_spec(all_week, "00:00:00", "23:59:59")]
    assert _hours("24/7; Su off") == [_spec(all_week[:6], "00:00:00", "23:59:59")]


def test_public_holiday_hours_are_stated_for_public_holidays() -> None:
    assert _hours("Mo-Fr 09:00-18:00; PH 10:00-12:00")[-1] == _spec(
        [S + "PublicHolidays"], "10:00:00", "12:00:00"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Jan-Mar Mo-Fr 09:00-12:00",  # months
        'Mo-Fr 09:00-18:00 "by appointment"',  # comment
        "Mo-Fr 10:00+",  # open end
        "Mo-Fr 09:00-18:00, Sa 10:00-12:00",  # additional-rule separator
        "Fr 22:00-02:00; Sa off",  # the library closes Saturday's early hours too: readings differ
        "sunrise-sunset",
        "SH off",
    ],
)
def test_forms_we_do_not_read_give_no_specification(text: str) -> None:
    assert _hours(text) is None


def test_hours_we_cannot_express_keep_only_the_raw_text() -> None:
    support = {"channels": [{"type": "phone", "number": "+49 40 1", "hours": "Jan-Mar Mo-Fr 09:00-12:00"}]}
    point = as_list(organization_of(compile_policy(policy_with(support=support)))["contactPoint"])[0]
    assert "hoursAvailable" not in point
    assert point["shopterms:openingHours"] == "Jan-Mar Mo-Fr 09:00-12:00"


def test_contact_point_per_channel_with_the_matching_address_form() -> None:
    support = {
        "languages": ["de", "en"],
        "human": True,
        "channels": [
            {"type": "phone", "number": "+49 40 1234567", "hours": "Mo-Fr 09:00-18:00", "cost": "free"},
            {
                "type": "email",
                "address": "hilfe@kleiderei.example",
                "response_within": "24 hours",
                "languages": ["de"],
            },
            {"type": "whatsapp", "number": "+49 151 12345678"},
            {"type": "chat", "url": "https://kleiderei.example/chat"},
        ],
    }
    store = organization_of(compile_policy(policy_with(support=support)))
    phone, email, whatsapp, chat = store["contactPoint"]
    assert phone["contactType"] == "customer service"
    assert phone["telephone"] == "+49 40 1234567"
    assert phone["hoursAvailable"] == [_spec(WEEKDAYS, "09:00:00", "18:00:00")]
    assert phone["contactOption"] == S + "TollFree"
    assert phone["availableLanguage"] == ["de", "en"]
    assert phone["areaServed"] == ["DE", "AT"]
    assert email["email"] == "hilfe@kleiderei.example"
    assert email["availableLanguage"] == "de"
    assert email["shopterms:responseTimeTarget"] == "PT24H"
    assert "telephone" not in whatsapp
    assert whatsapp["url"] == "https://wa.me/4915112345678"
    assert chat["url"] == "https://kleiderei.example/chat"
    assert store["shopterms:humanSupport"] is True


def test_payment_methods_use_payment_method_types_where_one_fits() -> None:
    payment = {
        "methods": [
            "card",
            "paypal",
            "invoice",
            "sepa_direct_debit",
            "bank_transfer",
            "cash_on_delivery",
            "custom:Ratenkauf",
        ],
        "charged": "at_shipment",
        "invoice": {"due": "14 days after delivery", "sent": "with_delivery"},
    }
    store = organization_of(compile_policy(policy_with(payment=payment)))
    methods = {m["identifier"]: m for m in store["acceptedPaymentMethod"]}
    assert methods["card"]["@type"] == "PaymentCard"
    assert "paymentMethodType" not in methods["paypal"] and methods["paypal"]["name"] == "PayPal"
    assert methods["invoice"]["paymentMethodType"] == S + "ByInvoice"
    assert methods["sepa_direct_debit"]["paymentMethodType"] == S + "DirectDebit"
    assert methods["bank_transfer"]["paymentMethodType"] == S + "ByBankTransferInAdvance"
    assert methods["cash_on_delivery"]["paymentMethodType"] == S + "COD"
    assert methods["custom:Ratenkauf"]["name"] == "Ratenkauf"
    assert methods["custom:Ratenkauf"]["@id"] == "https://kleiderei.example/#payment-custom-ratenkauf"
    assert methods["invoice"]["shopterms:invoiceDueDays"] == 14
    assert methods["invoice"]["shopterms:invoiceDueAfter"] == "delivery"
    assert store["shopterms:paymentCharged"] == "at_shipment"
