"""Offer-level shipping details and return-policy references for product templates."""

from __future__ import annotations

from typing import Any

from shopterms.policy.jsonld import compile_offer_shipping_details, compile_policy
from tests.policy.jsonld_policies import as_list, organization_of, policy_with

S = "https://schema.org/"


def _offer(**shipping_service: Any) -> dict[str, Any]:
    service = {"id": "standard", "to": ["DE"], "transit": "1-2", "rate": 4.95, **shipping_service}
    return compile_offer_shipping_details(
        policy_with(shipping={"handling": {"days": "0-1", "cutoff": "14:00"}, "services": [service]})
    )


def test_each_detail_has_one_rate_a_destination_and_whole_day_times() -> None:
    detail = _offer()["shippingDetails"][0]
    assert detail["shippingRate"] == {"@type": "MonetaryAmount", "value": 4.95, "currency": "EUR"}
    assert detail["shippingDestination"] == {"@type": "DefinedRegion", "addressCountry": "DE"}
    delivery = detail["deliveryTime"]
    assert delivery["handlingTime"] == {
        "@type": "QuantitativeValue",
        "minValue": 0,
        "maxValue": 1,
        "unitCode": "DAY",
    }
    assert delivery["transitTime"] == {
        "@type": "QuantitativeValue",
        "minValue": 1,
        "maxValue": 2,
        "unitCode": "DAY",
    }
    assert delivery["cutoffTime"] == "14:00:00+02:00"
    assert detail["hasShippingService"] == {"@id": "https://kleiderei.example/#shipping-standard"}


def test_free_from_is_stated_beside_the_rate_not_as_a_second_rate() -> None:
    details = _offer(free_from=50)["shippingDetails"]
    assert len(details) == 1
    assert details[0]["shippingRate"]["value"] == 4.95
    assert details[0]["shopterms:freeShippingThreshold"]["value"] == 50.0


def test_tiered_rates_give_the_range_whose_maximum_is_never_below_the_real_cost() -> None:
    rates = [{"amount": 4.95, "weight_kg": "0-2"}, {"amount": 8.95, "weight_kg": "2+"}]
    rate = _offer(rate=rates)["shippingDetails"][0]["shippingRate"]
    assert rate == {"@type": "MonetaryAmount", "minValue": 4.95, "maxValue": 8.95, "currency": "EUR"}


def test_one_detail_per_destination_group_and_none_for_excluded_or_local_areas() -> None:
    details = _offer(
        to=["AT", "CH", "IT-21"], rate={"AT": 7.95, "CH": 14.95, "IT": 9.95}, excluded=["CH-TI"]
    )["shippingDetails"]
    assert [d["shippingRate"]["value"] for d in details] == [7.95, 14.95]
    assert all("doesNotShip" not in d for d in details)


def test_offer_points_to_every_organization_return_policy_by_id() -> None:
    policy = policy_with(
        returns={"window": 30, "countries": ["DE", "AT"], "cost": {"default": "free", "AT": 5}}
    )
    offer = compile_offer_shipping_details(policy)
    store = organization_of(compile_policy(policy))
    assert offer["hasMerchantReturnPolicy"] == [
        {"@id": p["@id"]} for p in as_list(store["hasMerchantReturnPolicy"])
    ]


def test_lockers_and_store_pickup_are_delivery_methods_of_the_offer() -> None:
    offer = _offer(delivery_options=["home", "parcel_locker", "in_store_pickup"])
    assert offer["availableDeliveryMethod"] == [S + "LockerDelivery", S + "OnSitePickup"]
