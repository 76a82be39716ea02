"""Servers for the external clients: real uvicorn on 127.0.0.1 with the MCP endpoint, per layout."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from shopterms.server.http_app import create_app
from shopterms.server.mcp_mount import mcp_mounts
from shopterms.server.state import open_registry
from tests.conftest import EXAMPLES_DIR
from tests.server.http_harness import EXAMPLE, running

LAYOUTS = {"file": EXAMPLE, "directory": EXAMPLES_DIR}


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def served(request: pytest.FixtureRequest) -> Iterator[tuple[str, str]]:
    """(layout, base URL) of a running server: one shop at the root, or the examples under /shops/{id}."""
    registry = open_registry(LAYOUTS[request.param])
    with running(create_app(registry, mounts=mcp_mounts(registry))) as base:
        yield request.param, base


def mcp_url(layout: str, base: str) -> str:
    """The MCP endpoint of the example shop (nordlicht-mode) in a layout."""
    return f"{base}/mcp/" if layout == "file" else f"{base}/shops/nordlicht-mode/mcp/"
