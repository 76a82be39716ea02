"""The answers layer: one function per question, each a pydantic model the API and MCP server share."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from ruamel.yaml import YAML

from shopterms.policy.answers import (
    NotPublishedError,
    PaymentTerms,
    PolicySummary,
    ReturnTerms,
    ShippingOptions,
    SupportContacts,
    payment_terms,
    policy_summary,
    return_terms,
    shipping_options,
    support_contacts,
)
from shopterms.policy.errors import QueryError
from shopterms.policy.model import Policy

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "nordlicht-mode.yaml"


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(EXAMPLE.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def nordlicht() -> Policy:
    return Policy.model_validate(_raw())


def _variant(**sections: Any) -> Policy:
    data = copy.deepcopy(_raw())
    for name, value in sections.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return Policy.model_validate(data)


def _undescribed(schema: dict[str, Any]) -> list[str]:
    """Properties without a description (a bare $ref is described by the model it points to)."""
    definitions = schema.get("$defs", {})
    missing = []
    for name, definition in {schema["title"]: schema, **definitions}.items():
        for field, spec in definition.get("properties", {}).items():
            target = definitions.get(spec.get("$ref", "").rpartition("/")[2], {})
            if "description" not in spec and "description" not in target:
                missing.append(f"{name}.{field}")
    return missing


@pytest.mark.parametrize(
    "model", [PolicySummary, ShippingOptions, ReturnTerms, PaymentTerms, SupportContacts]
)
def test_every_answer_field_has_a_description(model: type[BaseModel]) -> None:
    assert _undescribed(model.model_json_schema(mode="serialization")) == []


def test_shipping_to_germany_lists_both_domestic_services_with_their_carriers(nordlicht: Policy) -> None:
    answer = shipping_options(nordlicht, "DE")
    assert answer.country == "DE"
    assert [service.id for service in answer.services] == ["standard", "express"]
    standard = answer.services[0]
    assert [(carrier.id, carrier.name) for carrier in standard.carriers] == [
        ("dhl-germany", "DHL Paket"),
        ("hermes-de", "Hermes Germany"),
    ]
    assert standard.carrier_choice is True
    assert float(standard.rate.amount or 0) == 4.95
    assert float(standard.rate.free_from or 0) == 50.0
    assert standard.cutoff == "14:00"
    assert answer.services[1].cutoff == "12:00"
    assert (standard.handling_days.min, standard.handling_days.max) == (0, 1)


def test_shipping_price_is_the_one_stated_for_the_country(nordlicht: Policy) -> None:
    (service,) = shipping_options(nordlicht, "CH").services
    assert service.id == "international"
    assert float(service.rate.amount or 0) == 14.95


def test_shipping_to_a_country_not_served_names_the_served_ones(nordlicht: Policy) -> None:
    with pytest.raises(QueryError) as caught:
        shipping_options(nordlicht, "FR")
    assert caught.value.field == "country"
    assert caught.value.allowed == ("AT", "CH", "DE")
    assert "AT, CH, DE" in caught.value.message


def test_a_malformed_country_is_refused_before_anything_else(nordlicht: Policy) -> None:
    with pytest.raises(QueryError) as caught:
        shipping_options(nordlicht, "Germany")
    assert caught.value.field == "country"


def test_an_unknown_region_is_refused_with_the_known_ones(nordlicht: Policy) -> None:
    with pytest.raises(QueryError) as caught:
        shipping_options(nordlicht, "DE", region="DE-XX")
    assert caught.value.field == "region"
    assert "DE-BY" in caught.value.allowed


def _regional_shipping() -> dict[str, Any]:
    shipping = copy.deepcopy(_raw()["shipping"])
    shipping["services"].append(
        {"id": "bike", "to": ["DE-HH"], "transit": 0, "rate": 3, "excluded": []},
    )
    shipping["services"][0]["excluded"] = [{"country": "DE", "postal_codes": ["27498"]}]
    return shipping


def test_a_service_for_one_region_is_listed_with_the_area_it_serves() -> None:
    policy = _variant(shipping=_regional_shipping())
    bike = next(service for service in shipping_options(policy, "DE").services if service.id == "bike")
    assert bike.only_in == ["DE-HH"]


def test_a_service_for_another_region_is_left_out_when_the_region_is_given() -> None:
    policy = _variant(shipping=_regional_shipping())
    ids = [service.id for service in shipping_options(policy, "DE", region="DE-BY").services]
    assert "bike" not in ids
    ids = [service.id for service in shipping_options(policy, "DE", region="DE-HH").services]
    assert "bike" in ids


def test_an_excluded_postal_code_drops_the_service_and_is_named_otherwise() -> None:
    policy = _variant(shipping=_regional_shipping())
    standard = shipping_options(policy, "DE").services[0]
    assert standard.excluded == ["DE 27498"]
    ids = [service.id for service in shipping_options(policy, "DE", postal_code="27498").services]
    assert "standard" not in ids


def test_return_terms_lay_the_country_override_over_the_base(nordlicht: Policy) -> None:
    germany, austria = return_terms(nordlicht, "DE"), return_terms(nordlicht, "AT")
    assert germany.cost.type == "free"
    assert (austria.cost.type, austria.cost.amount) == ("fixed", 6.95)
    assert austria.window.days == 30
    assert [season.name for season in austria.seasonal] == ["Christmas"]
    assert austria.refund is not None and austria.refund.days == 7
    assert austria.exchange is True
    assert [item.reason for item in austria.not_returnable] == ["personalised", "hygiene_seal"]
    assert austria.portal == "https://nordlicht-mode.example/returns"
    assert austria.withdrawal_days == 14


def test_return_terms_for_a_country_the_policy_does_not_cover_say_which_it_covers(nordlicht: Policy) -> None:
    with pytest.raises(QueryError) as caught:
        return_terms(nordlicht, "CH")
    assert caught.value.field == "country"
    assert caught.value.allowed == ("AT", "DE")


def test_payment_terms_name_methods_and_invoice_due_date(nordlicht: Policy) -> None:
    answer = payment_terms(nordlicht)
    assert [method.id for method in answer.methods] == ["card", "paypal", "invoice", "sepa_direct_debit"]
    assert answer.methods[1].name == "PayPal"
    assert answer.charged == "at_shipment"
    assert answer.invoice is not None
    assert (answer.invoice.due_days, answer.invoice.due_after) == (14, "delivery")


def test_support_on_a_saturday_afternoon_has_the_phone_closed_and_email_open(nordlicht: Policy) -> None:
    answer = support_contacts(nordlicht, "2026-05-09T15:00:00+02:00")
    by_type = {channel.type: channel for channel in answer.channels}
    assert by_type["phone"].open is False
    assert by_type["phone"].contact == "+49 40 1234567"
    assert by_type["phone"].cost == "basic_rate"
    assert by_type["email"].open is True
    assert by_type["email"].languages == ["de", "en"]
    assert answer.open_now is True
    assert answer.at.isoformat() == "2026-05-09T15:00:00+02:00"


def test_support_refuses_a_moment_without_time_zone(nordlicht: Policy) -> None:
    with pytest.raises(QueryError) as caught:
        support_contacts(nordlicht, "2026-05-09T15:00:00")
    assert caught.value.field == "at"


@pytest.mark.parametrize(
    ("section", "ask"),
    [
        ("shipping", lambda policy: shipping_options(policy, "DE")),
        ("returns", lambda policy: return_terms(policy, "DE")),
        ("payment", payment_terms),
        ("support", support_contacts),
    ],
)
def test_a_section_the_shop_does_not_publish_is_reported_as_such(section: str, ask: Any) -> None:
    with pytest.raises(NotPublishedError) as caught:
        ask(_variant(**{section: None}))
    assert caught.value.field == section


def test_the_summary_leaves_unpublished_sections_empty() -> None:
    summary = policy_summary(_variant(returns=None, support=None))
    assert summary.returns is None and summary.support is None
    assert summary.shipping is not None
    assert summary.shipping.countries == ["AT", "CH", "DE"]
    assert [service.lowest_rate for service in summary.shipping.services] == [4.95, 9.95, 7.95]


def test_answers_serialise_to_plain_json(nordlicht: Policy) -> None:
    data = shipping_options(nordlicht, "DE").model_dump(mode="json")
    assert data["services"][0]["rate"]["amount"] == 4.95
    assert return_terms(nordlicht, "DE").model_dump(mode="json")["seasonal"][0]["until"] == "2027-01-15"
