"""Reloading without loss: a valid change is served at once, an invalid one changes nothing."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from shopterms.server.http_app import create_app
from shopterms.server.reload import Reloader
from shopterms.server.state import open_registry
from tests.server.http_harness import copy_example, running

BROKEN = "shop:\n  name: Nordlicht Mode\n  currency: EURO\n"


def _raise_rate(path: Path, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("rate: 4.95", f"rate: {new}"), encoding="utf-8")


def _standard_rate(client: TestClient | httpx.Client) -> float:
    return float(client.get("/shipping", params={"country": "DE"}).json()["services"][0]["rate"]["amount"])


def test_a_valid_change_replaces_the_state_in_one_swap(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    registry = open_registry(path)
    before = registry.current()
    _raise_rate(path, "5.95")
    outcome = Reloader(registry).reload()
    assert outcome.reloaded == ["nordlicht-mode"]
    after = registry.current()
    assert after is not before
    assert before.policy.shipping is not None and after.policy.shipping is not None
    assert str(before.policy.shipping.services[0].rate[0].amount) == "4.95"  # the old state is untouched
    assert str(after.policy.shipping.services[0].rate[0].amount) == "5.95"


def test_an_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    registry = open_registry(copy_example(tmp_path))
    state = registry.current()
    assert Reloader(registry).reload().unchanged == ["nordlicht-mode"]
    assert registry.current() is state


def test_an_invalid_file_keeps_the_previous_terms_and_logs_where_it_is_wrong(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = copy_example(tmp_path)
    registry = open_registry(path)
    app = create_app(registry)
    with TestClient(app) as client:
        etag = client.get("/policy").headers["etag"]
        path.write_text(BROKEN, encoding="utf-8")
        with caplog.at_level(logging.ERROR, logger="shopterms.server"):
            outcome = app.state.reloader.reload()
        assert "nordlicht-mode" in outcome.failed
        assert client.get("/policy").headers["etag"] == etag
        assert _standard_rate(client) == 4.95
        health = client.get("/healthz").json()["shops"][0]
        assert str(path) in health["reload_error"]
    message = caplog.records[-1].getMessage()
    assert "previous terms keep serving" in message
    assert f"{path}:" in message and "error[" in message


def test_a_bad_version_is_reported_once_and_a_fixed_one_is_served(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    good = path.read_text(encoding="utf-8")
    registry = open_registry(path)
    reloader = Reloader(registry)
    path.write_text(BROKEN, encoding="utf-8")
    assert reloader.pending()
    assert reloader.reload().failed
    assert not reloader.pending()  # the same bad version is not retried
    path.write_text(good.replace("rate: 4.95", "rate: 3.95"), encoding="utf-8")
    assert reloader.pending()
    assert reloader.reload().reloaded == ["nordlicht-mode"]
    assert registry.errors == {}


def test_a_vanished_file_keeps_its_terms_serving(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    registry = open_registry(path)
    state = registry.current()
    path.unlink()
    assert Reloader(registry).reload().failed
    assert registry.current() is state


def test_requests_keep_succeeding_through_valid_and_invalid_reloads(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    good = path.read_text(encoding="utf-8")
    app = create_app(open_registry(path))
    seen: list[tuple[int, float | None]] = []
    stop = threading.Event()
    with running(app) as base:

        def hammer() -> None:
            with httpx.Client(base_url=base) as client:
                while not stop.is_set():
                    response = client.get("/shipping", params={"country": "DE"})
                    body = response.json() if response.status_code == 200 else {}
                    rate = body["services"][0]["rate"]["amount"] if body else None
                    seen.append((response.status_code, rate))

        worker = threading.Thread(target=hammer)
        worker.start()
        reloader = app.state.reloader
        with httpx.Client(base_url=base) as client:
            for version in range(1, 6):
                path.write_text(BROKEN, encoding="utf-8")
                assert reloader.reload().failed
                path.write_text(good.replace("rate: 4.95", f"rate: {version}.50"), encoding="utf-8")
                assert reloader.reload().reloaded
                assert _standard_rate(client) == version + 0.5
        stop.set()
        worker.join()
    assert seen, "the worker made no request"
    assert {status for status, _ in seen} == {200}
    assert {rate for _, rate in seen} <= {4.95, 1.5, 2.5, 3.5, 4.5, 5.5}


def test_watching_picks_up_a_change_without_a_signal(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    app = create_app(open_registry(path), watch=0.02)
    with running(app) as base, httpx.Client(base_url=base) as client:
        loaded = client.get("/healthz").json()["shops"][0]["loaded_at"]
        _raise_rate(path, "6.95")
        for _ in range(2000):  # polls the server, not the clock: each iteration is a real request
            if client.get("/healthz").json()["shops"][0]["loaded_at"] != loaded:
                break
        assert _standard_rate(client) == 6.95
