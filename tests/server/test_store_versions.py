"""/versions, /versions/{hash}, signatures and keys, the JSON-LD of a published version, new publications
taken up while serving, and the same answers from the fast path as from the routes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from shopterms.policy.loader import read_policy
from shopterms.server.http_app import create_app
from shopterms.server.state import open_registry
from shopterms.store.content import policy_hash
from shopterms.store.records import VersionInfo
from shopterms.validators.conformance import check_jsonld_conformance
from shopterms.validators.shapes import check_jsonld_google_rules
from tests.server.http_harness import EXAMPLE
from tests.server.store_serving import ERAS, publish_three_eras, store_app
from tests.store.store_harness import SHOP, publish_text, variant

IDENTITY = {"Accept-Encoding": "identity"}


@pytest.fixture
def versions(store_url: str) -> list[VersionInfo]:
    return publish_three_eras(store_url)


def test_versions_lists_every_publication_newest_first_with_its_status(
    store_url: str, versions: list[VersionInfo]
) -> None:
    with store_app(store_url, now=ERAS["v2"]) as served, TestClient(served.app) as client:
        now = client.get("/versions").json()
        later = client.get("/versions", params={"as_of": ERAS["v3"]}).json()
    assert now["shop"] == SHOP
    assert [(entry["number"], entry["status"]) for entry in now["versions"]] == [
        (3, "scheduled"),
        (2, "in force"),
        (1, "superseded"),
    ]
    assert [entry["status"] for entry in later["versions"]] == ["in force", "superseded", "superseded"]
    assert now["versions"][0]["effective_from"] == "2026-04-01T00:00:00+02:00"
    assert now["versions"][0]["note"] == "AT: 14 days" and now["versions"][0]["signed"] is False


def test_a_version_is_served_with_its_policy_which_hashes_to_its_name(
    store_url: str, versions: list[VersionInfo]
) -> None:
    from shopterms.store.content import canonical_bytes, content_hash

    with store_app(store_url) as served, TestClient(served.app) as client:
        response = client.get(f"/versions/{versions[0].hash}", headers=IDENTITY)
    document = response.json()
    assert response.headers["etag"] == f'"{versions[0].hash}-version.json"'
    assert (document["number"], document["hash"], document["signature"]) == (1, versions[0].hash, None)
    assert content_hash(canonical_bytes(document["policy"])) == versions[0].hash


def test_an_unknown_version_is_a_404_listing_the_versions(
    store_url: str, versions: list[VersionInfo]
) -> None:
    with store_app(store_url) as served, TestClient(served.app) as client:
        response = client.get("/versions/" + "0" * 64)
        malformed = client.get("/versions/latest")
    assert response.status_code == malformed.status_code == 404
    assert response.json()["allowed"] == [version.hash for version in reversed(versions)]


def test_an_unsigned_version_has_no_signature_and_the_shop_no_keys(
    store_url: str, versions: list[VersionInfo]
) -> None:
    with store_app(store_url) as served, TestClient(served.app) as client:
        signature = client.get(f"/versions/{versions[1].hash}/signature")
        keys = client.get("/.well-known/jwks.json")
        policy = client.get("/policy")
    assert signature.status_code == 404 and signature.json()["type"].endswith("/problems/not-signed")
    assert keys.headers["content-type"] == "application/jwk-set+json" and keys.json() == {"keys": []}
    assert "link" not in policy.headers


def test_the_json_ld_of_a_version_names_it_and_when_it_took_effect(
    store_url: str, versions: list[VersionInfo]
) -> None:
    with store_app(store_url) as served, TestClient(served.app) as client:
        text = client.get("/policy.jsonld", params={"as_of": ERAS["v3"]}).text
    nodes = json.loads(text)["@graph"]
    terms = next(node for node in nodes if node["@type"] == "DigitalDocument")
    assert terms["version"] == versions[2].hash
    assert terms["dateModified"] == "2026-04-01T00:00:00+02:00"
    assert terms["about"] == {"@id": nodes[0]["@id"]}
    assert check_jsonld_conformance(text, source="policy.jsonld") == []
    assert check_jsonld_google_rules(text, source="policy.jsonld") == []


def test_every_document_answers_as_of_a_moment(store_url: str, versions: list[VersionInfo]) -> None:
    with store_app(store_url, now=ERAS["v3"]) as served, TestClient(served.app) as client:
        for path in (
            "/policy",
            "/policy.jsonld",
            "/",
            "/llms.txt",
            "/.well-known/ucp",
            "/summary",
            "/payment",
        ):
            response = client.get(path, params={"as_of": ERAS["v1"]}, headers=IDENTITY)
            assert response.status_code == 200, path
            assert response.headers["etag"].startswith(f'"{versions[0].hash}'), path


def test_a_new_publication_is_taken_up_while_serving(store_url: str, versions: list[VersionInfo]) -> None:
    with store_app(store_url, now=ERAS["v3"]) as served, TestClient(served.app) as client:
        assert client.get("/payment").json()["version"]["number"] == 3
        fourth = publish_text(
            store_url, variant(("methods: [card, paypal", "methods: [card")), now="2026-04-10T09:00:00+00:00"
        ).version
        assert served.app.state.reloader.pending()
        assert served.app.state.reloader.reload().reloaded == [SHOP]
        answer = client.get("/payment").json()
        assert (answer["version"]["number"], answer["version"]["hash"]) == (4, fourth.hash)
        assert "paypal" not in answer["methods"]
        assert client.get("/healthz").json()["shops"][0]["version"] == fourth.hash


def test_a_store_of_many_shops_serves_each_under_its_id_and_takes_up_new_ones(
    store_url: str, versions: list[VersionInfo]
) -> None:
    from shopterms.store.engine import open_writer
    from shopterms.store.location import parse_store
    from shopterms.store.publishing import publish
    from tests.store.store_harness import draft

    with store_app(store_url, now=ERAS["v3"], shop=None) as served, TestClient(served.app) as client:
        assert client.get(f"/shops/{SHOP}/versions").json()["shop"] == SHOP
        assert client.get("/.well-known/jwks.json").json() == {"keys": []}
        location = parse_store(store_url)
        engine = open_writer(location)
        publish(engine, location, draft(shop="zweitladen"), clock=lambda: served.clock())
        engine.dispose()
        served.app.state.reloader.reload()
        assert client.get("/shops/zweitladen/payment").json()["version"]["number"] == 1
        assert [shop["id"] for shop in client.get("/shops").json()["shops"]] == [SHOP, "zweitladen"]


def test_terms_served_from_a_file_are_one_undated_version() -> None:
    with TestClient(create_app(open_registry(EXAMPLE))) as client:
        history = client.get("/versions").json()
        etag = client.get("/policy", headers=IDENTITY).headers["etag"]
        answer = client.get("/returns", params={"country": "DE", "as_of": "1999-01-01T00:00:00+00:00"})
    digest = policy_hash(read_policy(EXAMPLE))
    assert [
        (entry["number"], entry["hash"], entry["effective_from"], entry["status"])
        for entry in history["versions"]
    ] == [(None, digest, None, "in force")]
    assert etag == f'"{digest}"'
    assert answer.status_code == 200 and answer.json()["version"]["hash"] == digest


REQUESTS = [
    "/policy",
    f"/policy?as_of={ERAS['v1'].replace('+', '%2B')}",
    "/policy.jsonld",
    "/",
    "/llms.txt",
    "/.well-known/ucp",
    "/returns?country=AT",
    f"/returns?country=AT&as_of={ERAS['v1'].replace('+', '%2B')}",
    "/return-deadline?country=AT&delivered_on=2026-04-05&ordered_on=2026-03-20",
    "/delivery-estimate?country=DE&ordered_at=2026-02-06T11:30:00%2B01:00",
    f"/delivery-estimate?country=DE&as_of={ERAS['v1'].replace('+', '%2B')}",
]


@pytest.mark.parametrize("path", REQUESTS)
def test_the_fast_path_answers_a_store_as_the_routes_do(
    store_url: str, versions: list[VersionInfo], path: str
) -> None:
    with (
        store_app(store_url, now=ERAS["last moment of v2"]) as fast_served,
        store_app(store_url, now=ERAS["last moment of v2"]) as routed_served,
    ):
        routed_served.app.fast_path = None  # type: ignore[attr-defined]
        with TestClient(fast_served.app) as fast, TestClient(routed_served.app) as routed:
            fast.get(path)  # the first request renders (through the route)
            route, _, query = path.partition("?")
            scope = {
                "type": "http",
                "method": "GET",
                "path": route,
                "query_string": query.encode(),
                "root_path": "",
                "headers": [(b"host", b"testserver")],
                "scheme": "http",
                "server": ("testserver", 80),
            }
            assert fast_served.app.fast_path.response(scope) is not None  # type: ignore[attr-defined]
            seen = [
                (
                    response.status_code,
                    response.content,
                    {k: v for k, v in response.headers.items() if k != "date"},
                )
                for response in (fast.get(path), routed.get(path))
            ]
    assert seen[0] == seen[1]


def test_a_signed_shop_publishes_its_key_and_links_each_answer_to_the_signature(
    store_url: str, tmp_path: Path
) -> None:
    from shopterms.store.signing import create_key

    key = create_key(tmp_path / "signing-key.pem")
    signed = publish_three_eras(store_url, key=key)
    with store_app(store_url, now=ERAS["v2"]) as served, TestClient(served.app) as client:
        keys = client.get("/.well-known/jwks.json").json()["keys"]
        profile = client.get("/.well-known/ucp").json()
        answer = client.get("/returns", params={"country": "AT"})
        signature = client.get(f"/versions/{signed[1].hash}/signature")
    assert keys == [key.public_jwk] and "d" not in keys[0]
    assert profile["keys"] == [key.public_jwk]
    assert answer.headers["link"] == (
        f'<http://testserver/versions/{signed[1].hash}/signature>; rel="signature"; type="application/jose"'
    )
    assert signature.headers["content-type"] == "application/jose"
    assert signature.text.split(".")[1] == ""  # the payload is detached


def test_a_store_that_can_no_longer_be_read_is_a_503_and_loaded_versions_keep_answering(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    versions = publish_three_eras(url)
    with store_app(url, now=ERAS["v2"]) as served, TestClient(served.app) as client:
        assert client.get("/returns", params={"country": "AT"}).status_code == 200  # version 2 is loaded
        (tmp_path / "store.db").write_bytes(b"\0" * 8192)  # the disk under the store fails
        broken = client.get("/returns", params={"country": "AT", "as_of": ERAS["v1"]})
        kept = client.get("/returns", params={"country": "AT"})
    assert broken.status_code == 503 and broken.json()["type"].endswith("/problems/store-unavailable")
    assert broken.headers["retry-after"] == "5"
    assert kept.status_code == 200 and kept.json()["version"]["hash"] == versions[1].hash
