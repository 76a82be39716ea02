"""Helpers for the HTTP tests: example files in a temporary place, apps built from them, a real uvicorn."""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import uvicorn
from fastapi import FastAPI

from shopterms.server.http_app import create_app
from shopterms.server.state import ShopRegistry, open_registry
from shopterms.validators.commands.serve import KEEP_ALIVE_SECONDS
from tests.conftest import EXAMPLES_DIR

EXAMPLE = EXAMPLES_DIR / "nordlicht-mode.yaml"


def example_urls(openapi: dict[str, Any]) -> list[str]:
    """One URL per GET operation of an OpenAPI document, each required parameter set to its first example
    (or first listed value): every resource the document promises, ready to request."""
    urls = []
    for path, operations in openapi["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        query = {}
        for parameter in operation.get("parameters", []):
            schema = parameter["schema"]
            value = (schema.get("enum") or schema.get("examples") or [None])[0]
            if parameter["in"] == "path":
                path = path.replace("{" + parameter["name"] + "}", str(value))
            elif parameter.get("required"):
                query[parameter["name"]] = str(value)
        urls.append(path + ("?" + urlencode(query) if query else ""))
    return urls


def copy_example(directory: Path, name: str = "nordlicht-mode.yaml") -> Path:
    """The example policy copied into `directory`, so a test may rewrite it."""
    target = directory / name
    shutil.copyfile(EXAMPLE, target)
    return target


def example_app(**options: object) -> tuple[FastAPI, ShopRegistry]:
    registry = open_registry(EXAMPLE)
    return create_app(registry, **options), registry  # type: ignore[arg-type]


@contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """Serve `app` with uvicorn on an ephemeral port of 127.0.0.1; yield its base URL once it is started."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    # Idle connections outlive the clients' pools as under `serve` (5 s on both sides races).
    config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_keep_alive=KEEP_ALIVE_SECONDS)
    server = uvicorn.Server(config)
    started = threading.Event()

    original_startup = server.startup

    async def startup(sockets: list[socket.socket] | None = None) -> None:
        await original_startup(sockets=sockets)
        started.set()

    server.startup = startup  # type: ignore[method-assign]
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        if not started.wait(timeout=30) or not server.started:
            raise RuntimeError("uvicorn did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
