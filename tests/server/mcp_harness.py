"""Helpers for the MCP tests: a real uvicorn on 127.0.0.1, example tool calls, and output-schema checks."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import jsonschema
import uvicorn
from mcp.types import CallToolResult, Tool
from starlette.types import ASGIApp

from shopterms.policy.model import Policy
from shopterms.validators.commands.serve import KEEP_ALIVE_SECONDS

# One valid call per tool, for the example policy; the dates lie in its seasonal and holiday periods.
EXAMPLE_CALLS: dict[str, dict[str, Any]] = {
    "get_policy_summary": {},
    "get_shipping_options": {"country": "AT"},
    "estimate_delivery": {"country": "DE", "region": "DE-BY", "ordered_at": "2026-12-23T15:00:00+01:00"},
    "get_return_policy": {"country": "DE"},
    "compute_return_deadline": {"country": "DE", "delivered_on": "2026-12-11", "ordered_on": "2026-12-01"},
    "get_payment_terms": {},
    "get_support_contacts": {"at": "2026-12-24T11:30:00+01:00"},
    "get_policy_history": {},
}


@dataclass(frozen=True)
class FixedTerms:
    """A policy with stand-in documents, for tests about the tools alone."""

    policy: Policy
    jsonld: str = "{}"
    policy_json: str = "{}"
    summary_markdown: str = "# Terms"


@contextmanager
def serving(app: ASGIApp) -> Iterator[str]:
    """Serve `app` with uvicorn on an ephemeral port of 127.0.0.1 and yield its base URL.

    The socket is bound and listening before uvicorn starts, so a client may connect at once: the kernel
    queues the connection until the server accepts it, and no waiting for start-up is needed.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # asyncio turns Nagle's algorithm off only for sockets it made itself; without this every response
    # waits ~40 ms for the client's delayed ACK. Accepted connections inherit the option.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    port = sock.getsockname()[1]
    # Idle connections outlive the clients' pools as under `serve` (5 s on both sides races).
    config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_keep_alive=KEEP_ALIVE_SECONDS)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join()
        sock.close()


def assert_valid_output(tool: Tool, result: CallToolResult) -> None:
    """The call succeeded and its structured content validates against the tool's advertised schema."""
    assert not result.is_error, result.content
    assert tool.output_schema is not None
    assert isinstance(result.structured_content, dict)
    validator = jsonschema.Draft202012Validator(tool.output_schema, format_checker=jsonschema.FormatChecker())
    validator.validate(result.structured_content)


def error_text(result: CallToolResult) -> str:
    """The text of a tool error."""
    assert result.is_error
    return " ".join(getattr(block, "text", "") for block in result.content)
