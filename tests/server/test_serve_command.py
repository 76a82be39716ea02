"""`shopterms serve` as a user runs it: a real process, SIGHUP reloads, bad files refused."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.server.http_harness import copy_example

BROKEN = "shop:\n  name: Nordlicht Mode\n  currency: EURO\n"
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="SIGHUP is a POSIX signal")


def _serve(*args: str) -> list[str]:
    return [sys.executable, "-c", "from shopterms.validators.cli import main; main()", "serve", *args]


def test_an_invalid_policy_is_refused_with_its_location_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    result = subprocess.run(_serve(str(path)), capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert re.search(rf"{re.escape(str(path))}:\d+:\d+: error\[", result.stderr), result.stderr
    assert "not served" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_directory_without_policies_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(_serve(str(tmp_path)), capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "holds no *.yaml policy files" in result.stderr


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str, Path]]:
    path = copy_example(tmp_path)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        _serve(str(path), "--port", "0"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stderr is not None
    base = None
    for line in process.stderr:  # blocks until uvicorn reports its address
        found = re.search(r"running on (http://127\.0\.0\.1:\d+)", line)
        if found:
            base = found.group(1)
            break
    assert base, "the server did not start"
    try:
        yield process, base, path
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_for_reload(client: httpx.Client, before: dict[str, object]) -> dict[str, object]:
    for _ in range(5000):  # each round is a real request; the server answers while it reloads
        shop: dict[str, object] = client.get("/healthz").json()["shops"][0]
        if shop != before:
            return shop
    raise AssertionError("no reload was seen")


def test_sighup_reloads_a_valid_file_and_keeps_the_old_terms_for_a_broken_one(
    served: tuple[subprocess.Popen[str], str, Path],
) -> None:
    process, base, path = served
    good = path.read_text(encoding="utf-8")
    with httpx.Client(base_url=base) as client:
        before = client.get("/healthz").json()["shops"][0]
        path.write_text(good.replace("rate: 4.95", "rate: 5.45"), encoding="utf-8")
        process.send_signal(signal.SIGHUP)
        after = _wait_for_reload(client, before)
        assert after["reload_error"] is None
        rate = client.get("/shipping", params={"country": "DE"}).json()["services"][0]["rate"]["amount"]
        assert rate == 5.45

        path.write_text(BROKEN, encoding="utf-8")
        process.send_signal(signal.SIGHUP)
        failed = _wait_for_reload(client, after)
        assert str(path) in str(failed["reload_error"])
        assert failed["loaded_at"] == after["loaded_at"]
        response = client.get("/shipping", params={"country": "DE"})
        assert response.status_code == 200
        assert response.json()["services"][0]["rate"]["amount"] == 5.45
    process.terminate()
    _, errors = process.communicate(timeout=30)
    assert "previous terms keep serving" in errors
