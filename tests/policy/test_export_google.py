"""`--to google`: Merchant API v1 OnlineReturnPolicy and ShippingSettings bodies."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shopterms.policy.export import EXPORTERS_BY_NAME, LossyExport, export
from shopterms.policy.export.google_rules import GoogleExport, OnlineReturnPolicy
from shopterms.policy.loader import load_policy_text, read_policy
from shopterms.policy.model import Policy
from tests.conftest import EXAMPLES_DIR

GOOGLE = EXPORTERS_BY_NAME["google"]
# Everything in this policy has a place in the Merchant API: a strict export must succeed.
EXPRESSIBLE = """
shop: {name: Faden, url: https://faden.example, address: {country: DE}, timezone: Europe/Berlin,
       currency: EUR, sells_to: [DE, AT]}
shipping:
  handling: {days: 1, cutoff: "15:30", holidays: none}
  services:
    - {id: parcel, name: Paket, to: [DE, AT], transit: 1-3, rate: {DE: 4.95, AT: 9.95}, free_from: 60}
    - {id: heavy, to: [DE], transit: 2-4, delivery_days: Mon-Sat,
       rate: [{amount: 5.95, weight_kg: 0-5}, {amount: 11.95, weight_kg: 5-20}]}
returns:
  window: 30 days after delivery
  cost: {default: free, AT: customer_pays}
  methods: [mail, drop_off]
  label: download
  restocking_fee: 10%
  seasonal: [{name: Advent, orders: 2026-11-20..2026-12-24, days: 60}]
  refund: {within: 5 days after arrival}
  exchange: false
  item_conditions: [new, used]
  not_returnable: [{items: cut fabric, reason: personalised}]
