"""Return terms as MerchantReturnPolicy nodes."""

from __future__ import annotations

from typing import Any

from shopterms.policy.jsonld import compile_policy
from tests.policy.jsonld_policies import as_list, organization_of, policy_with

S = "https://schema.org/"


def _policies(**returns: Any) -> list[dict[str, Any]]:
    store = organization_of(
        compile_policy(policy_with(returns={"window": "30 days after delivery", **returns}))
    )
    return as_list(store["hasMerchantReturnPolicy"])


def test_countries_with_equal_terms_share_one_policy_and_the_home_group_comes_first() -> None:
    policies = _policies(countries=["AT", "DE", "CH", "FR"], cost={"default": "free", "CH": 9.95, "FR": 9.95})
    assert [p["@id"].split("#")[1] for p in policies] == ["return-policy", "return-policy-CH-FR"]
    assert policies[0]["applicableCountry"] == ["AT", "DE"]
    assert policies[1]["applicableCountry"] == ["CH", "FR"]
    assert all(p["returnPolicyCountry"] == "DE" for p in policies)


def test_finite_window_gives_category_days_and_what_they_count_from() -> None:
    policy = _policies(window="14 days after order")[0]
    assert policy["returnPolicyCategory"] == S + "MerchantReturnFiniteReturnWindow"
    assert policy["merchantReturnDays"] == 14
    assert policy["shopterms:returnWindowStart"] == "order"


def test_no_returns_states_the_category_without_fees_or_methods() -> None:
    policy = _policies(window="no returns")[0]
    assert policy["returnPolicyCategory"] == S + "MerchantReturnNotPermitted"
    for key in ("merchantReturnDays", "returnFees", "returnMethod", "refundType"):
        assert key not in policy


def test_unlimited_window_has_no_days() -> None:
    policy = _policies(window="unlimited")[0]
    assert policy["returnPolicyCategory"] == S + "MerchantReturnUnlimitedWindow"
    assert "merchantReturnDays" not in policy


def test_fixed_return_cost_is_return_shipping_fees_with_the_amount() -> None:
    policy = _policies(cost=5.5)[0]
    assert policy["returnFees"] == S + "ReturnShippingFees"
    assert policy["returnShippingFeesAmount"] == {"@type": "MonetaryAmount", "value": 5.5, "currency": "EUR"}


def test_customer_paid_postage_is_the_customers_responsibility() -> None:
    policy = _policies(cost="customer_pays")[0]
    assert policy["returnFees"] == S + "ReturnFeesCustomerResponsibility"
    assert "returnShippingFeesAmount" not in policy


def test_defective_goods_with_other_costs_use_remorse_and_defect_properties() -> None:
    policy = _policies(cost=4.95, label="download", defective={"cost": "free", "label": "in_box"})[0]
    assert "returnFees" not in policy and "returnLabelSource" not in policy
    assert policy["customerRemorseReturnFees"] == S + "ReturnShippingFees"
    assert policy["customerRemorseReturnShippingFeesAmount"]["value"] == 4.95
    assert policy["itemDefectReturnFees"] == S + "FreeReturn"
    assert "itemDefectReturnShippingFeesAmount" not in policy
    assert policy["customerRemorseReturnLabelSource"] == S + "ReturnLabelDownloadAndPrint"
    assert policy["itemDefectReturnLabelSource"] == S + "ReturnLabelInBox"


def test_defective_terms_equal_to_the_normal_ones_change_nothing() -> None:
    policy = _policies(cost="free", defective={"cost": "free"})[0]
    assert policy["returnFees"] == S + "FreeReturn"
    assert "itemDefectReturnFees" not in policy


def test_a_longer_window_for_defective_goods_goes_into_our_vocabulary() -> None:
    policy = _policies(defective={"window": "60 days after delivery"})[0]
    assert policy["shopterms:itemDefectReturnDays"] == 60
    assert policy["merchantReturnDays"] == 30


def test_methods_map_to_schema_org_and_keep_our_finer_codes() -> None:
    policy = _policies(methods=["mail", "drop_off", "kiosk", "in_store"])[0]
    assert policy["returnMethod"] == [S + "ReturnByMail", S + "ReturnAtKiosk", S + "ReturnInStore"]
    assert policy["shopterms:returnOption"] == ["mail", "drop_off", "kiosk", "in_store"]


def test_restocking_fee_is_a_number_for_percent_and_money_for_an_amount() -> None:
    assert _policies(restocking_fee="10%")[0]["restockingFee"] == 10.0
    fee = _policies(restocking_fee_amount=3)[0]["restockingFee"]
    assert fee == {"@type": "MonetaryAmount", "value": 3.0, "currency": "EUR"}


def test_refund_terms_give_refund_types_and_processing_days() -> None:
    policy = _policies(refund={"within": "14 days after withdrawal", "to": "choice"}, exchange=True)[0]
    assert policy["refundType"] == [S + "FullRefund", S + "StoreCreditRefund", S + "ExchangeRefund"]
    assert policy["shopterms:refundProcessingDays"] == 14
    assert policy["shopterms:refundCountedFrom"] == "withdrawal"


def test_seasonal_override_with_a_date_or_days() -> None:
    seasons = [
        {"name": "Christmas", "orders": "2026-11-15..2026-12-24", "until": "2027-01-15"},
        {"name": "Summer", "orders": "2026-07-01..2026-07-31", "days": 60},
    ]
    overrides = _policies(seasonal=seasons)[0]["returnPolicySeasonalOverride"]
    assert overrides[0] == {
        "@type": "MerchantReturnPolicySeasonalOverride",
        "name": "Christmas",
        "startDate": "2026-11-15",
        "endDate": "2026-12-24",
        "returnPolicyCategory": S + "MerchantReturnFiniteReturnWindow",
        "merchantReturnDays": "2027-01-15",
    }
    assert overrides[1]["merchantReturnDays"] == 60


def test_return_link_prefers_the_policy_page_and_keeps_the_portal() -> None:
    store = organization_of(
        compile_policy(
            policy_with(
                returns={"window": 30, "portal": "https://kleiderei.example/retoure"},
                legal={"returns_url": "https://kleiderei.example/widerruf"},
            )
        )
    )
    policy = as_list(store["hasMerchantReturnPolicy"])[0]
    assert policy["merchantReturnLink"] == "https://kleiderei.example/widerruf"
    assert policy["shopterms:returnPortal"] == "https://kleiderei.example/retoure"


def test_item_conditions_and_exclusions() -> None:
    policy = _policies(
        item_conditions=["new", "used"], not_returnable=[{"items": "custom prints", "reason": "personalised"}]
    )[0]
    assert policy["itemCondition"] == [S + "NewCondition", S + "UsedCondition"]
    assert policy["shopterms:notReturnable"] == [
        {
            "@type": "shopterms:ReturnExclusion",
            "name": "custom prints",
            "shopterms:exclusionReason": "personalised",
        }
    ]
