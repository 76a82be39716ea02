"""Headless Chromium for the browser tests: Debian's package at /usr/bin/chromium, isolated and offline.

`.ci/run` installs it and sets SHOPTERMS_REQUIRE_EXTERNAL=1, which turns a missing browser into a
failure; elsewhere a browser test is skipped until someone runs `apt-get install chromium`.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REQUIRED_VARIABLE = "SHOPTERMS_REQUIRE_EXTERNAL"
# Headless and isolated: no GPU, no sandbox (containers), and nothing that reaches out to the network.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--force-device-scale-factor=1",
    "--hide-scrollbars",
]


def require_chromium() -> None:
    """Skip the calling test when there is no Chromium, or fail when the browser tests are required."""
    if CHROMIUM.exists():
        return
    reason = f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get(REQUIRED_VARIABLE) == "1":
        pytest.fail(f"{reason} ({REQUIRED_VARIABLE}=1: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


def chromium(profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run Chromium once with a profile of its own; `arguments` say what to do (--dump-dom URL, …)."""
    require_chromium()
    command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *arguments]
    # The timeout only stops a hung browser; nothing here waits on time.
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def screenshot(profile: Path, page: Path, shot: Path, width: int, height: int) -> bytes:
    """A PNG of the first `width` x `height` pixels of `page` as Chromium renders it."""
    run = chromium(profile, f"--screenshot={shot}", f"--window-size={width},{height}", page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return data
