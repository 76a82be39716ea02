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


def test_a_country_not_served_is_a_404_not_covered_that_lists_the_served_ones(client: TestClient) -> None:
    problem = _problem(client, "/shipping", {"country": "FR"}, 404)
    assert problem["field"] == "country"
    assert problem["allowed"] == ["AT", "CH", "DE"]
    assert problem["instance"] == "/shipping?country=FR"
    assert problem["type"] == "http://testserver/problems/not-covered"
    assert problem["detail"] == "FR is not covered: the shop ships to AT, CH, DE."


@pytest.mark.parametrize(
    ("path", "params", "allowed"),
    [
        ("/shipping", {"country": "FR"}, ["AT", "CH", "DE"]),
        ("/delivery-estimate", {"country": "FR"}, ["AT", "CH", "DE"]),
        ("/returns", {"country": "CH"}, ["AT", "DE"]),
        ("/return-deadline", {"country": "FR", "delivered_on": "2026-12-11"}, ["AT", "CH", "DE"]),
    ],
)
def test_every_endpoint_refuses_an_uncovered_country_alike(
    client: TestClient, path: str, params: dict[str, str], allowed: list[str]
) -> None:
    problem = _problem(client, path, params, 404)
    assert (problem["title"], problem["field"], problem["allowed"]) == ("Not covered", "country", allowed)
    assert str(problem["detail"]).startswith(f"{params['country']} is not covered: the ")


@pytest.mark.parametrize("path", ["/shipping", "/delivery-estimate", "/returns", "/return-deadline"])
@pytest.mark.parametrize("country", ["de", "DEU", "Germany", " DE", "D1"])
def test_every_endpoint_refuses_a_malformed_country_alike(
    client: TestClient, path: str, country: str
) -> None:
    params = {"country": country, "delivered_on": "2026-12-11"} if path == "/return-deadline" else {}
    problem = _problem(client, path, params or {"country": country}, 400)
    assert (problem["title"], problem["field"]) == ("Invalid parameter", "country")
    assert "is not an ISO 3166-1 alpha-2 country code in capitals" in str(problem["detail"])
    assert problem["allowed"]


def test_a_lower_case_country_is_told_how_to_write_it(client: TestClient) -> None:
    assert str(_problem(client, "/shipping", {"country": "de"}, 400)["detail"]).endswith("Write DE.")


def test_a_malformed_date_is_a_400_naming_the_date_parameter(client: TestClient) -> None:
    problem = _problem(client, "/return-deadline", {"country": "DE", "delivered_on": "11.12.2026"}, 400)
    assert problem["field"] == "delivered_on"


def test_a_date_outside_the_supported_years_is_a_400_naming_them(client: TestClient) -> None:
    problem = _problem(client, "/return-deadline", {"country": "DE", "delivered_on": "9999-12-31"}, 400)
    assert "1970-01-01 to 2199-12-31" in str(problem["detail"])


def test_an_order_after_its_delivery_is_not_covered(client: TestClient) -> None:
    params = {"country": "DE", "delivered_on": "2026-12-11", "ordered_on": "2026-12-12"}
    assert _problem(client, "/return-deadline", params, 404)["field"] == "ordered_on"


def test_a_moment_without_time_zone_is_refused_not_guessed(client: TestClient) -> None:
    problem = _problem(
        client, "/delivery-estimate", {"country": "DE", "ordered_at": "2026-12-23T15:00:00"}, 400
    )
    assert problem["field"] == "ordered_at"
    assert "UTC offset" in str(problem["detail"])
    assert _problem(client, "/support", {"at": "2026-12-23T15:00"}, 400)["field"] == "at"


def test_an_unknown_service_is_not_covered_listing_the_services(client: TestClient) -> None:
    problem = _problem(client, "/delivery-estimate", {"country": "DE", "service": "overnight"}, 404)
    assert problem["field"] == "service"
    assert problem["allowed"] == ["standard", "express", "international"]


def test_an_unknown_region_is_not_covered_listing_the_regions(client: TestClient) -> None:
    problem = _problem(client, "/shipping", {"country": "DE", "region": "DE-XX"}, 404)
    assert problem["field"] == "region"
    assert "DE-BY" in problem["allowed"]  # type: ignore[operator]


def test_a_parameter_the_endpoint_does_not_take_is_refused_with_those_it_takes(client: TestClient) -> None:
    problem = _problem(client, "/shipping", {"country": "DE", "zip": "80331"}, 400)
    assert problem["field"] == "zip"
    assert problem["allowed"] == ["country", "region", "postal_code", "as_of"]
    assert (
        problem["detail"]
        == "'zip' is not a parameter of /shipping; it takes country, region, postal_code, as_of."
    )


def test_documents_ignore_query_parameters(client: TestClient) -> None:
    assert client.get("/", params={"utm_source": "newsletter"}).status_code == 200


def test_a_missing_required_parameter_is_a_422_naming_it(client: TestClient) -> None:
    problem = _problem(client, "/returns", {}, 422)
    assert problem["field"] == "country"
    assert problem["detail"] == "query parameter 'country' is required"


def test_an_absurdly_long_value_is_a_400(client: TestClient) -> None:
    assert _problem(client, "/shipping", {"country": "D" * 200}, 400)["field"] == "country"


def test_an_unknown_address_is_a_404_problem(client: TestClient) -> None:
    problem = _problem(client, "/shiping", {}, 404)
    assert problem["title"] == "Not found"


def test_writing_methods_are_a_405_problem_with_allow(client: TestClient) -> None:
    response = client.post("/policy")
    assert response.status_code == 405
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["allow"] == "GET, HEAD"


def test_a_section_the_shop_does_not_publish_is_a_404(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = copy_example(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("payment:")] + text[text.index("support:") :], encoding="utf-8")
    with TestClient(create_app(open_registry(path))) as client:
        problem = _problem(client, "/payment", {}, 404)
    assert problem["field"] == "payment"
    assert problem["title"] == "Not published"


def test_every_problem_type_is_described_at_its_address(client: TestClient) -> None:
    problem = _problem(client, "/shipping", {"country": "FR"}, 404)
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
