"""Delivery services as ShippingService nodes, and the cutoff time's UTC offset."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from shopterms.policy.jsonld import compile_policy
from shopterms.policy.jsonld.timing import cutoff_time
from tests.policy.jsonld_policies import as_list, organization_of, policy_with

S = "https://schema.org/"


def _services(*services: dict[str, Any], **handling: Any) -> list[dict[str, Any]]:
    shipping = {"handling": {"days": "0-1", "cutoff": "14:00", **handling}, "services": list(services)}
    return as_list(organization_of(compile_policy(policy_with(shipping=shipping)))["hasShippingService"])


def _service(**fields: Any) -> dict[str, Any]:
    return _services({"id": "standard", "to": ["DE"], "transit": "1-2", "rate": 4.95, **fields})[0]


def test_handling_is_a_service_period_with_days_business_days_and_cutoff() -> None:
    handling = _service()["handlingTime"]
    assert handling["@type"] == "ServicePeriod"
    assert handling["duration"] == {
        "@type": "QuantitativeValue",
        "minValue": 0,
        "maxValue": 1,
        "unitCode": "DAY",
    }
    assert handling["businessDays"] == [
        S + day for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    ]
    assert handling["cutoffTime"] == "14:00:00+02:00"
    assert handling["shopterms:localCutoffTime"] == "14:00:00"
    assert handling["shopterms:timeZone"] == "Europe/Berlin"


def test_service_cutoff_and_handling_override_the_warehouse() -> None:
    handling = _service(cutoff="12:00", handling=2)["handlingTime"]
    assert handling["cutoffTime"] == "12:00:00+02:00"
    assert handling["duration"]["minValue"] == handling["duration"]["maxValue"] == 2


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Europe/Berlin", "14:00:00+02:00"),  # summer time: the earlier instant of the two
        ("Australia/Sydney", "14:00:00+11:00"),  # southern summer, in January
        ("America/New_York", "14:00:00-04:00"),
        ("Asia/Kolkata", "14:00:00+05:30"),
        ("UTC", "14:00:00+00:00"),
    ],
)
def test_cutoff_uses_the_zones_largest_offset_so_it_is_never_later_than_the_real_one(
    zone: str, expected: str
) -> None:
    assert cutoff_time(dt.time(14), zone) == expected


def test_transit_counts_the_carriers_delivery_days() -> None:
    condition = _service(delivery_days="Mon-Sat")["shippingConditions"][0]
    assert condition["transitTime"]["duration"]["minValue"] == 1
    assert condition["transitTime"]["duration"]["maxValue"] == 2
    assert condition["transitTime"]["businessDays"][-1] == S + "Saturday"


def test_free_from_adds_a_free_condition_from_the_threshold() -> None:
    paid, free = _service(free_from=50)["shippingConditions"]
    assert paid["shippingRate"] == {"@type": "MonetaryAmount", "value": 4.95, "currency": "EUR"}
    assert "orderValue" not in paid
    assert free["shippingRate"]["value"] == 0
    assert free["orderValue"] == {"@type": "MonetaryAmount", "minValue": 50.0, "currency": "EUR"}
    assert free["shippingDestination"] == paid["shippingDestination"]


def test_prices_per_country_give_one_condition_per_country_and_equal_prices_share_one() -> None:
    conditions = _service(to=["AT", "CH", "LI"], rate={"AT": 7.95, "CH": 14.95, "LI": 14.95})[
        "shippingConditions"
    ]
    assert [c["shippingDestination"] for c in conditions] == [
        {"@type": "DefinedRegion", "addressCountry": "AT"},
        {"@type": "DefinedRegion", "addressCountry": "CH"},
        {"@type": "DefinedRegion", "addressCountry": "LI"},
    ]
    rates = [{"amount": 7.95, "countries": ["AT"]}, {"amount": 14.95, "countries": ["CH", "LI"]}]
    grouped = _service(to=["AT", "CH", "LI"], rate=rates)["shippingConditions"]
    assert len(grouped) == 2
    assert [r["addressCountry"] for r in grouped[1]["shippingDestination"]] == ["CH", "LI"]


def test_weight_value_and_item_tiers_become_condition_limits() -> None:
    rates = [
        {"amount": 4.95, "weight_kg": "0-2"},
        {"amount": 6.95, "weight_kg": "2-10", "order_value": "0-99.99", "items": "1-3"},
    ]
    light, heavy = _service(rate=rates)["shippingConditions"]
    assert light["weight"] == {
        "@type": "QuantitativeValue",
        "minValue": 0.0,
        "maxValue": 2.0,
        "unitCode": "KGM",
    }
    assert heavy["orderValue"] == {
        "@type": "MonetaryAmount",
        "minValue": 0.0,
        "maxValue": 99.99,
        "currency": "EUR",
    }
    assert heavy["numItems"] == {"@type": "QuantitativeValue", "minValue": 1.0, "maxValue": 3.0}


def test_excluded_areas_get_a_does_not_ship_condition_where_readers_take_them_as_meant() -> None:
    service = _service(to=["US"], excluded=["US-AK", {"country": "US", "postal_codes": ["968*"]}])
    assert service["shippingConditions"][-1] == {
        "@type": "ShippingConditions",
        "shippingDestination": [
            {"@type": "DefinedRegion", "addressCountry": "US", "addressRegion": "AK"},
            {"@type": "DefinedRegion", "addressCountry": "US", "postalCodePrefix": "968"},
        ],
        "doesNotShip": True,
    }
    assert service["shopterms:doesNotShipTo"] == service["shippingConditions"][-1]["shippingDestination"]


def test_excluded_local_areas_are_named_only_in_our_terms() -> None:
    service = _service(excluded=[{"country": "DE", "postal_codes": ["27498"]}, "DE-HB"])
    assert all("doesNotShip" not in condition for condition in service["shippingConditions"])
    assert service["shopterms:doesNotShipTo"] == [
        {"@type": "DefinedRegion", "addressCountry": "DE", "postalCode": "27498"},
        {"@type": "DefinedRegion", "addressCountry": "DE", "addressRegion": "HB"},
    ]


def test_local_destinations_stay_out_of_the_conditions_and_are_listed_in_our_terms() -> None:
    service = _service(to=["DE", "AT-9"])
    assert [c["shippingDestination"] for c in service["shippingConditions"]] == [
        {"@type": "DefinedRegion", "addressCountry": "DE"}
    ]
    assert service["shopterms:localDestination"] == {
        "@type": "DefinedRegion",
        "addressCountry": "AT",
        "addressRegion": "9",
    }


def test_a_service_with_only_local_destinations_is_a_local_shipping_service() -> None:
    shipping = {
        "handling": {"days": 0},
        "services": [
            {"id": "standard", "to": ["DE"], "transit": 1, "rate": 4.95},
            {
                "id": "bike",
                "name": "Fahrradkurier",
                "to": [{"country": "DE", "postal_codes": ["20*", "22*"]}],
                "transit": 0,
                "rate": 6.5,
            },
        ],
    }
    store = organization_of(compile_policy(policy_with(shipping=shipping)))
    assert [s["identifier"] for s in as_list(store["hasShippingService"])] == ["standard"]
    assert store["shopterms:localShippingService"] == [
        {
            "@type": "shopterms:LocalShippingService",
            "@id": "https://kleiderei.example/#shipping-bike",
            "identifier": "bike",
            "name": "Fahrradkurier",
            "shopterms:localDestination": {
                "@type": "DefinedRegion",
                "addressCountry": "DE",
                "postalCodePrefix": ["20", "22"],
            },
        }
    ]


def test_carriers_choice_options_and_fulfillment_type() -> None:
    service = _service(
        type="collection_point",
        carriers=["dhl-germany", "custom:Kurier Nord"],
        carrier_choice=True,
        delivery_options=["pickup_point", "redirect"],
    )
    assert service["fulfillmentType"] == S + "FulfillmentTypeCollectionPoint"
    assert service["shopterms:carrier"] == [
        {"@type": "Organization", "name": "DHL Paket", "identifier": "dhl-germany"},
        {"@type": "Organization", "name": "Kurier Nord", "identifier": "custom:Kurier Nord"},
    ]
    assert service["shopterms:carrierChoice"] is True
    assert service["shopterms:deliveryOption"] == ["pickup_point", "redirect"]


def test_warehouse_closures_tracking_and_notifications_sit_on_the_organization() -> None:
    shipping = {
        "handling": {"days": 1},
        "closed": ["2026-12-24..2027-01-01"],
        "services": [{"id": "standard", "to": ["DE"], "transit": 1, "rate": 4.95}],
        "tracking": True,
        "on_time_rate": 0.9,
        "notifications": {"channels": ["email"], "events": ["shipped"], "email_to_carrier": "with_consent"},
    }
    store = organization_of(compile_policy(policy_with(shipping=shipping)))
    assert store["shopterms:dispatchClosure"] == [
        {"@type": "OpeningHoursSpecification", "validFrom": "2026-12-24", "validThrough": "2027-01-01"}
    ]
    assert store["shopterms:parcelTracking"] is True
    assert store["shopterms:onTimeDeliveryRate"] == 0.9
    assert store["shopterms:notificationChannel"] == ["email"]
    assert store["shopterms:notificationEvent"] == ["shipped"]
    assert store["shopterms:emailToCarrier"] == "with_consent"
    assert "cutoffTime" not in as_list(store["hasShippingService"])[0]["handlingTime"]