legal: {returns_url: https://faden.example/returns}
"""


def _policy(text: str = EXPRESSIBLE) -> Policy:
    result = load_policy_text(text)
    assert result.policy is not None, result.diagnostics
    return result.policy


def test_a_fully_expressible_policy_exports_without_allow_lossy() -> None:
    payload = export(_policy(), GOOGLE).payload
    policies = {tuple(p["countries"]): p for p in payload["onlineReturnPolicies"] if "label" not in p}
    assert policies[("DE",)]["returnShippingFee"] == {"type": "FIXED"}  # free: no amount anywhere
    assert policies[("AT",)]["returnShippingFee"] == {"type": "CUSTOMER_PAYING_ACTUAL_FEE"}
    de = policies[("DE",)]
    assert de["policy"] == {"type": "NUMBER_OF_DAYS_AFTER_DELIVERY", "days": "30"}
    assert de["seasonalOverrides"] == [
        {
            "label": "Advent",
            "startDate": {"year": 2026, "month": 11, "day": 20},
            "endDate": {"year": 2026, "month": 12, "day": 24},
            "returnDays": 60,
        }
    ]
    assert de["returnMethods"] == ["BY_MAIL"]  # a drop-off at a parcel shop is a return by mail
    assert de["itemConditions"] == ["NEW", "USED"]
    assert de["restockingFee"] == {"microPercent": 10_000_000}
    assert (de["processRefundDays"], de["acceptExchange"], de["returnLabelSource"]) == (
        5,
        False,
        "DOWNLOAD_AND_PRINT",
    )
    [exception] = [p for p in payload["onlineReturnPolicies"] if "label" in p]
    assert exception == {
        "label": "cut fabric",
        "countries": ["AT", "DE"],
        "policy": {"type": "NO_RETURNS"},
        "returnPolicyUri": "https://faden.example/returns",
    }


def test_prices_by_country_become_one_service_per_country_group() -> None:
    services = export(_policy(), GOOGLE).payload["shippingSettings"]["services"]
    assert [(s["serviceName"], s["deliveryCountries"]) for s in services] == [
        ("Paket (AT)", ["AT"]),
        ("Paket (DE)", ["DE"]),
        ("heavy", ["DE"]),
    ]
    time = services[0]["deliveryTime"]
    assert time["cutoffTime"] == {"hour": 15, "minute": 30, "timeZone": "Europe/Berlin"}
    assert (
        time["minHandlingDays"],
        time["maxHandlingDays"],
        time["minTransitDays"],
        time["maxTransitDays"],
    ) == (1, 1, 1, 3)


def test_free_shipping_threshold_is_a_price_table_whose_last_band_costs_nothing() -> None:
    [group] = export(_policy(), GOOGLE).payload["shippingSettings"]["services"][1]["rateGroups"]
    table = group["mainTable"]
    assert table["rowHeaders"]["prices"] == [
        {"amountMicros": "59990000", "currencyCode": "EUR"},
        {"amountMicros": "-1", "currencyCode": "EUR"},
    ]
    assert [row["cells"][0]["flatRate"]["amountMicros"] for row in table["rows"]] == ["4950000", "0"]
    assert group["applicableShippingLabels"] == []


def test_weight_tiers_become_weight_headers_with_no_shipping_above_the_last() -> None:
    service = export(_policy(), GOOGLE).payload["shippingSettings"]["services"][2]
    table = service["rateGroups"][0]["mainTable"]
    assert [w["amountMicros"] for w in table["rowHeaders"]["weights"]] == ["5000000", "20000000", "-1"]
    assert table["rows"][2]["cells"] == [{"noShipping": True}]
    assert service["deliveryTime"]["transitBusinessDayConfig"]["businessDays"][-1] == "SATURDAY"


def test_no_cutoff_is_written_as_the_end_of_the_shop_day() -> None:
    policy = _policy(EXPRESSIBLE.replace(', cutoff: "15:30"', ""))
    cutoff = export(policy, GOOGLE).payload["shippingSettings"]["services"][0]["deliveryTime"]["cutoffTime"]
    assert cutoff == {"hour": 23, "minute": 59, "timeZone": "Europe/Berlin"}


def test_nordlicht_return_cost_differs_by_country_and_free_is_a_zero_fee() -> None:
    payload = export(read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml"), GOOGLE, allow_lossy=True).payload
    fees = {tuple(p["countries"]): p.get("returnShippingFee") for p in payload["onlineReturnPolicies"]}
    assert fees[("AT",)] == {"type": "FIXED", "fixedFee": {"amountMicros": "6950000", "currencyCode": "EUR"}}
    assert fees[("DE",)] == {"type": "FIXED", "fixedFee": {"amountMicros": "0", "currencyCode": "EUR"}}
    [season] = payload["onlineReturnPolicies"][0]["seasonalOverrides"]
    assert season["returnUntilDate"] == {"year": 2027, "month": 1, "day": 15}


def test_strict_export_names_each_fact_the_api_cannot_state() -> None:
    with pytest.raises(LossyExport) as refused:
        export(read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml"), GOOGLE)
    facts = [loss.fact for loss in refused.value.losses]
    assert "shipping.handling.holidays DE-HH" in facts
    assert "shipping.closed 2026-12-24..2027-01-01" in facts
    assert "shipping.services[standard].carriers dhl-germany, hermes-de" in facts


def test_a_window_counted_from_the_order_is_a_loss_and_exported_from_delivery() -> None:
    policy = _policy(EXPRESSIBLE.replace("30 days after delivery", "30 days after order"))
    with pytest.raises(LossyExport) as refused:
        export(policy, GOOGLE)
    losses = refused.value.losses
    assert [loss.fact for loss in losses] == [
        f"returns for {c}: window 30 days after order" for c in ("AT", "DE")
    ]
    assert all("from delivery only" in loss.reason for loss in losses)


def test_regional_destinations_are_left_out_and_reported() -> None:
    policy = _policy(EXPRESSIBLE.replace("to: [DE, AT], transit", "to: [DE, AT-9], transit"))
    result = export(policy, GOOGLE, allow_lossy=True)
    assert [loss.fact for loss in result.losses] == ["shipping.services[parcel].to AT-9"]
    names = [s["serviceName"] for s in result.payload["shippingSettings"]["services"]]
    assert names == ["Paket", "heavy"]


def test_returns_without_a_policy_page_are_a_loss_and_the_shipping_settings_still_export() -> None:
    policy = _policy(EXPRESSIBLE.replace("legal: {returns_url: https://faden.example/returns}", ""))
    with pytest.raises(LossyExport) as refused:
        export(policy, GOOGLE)
    assert [str(loss) for loss in refused.value.losses] == [
        "returns: the Merchant API requires a return policy page (returnPolicyUri); set legal.returns_url "
        "or returns.portal"
    ]
    result = export(policy, GOOGLE, allow_lossy=True)
    assert result.payload["onlineReturnPolicies"] == []
    assert [s["serviceName"] for s in result.payload["shippingSettings"]["services"]][-1] == "heavy"


def test_no_shipping_section_writes_no_shipping_settings_that_would_replace_the_account_s() -> None:
    text = EXPRESSIBLE[: EXPRESSIBLE.index("shipping:")] + EXPRESSIBLE[EXPRESSIBLE.index("returns:") :]
    assert "shippingSettings" not in export(_policy(text), GOOGLE).payload


def test_field_rules_reject_overlapping_seasons_and_a_missing_return_page() -> None:
    season = {
        "label": "x",
        "startDate": {"year": 2026, "month": 1, "day": 1},
        "endDate": {"year": 2026, "month": 1, "day": 31},
        "returnDays": 30,
    }
    body = {
        "countries": ["DE"],
        "policy": {"type": "NO_RETURNS"},
        "returnPolicyUri": "https://x.example",
        "seasonalOverrides": [season, season],
    }
    with pytest.raises(ValidationError, match="must not overlap"):
        OnlineReturnPolicy.model_validate(body)
    with pytest.raises(ValidationError, match="returnPolicyUri"):
        GoogleExport.model_validate({"onlineReturnPolicies": [{"countries": ["DE"]}]})
