"""Every endpoint answers the example policy in-process."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.server.http_harness import example_app

PATHS = [
    "/policy",
    "/policy.jsonld",
    "/summary",
    "/shipping?country=DE",
    "/returns?country=DE",
    "/payment",
    "/support",
    "/delivery-estimate?country=DE",
    "/return-deadline?country=DE&delivered_on=2026-12-11",
    "/",
    "/llms.txt",
    "/.well-known/api-catalog",
    "/.well-known/ucp",
    "/healthz",
    "/openapi.json",
    "/docs",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_endpoint_answers_the_example(path: str) -> None:
    app, _ = example_app()
    with TestClient(app) as client:
        assert client.get(path).status_code == 200
