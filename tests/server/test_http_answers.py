"""The HTTP answers are the answers layer's, byte for byte in meaning; /policy negotiates JSON or JSON-LD."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from shopterms.policy.answers import (
    deadline_for_return,
    delivery_estimates,
    payment_terms,
    policy_summary,
    return_terms,
    shipping_options,
    support_contacts,
)
from shopterms.policy.jsonld import compile_policy
from shopterms.policy.loader import read_policy
from shopterms.store.content import policy_hash
from tests.server.http_harness import EXAMPLE, example_app

POLICY = read_policy(EXAMPLE)
MOMENT = "2026-12-23T15:00:00+01:00"
# Terms served from a file are one version, undated, named by the hash a publish would give them.
VERSION = {"hash": policy_hash(POLICY), "number": None, "effective_from": None}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app, _ = example_app()
    with TestClient(app) as client:
        yield client


SAME_AS_ANSWERS: list[tuple[str, dict[str, str], Any]] = [
    ("/summary", {}, policy_summary(POLICY)),
    ("/shipping", {"country": "AT"}, shipping_options(POLICY, "AT")),
    ("/shipping", {"country": "DE", "region": "DE-BY"}, shipping_options(POLICY, "DE", "DE-BY")),
    ("/returns", {"country": "AT"}, return_terms(POLICY, "AT")),
    ("/payment", {}, payment_terms(POLICY)),
    ("/support", {"at": MOMENT}, support_contacts(POLICY, MOMENT)),
    (
        "/delivery-estimate",
        {"country": "DE", "region": "DE-BY", "ordered_at": MOMENT},
        delivery_estimates(POLICY, "DE", "DE-BY", ordered_at=MOMENT),
    ),
    (
        "/return-deadline",
        {"country": "DE", "delivered_on": "2026-12-11", "ordered_on": "2026-12-01"},
        deadline_for_return(POLICY, "DE", "2026-12-11", "2026-12-01"),
    ),
]


@pytest.mark.parametrize(("path", "params", "expected"), SAME_AS_ANSWERS)
def test_each_endpoint_gives_exactly_the_answer_of_the_shared_layer(
    client: TestClient, path: str, params: dict[str, str], expected: Any
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {**expected.model_dump(mode="json"), "version": VERSION}


def test_policy_is_the_canonical_json_by_default(client: TestClient) -> None:
    response = client.get("/policy")
    assert response.headers["content-type"] == "application/json"
    assert response.json() == POLICY.model_dump(mode="json")
    assert "Accept" in response.headers["vary"]


@pytest.mark.parametrize(
    "accept",
    ["application/ld+json", "application/ld+json, application/json", "application/ld+json, */*;q=0.1"],
)
def test_policy_is_json_ld_when_the_client_asks_for_it(client: TestClient, accept: str) -> None:
    response = client.get("/policy", headers={"Accept": accept})
    assert response.headers["content-type"] == "application/ld+json"
    assert response.json() == compile_policy(POLICY)


@pytest.mark.parametrize("accept", ["application/json", "*/*", "application/json, application/ld+json;q=0.5"])
def test_policy_stays_json_when_json_is_preferred_or_anything_goes(client: TestClient, accept: str) -> None:
    assert client.get("/policy", headers={"Accept": accept}).headers["content-type"] == "application/json"


def test_the_json_ld_document_has_its_own_address(client: TestClient) -> None:
    response = client.get("/policy.jsonld")
    assert response.headers["content-type"] == "application/ld+json"
    assert json.loads(response.content) == compile_policy(POLICY)


def test_support_without_a_moment_is_computed_afresh_and_revalidated(client: TestClient) -> None:
    response = client.get("/support")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-cache"
    assert response.json()["timezone"] == "Europe/Berlin"


def test_a_delivery_estimate_for_now_is_revalidated_and_one_for_a_moment_is_cached(
    client: TestClient,
) -> None:
    assert client.get("/delivery-estimate", params={"country": "DE"}).headers["cache-control"] == "no-cache"
    fixed = client.get("/delivery-estimate", params={"country": "DE", "ordered_at": MOMENT})
    assert fixed.headers["cache-control"].startswith("public, max-age=")


def test_the_terms_page_is_html_with_discovery_links(client: TestClient) -> None:
    response = client.get("/")
    assert response.headers["content-type"].startswith("text/html")
    links = response.headers["link"]
    assert '<http://testserver/.well-known/api-catalog>; rel="api-catalog"' in links
    assert 'rel="describedby"' in links and "/openapi.json" in links
    assert '<http://testserver/policy.jsonld>; rel="alternate"; type="application/ld+json"' in links
