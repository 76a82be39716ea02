"""Every link in every document the server serves answers 2xx, in file and in directory mode.

A crawler starts from the discovery documents (llms.txt, the API catalog, the AI Catalog, the UCP
profile, the OpenAPI document, the terms pages) over a real socket and follows every link on the
server: HTML, Markdown, JSON and Link headers. A link that hangs fails the client's timeout.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from shopterms.server.http_app import create_app
from shopterms.server.mcp_mount import mcp_mounts
from shopterms.server.state import open_registry
from tests.conftest import EXAMPLES_DIR
from tests.server.http_harness import EXAMPLE, running
from tests.server.link_crawler import Crawl, crawl

# Where agents and crawlers start; a directory has no business profile of its own, only its shops'.
STARTS = [
    "/",
    "/llms.txt",
    "/.well-known/api-catalog",
    "/.well-known/ai-catalog.json",
    "/.well-known/mcp/catalog.json",
    "/openapi.json",
    "/docs",
    "/healthz",
]
STARTS_BY_MODE = {"file": [*STARTS, "/.well-known/ucp"], "directory": [*STARTS, "/shops"]}


def _crawled(source: Path) -> Crawl:
    registry = open_registry(source)
    app = create_app(registry, mounts=mcp_mounts(registry))
    starts = STARTS_BY_MODE["directory" if registry.directory else "file"]
    with running(app) as base, httpx.Client(base_url=base, timeout=httpx.Timeout(10.0)) as client:
        return crawl(client, starts)


@pytest.fixture(scope="module", params=[EXAMPLE, EXAMPLES_DIR], ids=["file", "directory"])
def crawled(request: pytest.FixtureRequest) -> Iterator[Crawl]:
    yield _crawled(request.param)


def test_every_link_on_the_server_answers(crawled: Crawl) -> None:
    assert crawled.broken == {}


def test_the_crawl_reaches_every_kind_of_document(crawled: Crawl) -> None:
    paths = {url.split("/", 3)[-1] for url in crawled.statuses}
    for suffix in ["llms.txt", "policy.jsonld", ".well-known/ucp", "mcp/", "mcp/server-card", "summary"]:
        assert any(path.endswith(suffix) for path in paths), suffix
    assert len(crawled.statuses) >= 20
