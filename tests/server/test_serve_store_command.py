"""`shopterms serve --store` as a user runs it: a real process serving what was published, taking up a new
publication by itself, and refusing a store it cannot serve with a message and exit 2."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx

from tests.store.store_harness import EXPRESS_CUTOFF, SHOP, publish_text, variant


def _shopterms(*args: str) -> list[str]:
    return [sys.executable, "-c", "from shopterms.validators.cli import main; main()", *args]


def test_serve_needs_a_policy_or_a_store(tmp_path: Path) -> None:
    for args in ((), ("examples/nordlicht-mode.yaml", "--store", str(tmp_path / "s.db"))):
        done = subprocess.run(
            _shopterms("serve", *args), capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 2 and "serve a policy file or directory (SOURCE), or a store" in done.stderr


def test_serving_a_missing_or_empty_store_exits_2_with_a_message(tmp_path: Path) -> None:
    missing = subprocess.run(
        _shopterms("serve", "--store", str(tmp_path / "none.db")),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert missing.returncode == 2 and "there is no store at" in missing.stderr
    assert "Traceback" not in missing.stderr
    subprocess.run(
        _shopterms("store", "upgrade", "--store", str(tmp_path / "empty.db")), check=True, capture_output=True
    )
    empty = subprocess.run(
        _shopterms("serve", "--store", str(tmp_path / "empty.db")),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert empty.returncode == 2 and "holds no published versions yet" in empty.stderr


def test_a_served_store_takes_up_a_new_publication_by_itself(store_url: str) -> None:
    publish_text(store_url, now="2026-01-01T09:00:00+00:00")
    process = subprocess.Popen(
        _shopterms("serve", "--store", store_url, "--port", "0", "--no-mcp"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        base = None
        for line in process.stderr:  # blocks until uvicorn reports its address
            found = re.search(r"running on (http://127\.0\.0\.1:\d+)", line)
            if found:
                base = found.group(1)
                break
        assert base, "the server did not start"
        with httpx.Client(base_url=base) as client:
            first = client.get(f"/shops/{SHOP}/versions").json()["versions"]
            assert [entry["number"] for entry in first] == [1]
            publish_text(store_url, variant(EXPRESS_CUTOFF), now="2026-01-02T09:00:00+00:00")
            for line in process.stderr:  # the watcher logs what it took up
                if f"took up new versions of {SHOP}" in line:
                    break
            second = client.get(f"/shops/{SHOP}/versions").json()["versions"]
            assert [entry["number"] for entry in second] == [2, 1]
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_replica_needs_a_store_and_serves_every_shop_of_it() -> None:
    for args in (("examples/kleinkram.yaml", "--replica"), ("--store", "s.db", "--shop", "x", "--replica")):
        done = subprocess.run(
            _shopterms("serve", *args), capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 2 and "--replica serves every shop of a store" in done.stderr
