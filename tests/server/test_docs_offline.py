"""/docs works offline: the page and every file it loads come from this server, none from a CDN."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin

import pytest
from fastapi.testclient import TestClient

from tests.server.http_harness import example_app


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app, _ = example_app()
    with TestClient(app) as client:
        yield client


def test_the_documentation_page_names_no_other_origin(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert re.findall(r"https?://", page.text) == []


def test_every_file_the_page_loads_is_served_here_with_its_media_type(client: TestClient) -> None:
    page = client.get("/docs").text
    loaded = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert len(loaded) == 3
    types = set()
    for reference in loaded:
        response = client.get(urljoin("http://testserver/docs", reference))
        assert response.status_code == 200, reference
        assert response.headers["etag"]
        types.add(response.headers["content-type"].split(";")[0])
    assert types == {"text/javascript", "text/css", "image/png"}


def test_the_swagger_ui_script_is_the_bundle_of_the_installed_package(client: TestClient) -> None:
    from importlib.resources import files

    bundled = (files("fastapi_offline") / "static" / "swagger-ui-bundle.js").read_bytes()
    served = client.get("/docs/assets/swagger-ui-bundle.js", headers={"Accept-Encoding": "identity"})
    assert served.content == bundled
    again = client.get("/docs/assets/swagger-ui-bundle.js", headers={"If-None-Match": served.headers["etag"]})
    assert again.status_code == 304


def test_an_unknown_documentation_file_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/docs/assets/redoc.standalone.js")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
