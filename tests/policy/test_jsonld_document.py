"""The compiled organisation document: deterministic, with stable ids under the shop's address."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from shopterms.policy.jsonld import CONTEXT, compile_offer_shipping_details, compile_policy, dumps
from shopterms.policy.loader import load_policy
from shopterms.policy.model import Policy
from tests.conftest import example_files
from tests.policy.jsonld_policies import as_list, nodes, organization_of, policy_with


def _load(path: Path) -> Policy:
    result = load_policy(path)
    assert result.policy is not None, result.diagnostics
    return result.policy


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_every_example_compiles_to_identical_bytes_twice(path: Path) -> None:
    first = dumps(compile_policy(_load(path)))
    second = dumps(compile_policy(_load(path)))
    assert first == second
    assert dumps(compile_offer_shipping_details(_load(path))) == dumps(
        compile_offer_shipping_details(_load(path))
    )


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_every_named_node_has_a_unique_id_under_the_shop_address(path: Path) -> None:
    policy = _load(path)
    document = compile_policy(policy)
    ids = [node["@id"] for node in nodes(document) if "@id" in node and "@type" in node]
    assert len(ids) == len(set(ids))
    page = policy.shop.url.rstrip("/") + "/#"
    assert all(node_id.startswith(page) for node_id in ids)


def test_compiling_does_not_change_the_policy_or_share_state_between_documents() -> None:
    policy = policy_with()
    before = policy.model_dump()
    document = compile_policy(policy)
    snapshot = copy.deepcopy(document)
    compile_policy(policy)["@graph"][0]["name"] = "changed"
    assert document == snapshot
    assert policy.model_dump() == before


def test_document_has_the_schema_org_context_and_our_prefix() -> None:
    document = compile_policy(policy_with())
    assert document["@context"] == CONTEXT
    assert CONTEXT == ["https://schema.org", {"shopterms": "https://shopterms.org/ns#"}]


def test_organization_is_an_online_store_with_the_fixed_ids() -> None:
    store = organization_of(compile_policy(policy_with()))
    assert store["@type"] == "OnlineStore"
    assert store["@id"] == "https://kleiderei.example/#organization"
    assert as_list(store["hasShippingService"])[0]["@id"] == "https://kleiderei.example/#shipping-standard"
    assert as_list(store["hasMerchantReturnPolicy"])[0]["@id"] == "https://kleiderei.example/#return-policy"
    assert [m["@id"] for m in store["acceptedPaymentMethod"]] == [
        "https://kleiderei.example/#payment-card",
        "https://kleiderei.example/#payment-invoice",
    ]
    assert as_list(store["contactPoint"])[0]["@id"] == "https://kleiderei.example/#contact-email"


def test_ids_sit_on_the_shop_page_when_the_address_has_a_path() -> None:
    store = organization_of(compile_policy(policy_with(shop={"url": "https://example.com/kleiderei"})))
    assert store["@id"] == "https://example.com/kleiderei#organization"


def test_repeated_channel_types_get_numbered_contact_ids() -> None:
    support = {
        "channels": [
            {"type": "phone", "number": "+49 40 1"},
            {"type": "phone", "number": "+49 40 2"},
        ]
    }
    points = organization_of(compile_policy(policy_with(support=support)))["contactPoint"]
    assert [p["@id"].split("#")[1] for p in points] == ["contact-phone", "contact-phone-2"]


def test_sections_left_out_of_the_policy_are_left_out_of_the_document() -> None:
    store = organization_of(
        compile_policy(policy_with(shipping=None, returns=None, payment=None, support=None))
    )
    for key in ("hasShippingService", "hasMerchantReturnPolicy", "acceptedPaymentMethod", "contactPoint"):
        assert key not in store
    offer = compile_offer_shipping_details(policy_with(shipping=None, returns=None))
    assert offer == {"@context": CONTEXT, "@type": "Offer"}


def test_dumps_sorts_keys_and_keeps_non_ascii_characters() -> None:
    assert dumps({"b": "Straße", "a": 1}) == '{\n  "a": 1,\n  "b": "Straße"\n}\n'
