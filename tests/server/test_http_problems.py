"""Every error is RFC 9457 problem details naming the parameter at fault; never a bare 500."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from shopterms.server.http_app import create_app
from shopterms.server.state import open_registry
from tests.server.http_harness import EXAMPLE, copy_example, example_app

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app, _ = example_app()
    with TestClient(app) as client:
        yield client


def _problem(client: TestClient, path: str, params: dict[str, str], status: int) -> dict[str, object]:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    problem: dict[str, object] = response.json()
    assert problem["status"] == status
    assert {"type", "title", "detail", "instance"} <= set(problem)
    return problem


def test_a_country_not_served_is_a_400_that_lists_the_served_ones(client: TestClient) -> None:
    problem = _problem(client, "/shipping", {"country": "FR"}, 400)
    assert problem["field"] == "country"
    assert problem["allowed"] == ["AT", "CH", "DE"]
    assert problem["instance"] == "/shipping?country=FR"
    assert problem["type"] == "http://testserver/problems/invalid-parameter"
    assert "AT, CH, DE" in str(problem["detail"])


def test_a_country_the_return_policy_does_not_cover_is_a_400(client: TestClient) -> None:
    problem = _problem(client, "/returns", {"country": "CH"}, 400)
    assert problem["allowed"] == ["AT", "DE"]


def test_a_malformed_date_is_a_400_naming_the_date_parameter(client: TestClient) -> None:
    problem = _problem(client, "/return-deadline", {"country": "DE", "delivered_on": "11.12.2026"}, 400)
    assert problem["field"] == "delivered_on"


def test_a_moment_without_time_zone_is_refused_not_guessed(client: TestClient) -> None:
    problem = _problem(
        client, "/delivery-estimate", {"country": "DE", "ordered_at": "2026-12-23T15:00:00"}, 400
    )
    assert problem["field"] == "ordered_at"
    assert "time zone" in str(problem["detail"])
    assert _problem(client, "/support", {"at": "2026-12-23T15:00"}, 400)["field"] == "at"


def test_an_unknown_service_is_a_400_listing_the_services(client: TestClient) -> None:
    problem = _problem(client, "/delivery-estimate", {"country": "DE", "service": "overnight"}, 400)
    assert problem["field"] == "service"
    assert problem["allowed"] == ["standard", "express", "international"]


def test_an_unknown_region_is_a_400_listing_the_regions(client: TestClient) -> None:
    problem = _problem(client, "/shipping", {"country": "DE", "region": "DE-XX"}, 400)
    assert problem["field"] == "region"
    assert "DE-BY" in problem["allowed"]  # type: ignore[operator]


def test_a_missing_required_parameter_is_a_422_naming_it(client: TestClient) -> None:
    problem = _problem(client, "/returns", {}, 422)
    assert problem["field"] == "country"
    assert problem["detail"] == "query parameter 'country' is required"


def test_an_absurdly_long_value_is_a_422(client: TestClient) -> None:
    assert _problem(client, "/shipping", {"country": "D" * 200}, 422)["field"] == "country"


def test_an_unknown_address_is_a_404_problem(client: TestClient) -> None:
    problem = _problem(client, "/shiping", {}, 404)
    assert problem["title"] == "Not found"


def test_writing_methods_are_a_405_problem_with_allow(client: TestClient) -> None:
    response = client.post("/policy")
    assert response.status_code == 405
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["allow"] == "GET"


def test_a_section_the_shop_does_not_publish_is_a_404(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = copy_example(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("payment:")] + text[text.index("support:") :], encoding="utf-8")
    with TestClient(create_app(open_registry(path))) as client:
        problem = _problem(client, "/payment", {}, 404)
    assert problem["field"] == "payment"
    assert problem["title"] == "Not published"


def test_every_problem_type_is_described_at_its_address(client: TestClient) -> None:
    problem = _problem(client, "/shipping", {"country": "FR"}, 400)
    described = client.get(str(problem["type"]).removeprefix("http://testserver"))
    assert described.status_code == 200
    assert described.json()["title"] == problem["title"]
    assert client.get("/problems/no-such-kind").status_code == 404


def test_an_unexpected_failure_is_a_500_problem_not_a_traceback() -> None:
    app = create_app(open_registry(EXAMPLE))

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("internal detail that must not leak")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM
    assert "internal detail" not in response.text
