"""`--to ucp`: return policies by market, final-sale pieces, the shipping policy, links, payment terms."""

from __future__ import annotations

from typing import Any

import jsonpath_rfc9535
import pytest
from pydantic import ValidationError

from shopterms.policy.export import EXPORTERS_BY_NAME, LossyExport, export
from shopterms.policy.export.ucp_rules import ItemPolicy, ReturnPolicy
from shopterms.policy.export.ucp_shipping import policy_type
from shopterms.policy.export.ucp_targets import catalog_target, items_of
from shopterms.policy.loader import load_policy_text, read_policy
from shopterms.policy.model import Policy
from tests.conftest import EXAMPLES_DIR

UCP = EXPORTERS_BY_NAME["ucp"]
EXPRESSIBLE = """
shop: {name: Faden, url: https://www.faden.example, address: {country: DE}, timezone: Europe/Berlin,
       currency: EUR, sells_to: [DE, AT]}
shipping:
  handling: {days: 1}
  services: [{id: parcel, to: [DE, AT-9], transit: 1-3, rate: {DE: 4.95, AT: 9.95}, free_from: 60}]
returns:
  window: 30 days after order
  cost: {default: free, AT: 5.50}
  methods: [mail, in_store]
  restocking_fee: 12.5%
  refund: {to: store_credit}
  exchange: true
  not_returnable: [{items: cut fabric, reason: personalised}]
payment: {methods: [card, invoice], charged: at_order, invoice: {due: 30}}
legal: {returns_url: https://faden.example/returns, terms_url: https://faden.example/terms,
        imprint_url: https://faden.example/imprint}
"""


def _policy(text: str = EXPRESSIBLE) -> Policy:
    result = load_policy_text(text)
    assert result.policy is not None, result.diagnostics
    return result.policy


def _payload() -> dict[str, Any]:
    return export(_policy(), UCP).payload


def test_countries_with_equal_return_terms_share_a_market() -> None:
    markets = _payload()["markets"]
    assert [m["countries"] for m in markets] == [["AT"], ["DE"]]
    [at] = markets[0]["policies"]
    assert at["type"] == "dev.ucp.shopping.policy.return"
    assert at["window"] == {"days": 30, "anchor": "purchased"}
    assert at["supported_resolutions"] == ["store_credit", "exchange"]
    assert at["methods"] == [
        {"type": "by_mail", "fee": {"type": "fixed_fee", "amount": 550}},
        {"type": "in_store"},
    ]
    assert at["restocking_fee"] == {"percentage_bps": 1250}
    assert at["url"] == "https://faden.example/returns"
    assert at["description"]["plain"].startswith(
        "Returns within 30 days after order. Return shipping costs 5.50 EUR."
    )
    assert _payload()["currency"] == "EUR"


def test_goods_that_cannot_be_returned_become_final_sale_policies_that_apply_to_those_goods() -> None:
    [piece] = _payload()["item_policies"]
    assert piece["items"] == "cut fabric"
    assert piece["policy"]["final_sale"] is True and "window" not in piece["policy"]
    [target] = piece["policy"]["applies_to"]
    catalog = {"products": [{"id": "bolt", "tags": ["cut fabric"]}, {"id": "scissors", "tags": ["tools"]}]}
    assert [node.value["id"] for node in jsonpath_rfc9535.find(target, catalog)] == ["bolt"]


@pytest.mark.parametrize("items", ["the 'custom' range", "back\\slash goods", "tab\tseparated"])
def test_a_target_quotes_any_words_as_an_rfc_9535_string(items: str) -> None:
    target = catalog_target(items)
    catalog = {"products": [{"id": "yes", "tags": [items]}, {"id": "no", "tags": [items + "!"]}]}
    assert [node.value["id"] for node in jsonpath_rfc9535.find(target, catalog)] == ["yes"]
    assert items_of(target) == items


