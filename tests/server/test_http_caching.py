"""Documents are rendered once: strong ETags, 304 on a match, gzip when accepted, CORS open for reading."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from shopterms.server.answer_keys import answer_key
from shopterms.server.caching import Document
from shopterms.server.context import ServerSettings
from tests.server.http_harness import example_app


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app, _ = example_app(settings=ServerSettings(max_age=120))
    with TestClient(app) as client:
        yield client


IDENTITY = {"Accept-Encoding": "identity"}


@pytest.mark.parametrize(
    "path", ["/policy", "/policy.jsonld", "/shipping?country=DE", "/llms.txt", "/openapi.json"]
)
def test_a_matching_etag_gets_304_without_a_body(client: TestClient, path: str) -> None:
    first = client.get(path, headers=IDENTITY)
    etag = first.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    again = client.get(path, headers={**IDENTITY, "If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag


def test_a_weak_or_listed_etag_matches_too(client: TestClient) -> None:
    etag = client.get("/payment", headers=IDENTITY).headers["etag"]
    assert client.get("/payment", headers={"If-None-Match": f'"other", W/{etag}'}).status_code == 304


def test_a_stale_etag_gets_the_full_document(client: TestClient) -> None:
    response = client.get("/payment", headers={"If-None-Match": '"stale"'})
    assert response.status_code == 200
    assert response.json()["currency"] == "EUR"


def test_the_same_document_keeps_its_etag_between_requests(client: TestClient) -> None:
    tags = {client.get("/shipping?country=AT", headers=IDENTITY).headers["etag"] for _ in range(3)}
    assert len(tags) == 1


def test_cache_control_is_public_with_the_configured_lifetime(client: TestClient) -> None:
    assert client.get("/policy.jsonld").headers["cache-control"] == "public, max-age=120"


def test_large_documents_are_gzipped_for_clients_that_accept_it(client: TestClient) -> None:
    plain = client.get("/policy.jsonld", headers=IDENTITY)
    packed = client.get("/policy.jsonld", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip"
    assert packed.content == plain.content  # the client decodes it
    assert packed.headers["etag"] != plain.headers["etag"]
    assert "Accept-Encoding" in packed.headers["vary"]
    assert int(packed.headers["content-length"]) < len(plain.content) / 3


def test_gzip_refused_with_q_zero_is_not_sent(client: TestClient) -> None:
    response = client.get("/policy.jsonld", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "content-encoding" not in response.headers


def test_the_gzip_variant_revalidates_with_either_etag(client: TestClient) -> None:
    packed = client.get("/policy.jsonld", headers={"Accept-Encoding": "gzip"})
    again = client.get(
        "/policy.jsonld", headers={"Accept-Encoding": "gzip", "If-None-Match": packed.headers["etag"]}
    )
    assert again.status_code == 304


def test_small_documents_are_sent_as_they_are() -> None:
    document = Document.of("{}", "application/json")
    assert document.gzipped is None
    assert Document.of("x" * 5000, "text/plain").gzipped is not None


def test_any_origin_may_read_the_api(client: TestClient) -> None:
    response = client.get("/policy", headers={"Origin": "https://agent.example"})
    assert response.headers["access-control-allow-origin"] == "*"
    assert "ETag" in response.headers["access-control-expose-headers"]
    preflight = client.options(
        "/shipping", headers={"Origin": "https://agent.example", "Access-Control-Request-Method": "GET"}
    )
    assert preflight.status_code == 200
    assert "GET" in preflight.headers["access-control-allow-methods"]


def test_an_answer_is_rendered_once_and_then_served_from_the_memo(client: TestClient) -> None:
    client.get("/shipping", params={"country": "DE"})
    state = client.app.state.registry.current()  # type: ignore[attr-defined]
    key = answer_key("/shipping", {"country": "DE"})
    assert key is not None
    first = state.memo.peek(key)
    assert first is not None
    client.get("/shipping", params={"country": "DE"})
    assert state.memo.peek(key) is first
