"""Idle keep-alive connections outlive the clients' pools, so no reused connection is closed under a request.

When server and client keep idle connections equally long (uvicorn's default and httpx's are both 5 s),
a client that reuses a connection just as the server closes it loses that request ("server
disconnected without sending a response"). bench/reload_soak.py sends such requests under load.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import uvicorn
from click.testing import CliRunner

from shopterms.validators.cli import main
from tests.conftest import EXAMPLES_DIR

EXAMPLE = str(EXAMPLES_DIR / "nordlicht-mode.yaml")
# How long common HTTP clients keep an idle connection for reuse (seconds): httpx, aiohttp, Node's undici.
CLIENT_POOL_IDLE = {"httpx": 5.0, "aiohttp": 15.0, "undici": 4.0}


def _uvicorn_settings(monkeypatch: pytest.MonkeyPatch, *options: str) -> dict[str, Any]:
    captured: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **settings: captured.update(settings))
    result = CliRunner().invoke(main, ["serve", EXAMPLE, *options])
    assert result.exit_code == 0, result.output
    return captured


def test_serve_keeps_idle_connections_longer_than_client_pools_do(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = _uvicorn_settings(monkeypatch)
    assert httpx.Limits().keepalive_expiry == CLIENT_POOL_IDLE["httpx"]
    assert settings["timeout_keep_alive"] > 2 * max(CLIENT_POOL_IDLE.values())


def test_the_keep_alive_time_can_be_raised_above_a_proxys(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _uvicorn_settings(monkeypatch, "--keep-alive", "120")["timeout_keep_alive"] == 120