def test_a_policy_for_some_goods_without_a_target_is_refused() -> None:
    policy = {"type": "dev.ucp.shopping.policy.return", "description": {"plain": "x"}, "final_sale": True}
    with pytest.raises(ValidationError, match="applies_to"):
        ItemPolicy.model_validate({"items": "x", "policy": policy})


def test_the_shipping_policy_uses_a_type_in_the_shop_s_own_domain() -> None:
    [shipping] = _payload()["policies"]
    assert shipping["type"] == "example.faden.policy.shipping"
    [service] = shipping["services"]
    assert [lane["areas"] for lane in service["lanes"]] == [
        [{"country": "AT", "region": "AT-9"}],
        [{"country": "DE"}],
    ]
    assert service["lanes"][1]["rates"] == {
        "bands": [{"dimension": "order_value", "uppers": [5999, None]}],
        "prices": [495, 0],
    }
    assert shipping["holidays"] == "DE"


def test_links_use_the_well_known_types_and_titles_for_the_others() -> None:
    links = {link["type"]: link for link in _payload()["links"]}
    assert links["terms_of_service"]["url"] == "https://faden.example/terms"
    assert links["refund_policy"]["url"] == "https://faden.example/returns"
    assert links["imprint"]["title"] == "Imprint"


def test_payment_terms_are_templates_without_amounts() -> None:
    upfront, invoice = _payload()["payment_terms"]
    assert upfront["schedules"] == [
        {
            "id": "charge",
            "type": "immediate",
            "description": {"plain": "The full amount is charged when the order is placed."},
        }
    ]
    [schedule] = invoice["schedules"]
    assert schedule["due"] == {"days": 30, "after": "invoice"} and "amount" not in schedule


def test_nordlicht_loses_its_seasonal_window_label_and_refund_time() -> None:
    with pytest.raises(LossyExport) as refused:
        export(read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml"), UCP)
    facts = {loss.fact for loss in refused.value.losses}
    assert "returns for DE: seasonal 'Christmas'" in facts
    assert "returns for AT: label in_box" in facts
    assert "returns for DE: refund within 7 days after arrival" in facts


def test_no_returns_is_a_final_sale_policy() -> None:
    policy = _policy(
        EXPRESSIBLE.replace("window: 30 days after order", "window: no returns").replace("exchange: true", "")
    )
    [market] = export(policy, UCP).payload["markets"]
    assert market["countries"] == ["AT", "DE"]
    assert market["policies"][0]["final_sale"] is True
    assert "item_policies" not in export(policy, UCP).payload  # nothing is returnable anyway


def test_reverse_domain_names_follow_the_ucp_pattern() -> None:
    assert policy_type("https://www.shop.example/de") == "example.shop.policy.shipping"
    assert policy_type("https://123.example") is None  # a segment must start with a letter


def test_field_rules_forbid_a_window_on_a_final_sale_policy() -> None:
    with pytest.raises(ValidationError, match="final-sale"):
        ReturnPolicy.model_validate(
            {
                "type": "dev.ucp.shopping.policy.return",
                "description": {"plain": "x"},
                "final_sale": True,
                "window": {"days": 30, "anchor": "delivered"},
            }
        )


def test_the_legal_guarantee_is_a_ucp_warranty_policy_read_back_in_years() -> None:
    from shopterms.policy.export import EXPORTERS_BY_NAME, export
    from shopterms.policy.loader import read_policy
    from tests.conftest import EXAMPLES_DIR

    target = EXPORTERS_BY_NAME["ucp"]
    result = export(read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml"), target, allow_lossy=True)
    (warranty,) = [p for p in result.payload["policies"] if p["type"] == "dev.ucp.shopping.policy.warranty"]
    assert warranty == {
        "type": "dev.ucp.shopping.policy.warranty",
        "description": {"plain": "Legal guarantee against defects for 2 years from delivery."},
        "url": "https://nordlicht-mode.example/agb",
        "dev.shopterms.guarantee_years": 2,
    }
    facts = target.read(target.parse(target.render(result.payload, "json"), "json"))
    assert facts.warranty is not None and facts.warranty.years == 2
