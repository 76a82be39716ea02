"""`--to openai-feed`: the shop-level seller, return and shipping columns of the OpenAI product feed."""

from __future__ import annotations

import pytest

from shopterms.policy.export import EXPORTERS_BY_NAME, ExportError, LossyExport, export
from shopterms.policy.export.openai_feed_rules import OpenAiFeedShopFields
from shopterms.policy.loader import load_policy_text, read_policy
from shopterms.policy.model import Policy
from tests.conftest import EXAMPLES_DIR

FEED = EXPORTERS_BY_NAME["openai-feed"]
EXPRESSIBLE = """
shop: {name: Faden, url: https://faden.example, address: {country: DE}, timezone: Europe/Berlin,
       currency: EUR, sells_to: [DE, AT]}
shipping:
  handling: {days: 1}
  services:
    - {id: parcel, name: "Paket: Standard", to: [DE, DE-BY, AT], transit: 1-3, rate: {DE: 4.95, AT: 9.95}}
returns: {window: 30 days after delivery, cost: free, exchange: false}
legal: {returns_url: https://faden.example/returns, privacy_url: https://faden.example/privacy,
        terms_url: https://faden.example/terms}
"""


def _policy(text: str = EXPRESSIBLE) -> Policy:
    result = load_policy_text(text)
    assert result.policy is not None, result.diagnostics
    return result.policy


def test_the_columns_state_seller_returns_and_one_entry_per_area_and_service() -> None:
    payload = export(_policy(), FEED, allow_lossy=True).payload
    assert payload == {
        "seller_name": "Faden",
        "seller_url": "https://faden.example",
        "seller_privacy_policy": "https://faden.example/privacy",
        "seller_tos": "https://faden.example/terms",
        "return_policy": "https://faden.example/returns",
        "accepts_returns": True,
        "return_deadline_in_days": 30,
        "accepts_exchanges": False,
        "shipping": [
            "AT::Paket- Standard:9.95 EUR",
            "DE::Paket- Standard:4.95 EUR",
            "DE:BY:Paket- Standard:4.95 EUR",
        ],
    }


def test_each_fact_without_a_column_is_reported() -> None:
    with pytest.raises(LossyExport) as refused:
        export(_policy(), FEED)
    facts = [loss.fact for loss in refused.value.losses]
    assert facts == [
        "returns for AT, DE: cost free",
        "shipping.handling.holidays DE",
        "shipping.services[parcel].name 'Paket: Standard'",
        "shipping.services[parcel]: handling 1-1, transit 1-3 business days",
    ]


def test_tsv_and_csv_are_a_header_and_one_row_that_parse_back() -> None:
    payload = export(_policy(), FEED, allow_lossy=True).payload
    tsv = FEED.render(payload, "tsv")
    header, row = tsv.splitlines()
    assert header.split("\t")[:3] == ["seller_name", "seller_url", "seller_privacy_policy"]
    assert "\ttrue\t30\tfalse\t" in row
    assert row.endswith(
        "AT::Paket- Standard:9.95 EUR;DE::Paket- Standard:4.95 EUR;DE:BY:Paket- Standard:4.95 EUR"
    )
    for fmt in ("tsv", "csv"):
        assert FEED.parse(FEED.render(payload, fmt), fmt) == payload


def test_one_return_policy_is_stated_the_one_for_the_most_countries_or_the_first_sold_to() -> None:
    result = export(read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml"), FEED, allow_lossy=True)
    assert result.payload["return_deadline_in_days"] == 30
    facts = [loss.fact for loss in result.losses]
    assert "returns for AT: 30 days after delivery" in facts  # the DE terms are stated
    assert "returns.countries DE" in facts  # CH buyers get no returns under the policy
    entry = "shipping.services[standard] to DE: 2 prices by order_value (4.95 EUR, 0.00 EUR)"
    assert entry in facts


def test_no_returns_is_accepts_returns_false_without_a_deadline() -> None:
    payload = export(
        _policy(EXPRESSIBLE.replace("window: 30 days after delivery", "window: none")), FEED, allow_lossy=True
    ).payload
    assert payload["accepts_returns"] is False and "return_deadline_in_days" not in payload


def test_a_policy_without_a_return_page_is_refused() -> None:
    with pytest.raises(ExportError, match=r"requires a return policy page \(return_policy\)"):
        export(read_policy(EXAMPLES_DIR / "kleinkram.yaml"), FEED, allow_lossy=True)


def test_field_rules_check_the_shipping_entry_format() -> None:
    good = {"seller_name": "x", "seller_url": "https://x.example", "return_policy": "https://x.example/r"}
    OpenAiFeedShopFields.model_validate({**good, "shipping": ["US:CA:Overnight:16.00 USD"]})
    with pytest.raises(ValueError, match="pattern"):
        OpenAiFeedShopFields.model_validate({**good, "shipping": ["US:CA:Overnight:16 USD"]})
