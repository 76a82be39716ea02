"""A directory with a broken policy file: every valid shop serves, the broken one is reported and answers
503 with its located errors, and a fix (or a break) is taken up without losing what serves."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shopterms.server.http_app import create_app
from shopterms.server.reload import Reloader
from shopterms.server.state import open_registry
from tests.server.http_harness import copy_example, running

BROKEN = "shop:\n  name: Kaputt\n  currency: EURO\n"
# Every kind of endpoint of a shop: answers, documents, pages, discovery, versions, MCP.
SHOP_PATHS = [
    "/summary",
    "/shipping?country=DE",
    "/policy",
    "/",
    "/llms.txt",
    "/versions",
    "/mcp/server-card",
]


@pytest.fixture
def shops(tmp_path: Path) -> Path:
    copy_example(tmp_path, "nordlicht.yaml")
    (tmp_path / "kaputt.yaml").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def _app(directory: Path, **options: Any) -> FastAPI:
    from shopterms.server.context import ServerSettings
    from shopterms.server.mcp_mount import mcp_mounts

    registry = open_registry(directory)
    settings = ServerSettings(mcp=True)
    return create_app(
        registry, settings=settings, mounts=mcp_mounts(registry), handle_sighup=False, **options
    )


@pytest.fixture
def client(shops: Path) -> Iterator[TestClient]:
    with TestClient(_app(shops)) as client:
        yield client


def test_the_valid_shops_serve_beside_a_broken_file(client: TestClient) -> None:
    for path in SHOP_PATHS:
        assert client.get("/shops/nordlicht" + path).status_code == 200, path


def test_every_endpoint_of_the_broken_shop_is_a_503_problem_with_the_located_error(
    client: TestClient, shops: Path
) -> None:
    for path in SHOP_PATHS:
        response = client.get("/shops/kaputt" + path)
        assert response.status_code == 503, path
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["type"].endswith("/problems/shop-unavailable")
        assert re.search(rf"{re.escape(str(shops / 'kaputt.yaml'))}:3:\d+: error\[", problem["detail"])
    assert client.get("/problems/shop-unavailable").json()["status"] == 503


def test_health_is_degraded_and_names_the_broken_file(client: TestClient, shops: Path) -> None:
    health = client.get("/healthz")
    assert health.status_code == 200  # the server is up; the valid shops serve
    report = health.json()
    assert report["status"] == "degraded"
    assert [shop["id"] for shop in report["shops"]] == ["nordlicht"]
    [broken] = report["broken"]
    assert (broken["id"], broken["file"], broken["serving"]) == ("kaputt", str(shops / "kaputt.yaml"), False)
    assert f"{shops / 'kaputt.yaml'}:3:" in broken["error"]


def test_the_shop_index_lists_the_broken_shop_with_its_error(client: TestClient) -> None:
    index = client.get("/shops").json()
    assert [shop["id"] for shop in index["shops"]] == ["nordlicht"]
    [unavailable] = index["unavailable"]
    assert unavailable["id"] == "kaputt"
    assert unavailable["url"] == "http://testserver/shops/kaputt"
    assert "error[" in unavailable["error"]


def test_a_file_that_breaks_keeps_its_terms_serving_and_is_reported(client: TestClient, shops: Path) -> None:
    good = (shops / "nordlicht.yaml").read_text(encoding="utf-8")
    (shops / "nordlicht.yaml").write_text(BROKEN, encoding="utf-8")
    outcome = client.app.state.reloader.reload()  # type: ignore[attr-defined]
    assert "nordlicht" in outcome.failed
    assert client.get("/shops/nordlicht/summary").json()["shop"]["name"] == "Nordlicht Mode"
    broken = {item["id"]: item for item in client.get("/healthz").json()["broken"]}
    assert broken["nordlicht"]["serving"] is True
    [entry] = client.get("/shops").json()["shops"]
    assert "error[" in entry["reload_error"]

    (shops / "nordlicht.yaml").write_text(good, encoding="utf-8")
    (shops / "kaputt.yaml").write_text(good.replace("Nordlicht Mode", "Heil"), encoding="utf-8")
    outcome = client.app.state.reloader.reload()  # type: ignore[attr-defined]
    assert sorted(outcome.reloaded) == ["kaputt", "nordlicht"]
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/shops/kaputt/summary").json()["shop"]["name"] == "Heil"


def test_a_deleted_file_stops_being_a_shop(shops: Path) -> None:
    registry = open_registry(shops)
    (shops / "kaputt.yaml").unlink()
    (shops / "nordlicht.yaml").unlink()
    assert sorted(Reloader(registry).reload().removed) == ["kaputt", "nordlicht"]
    assert registry.shops == {} and registry.problems == {}


def _until(client: httpx.Client, seen: Callable[[httpx.Client], bool]) -> None:
    for _ in range(5000):  # each round is a real request, answered while the server reloads
        if seen(client):
            return
    raise AssertionError("the change was not taken up")


def _health(client: httpx.Client) -> dict[str, Any]:
    report: dict[str, Any] = client.get("/healthz").json()
    return report


def test_watching_follows_new_renamed_broken_and_deleted_files(shops: Path) -> None:
    with running(_app(shops, watch=1.0)) as base, httpx.Client(base_url=base) as client:
        copy_example(shops, "neu.yaml")  # a new file
        _until(client, lambda c: c.get("/shops/neu/summary").status_code == 200)

        # An editor's save: write a temporary file, then rename it over the policy file.
        text = (shops / "neu.yaml").read_text(encoding="utf-8").replace("Nordlicht Mode", "Neu Mode")
        (shops / ".neu.yaml.tmp").write_text(text, encoding="utf-8")
        os.replace(shops / ".neu.yaml.tmp", shops / "neu.yaml")
        _until(client, lambda c: c.get("/shops/neu/summary").json()["shop"]["name"] == "Neu Mode")

        (shops / "neu.yaml").write_text(BROKEN, encoding="utf-8")  # broken after valid: still serves
        _until(client, lambda c: "neu" in {item["id"] for item in _health(c)["broken"]})
        assert client.get("/shops/neu/summary").json()["shop"]["name"] == "Neu Mode"

        (shops / "kaputt.yaml").unlink()  # deleted: gone from the index and from health
        _until(client, lambda c: not any(item["id"] == "kaputt" for item in _health(c)["broken"]))
        assert client.get("/shops/kaputt/summary").status_code == 404


def test_serve_starts_with_the_valid_files_and_reports_the_broken_one(shops: Path) -> None:
    command = "from shopterms.validators.cli import main; main()"
    process = subprocess.Popen(
        [sys.executable, "-c", command, "serve", str(shops), "--port", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stderr is not None
    lines, base = [], None
    for line in process.stderr:  # blocks until uvicorn reports its address
        lines.append(line)
        found = re.search(r"running on (http://127\.0\.0\.1:\d+)", line)
        if found:
            base = found.group(1)
            break
    try:
        assert base, "".join(lines)
        assert re.search(rf"{re.escape(str(shops / 'kaputt.yaml'))}:3:\d+: error\[", "".join(lines))
        with httpx.Client(base_url=base) as client:
            assert client.get("/shops/nordlicht/summary").status_code == 200
            assert client.get("/shops/kaputt/summary").status_code == 503
            assert client.get("/shops/kaputt/mcp/").status_code == 503
    finally:
        process.terminate()
        process.communicate(timeout=30)
