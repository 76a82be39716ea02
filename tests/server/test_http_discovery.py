"""Finding the API: llms.txt, the RFC 9727 API catalog, the UCP profile and the OpenAPI document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from shopterms.policy.documents.site import API_ENDPOINTS_BY_NAME
from shopterms.server.context import ServerSettings
from tests.server.http_harness import example_app


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app, _ = example_app()
    with TestClient(app) as client:
        yield client


def _local(client: TestClient, url: str) -> int:
    parts = urlsplit(url)
    assert parts.netloc == "testserver", url
    return client.get(parts.path + (f"?{parts.query}" if parts.query else "")).status_code


def test_llms_txt_summarises_the_terms_and_links_every_endpoint(client: TestClient) -> None:
    response = client.get("/llms.txt")
    assert response.headers["content-type"] == "text/markdown; charset=utf-8"
    text = response.text
    assert text.startswith("# Nordlicht Mode")
    assert "\n> " in text
    assert "Standardversand" in text and "4.95 EUR" in text
    links = re.findall(r"\]\((http[^)]+)\)", text)
    for endpoint in API_ENDPOINTS_BY_NAME.values():
        assert any(urlsplit(link).path == endpoint.path for link in links), endpoint.path
    assert all(_local(client, link) == 200 for link in links)


def test_the_api_catalog_is_a_linkset_pointing_at_the_openapi_document(client: TestClient) -> None:
    response = client.get("/.well-known/api-catalog")
    assert response.headers["content-type"].startswith("application/linkset+json")
    assert 'profile="https://www.rfc-editor.org/info/rfc9727"' in response.headers["content-type"]
    linkset = response.json()["linkset"]
    catalog, api = linkset
    assert catalog["anchor"] == "http://testserver/.well-known/api-catalog"
    assert catalog["item"] == [{"href": "http://testserver/"}]
    (description,) = api["service-desc"]
    assert description["href"] == "http://testserver/openapi.json"
    assert _local(client, description["href"]) == 200
    assert all(_local(client, link["href"]) == 200 for link in api["service-doc"] + api["status"])


def test_head_on_the_api_catalog_answers_with_its_link(client: TestClient) -> None:
    response = client.head("/.well-known/api-catalog")
    assert response.status_code == 200
    assert response.headers["link"] == '<http://testserver/.well-known/api-catalog>; rel="api-catalog"'


def test_the_ucp_profile_names_the_rest_endpoint_and_the_policy_pages(client: TestClient) -> None:
    profile = client.get("/.well-known/ucp").json()["ucp"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", profile["version"])
    assert profile["payment_handlers"] == {}
    (rest,) = profile["services"]["dev.shopterms.terms"]
    assert rest["transport"] == "rest"
    assert rest["endpoint"] == "http://testserver"
    assert rest["schema"] == "http://testserver/openapi.json"
    links = {link["type"]: link["url"] for link in rest["config"]["links"]}
    assert links["refund_policy"] == "https://nordlicht-mode.example/widerruf"
    assert links["shipping_policy"] == "http://testserver/#shipping"  # no shipping page: the terms page


def test_a_public_url_replaces_the_request_address_in_every_document() -> None:
    app, _ = example_app(settings=ServerSettings(public_url="https://terms.nordlicht-mode.example"))
    with TestClient(app) as client:
        assert "https://terms.nordlicht-mode.example/shipping?country=AT" in client.get("/llms.txt").text
        assert "testserver" not in client.get("/.well-known/api-catalog").text
        assert "testserver" not in client.get("/.well-known/ucp").text
        assert "https://terms.nordlicht-mode.example/policy.jsonld" in client.get("/").headers["link"]


def test_the_openapi_document_is_3_1_with_problem_responses_and_live_examples(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    assert document["info"]["title"] == "Nordlicht Mode terms"
    shipping = document["paths"]["/shipping"]["get"]
    assert shipping["responses"]["400"]["content"] == {
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
    }
    assert "application/problem+json" in shipping["responses"]["default"]["content"]
    example = shipping["responses"]["200"]["content"]["application/json"]["example"]
    assert example["country"] == "AT"
    assert example["services"][0]["id"] == "international"
    parameters = {parameter["name"]: parameter for parameter in shipping["parameters"]}
    assert parameters["country"]["required"] is True
    assert parameters["country"]["description"]


def test_every_operation_is_documented_with_a_summary_and_a_description(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method} {path}"
            assert operation.get("description") or method == "head", f"{method} {path}"


def test_the_interactive_documentation_loads_the_openapi_document(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "openapi.json" in page.text
