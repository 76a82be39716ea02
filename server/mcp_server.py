"""The shop's MCP server: its terms as read-only tools, and its published documents as resources.

`create_mcp` takes a function that returns what is in force right now (the policy and its rendered
documents) and calls it on every request, so one server follows every reload of the HTTP side's state,
and one server can answer for many shops (the function then returns the shop of the request).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import version
from typing import Any, Protocol

import pydantic_core
from mcp.server import MCPServer
from mcp.server.mcpserver.context import Context
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import CallToolResult, InputRequiredResult, TextContent
from mcp.types import Tool as MCPTool
from pydantic import ValidationError

from shopterms.policy.model import Policy
from shopterms.server.mcp_compare import CompareScope, register_compare
from shopterms.server.mcp_errors import explain_arguments, explain_unknown_arguments
from shopterms.server.mcp_identity import NO_SHOP, follow_identity, memoised
from shopterms.server.mcp_performance import register_performance_tool
from shopterms.server.mcp_tools import register_tools
from shopterms.server.performance_source import PerformanceSource
from shopterms.server.selection import state_at
from shopterms.server.terms import ShopTerms
from shopterms.server.version_state import JSON, JSONLD, MARKDOWN, ShopState, file_version, state_of

# Stable addresses: clients may keep them across restarts and reloads.
JSONLD_URI = "shopterms://policy.jsonld"
POLICY_URI = "shopterms://policy.json"
SUMMARY_URI = "shopterms://summary.md"


class Published(Protocol):
    """The policy in force and the documents rendered from it."""

    @property
    def policy(self) -> Policy: ...

    @property
    def jsonld(self) -> str: ...

    @property
    def policy_json(self) -> str: ...

    @property
    def summary_markdown(self) -> str: ...


class TermsServer(MCPServer):
    """An MCPServer that takes no argument it does not know, explains argument errors in our words, and
    sends compact JSON as text."""

    _parameters: dict[str, tuple[str, ...]] | None = None

    async def list_tools(self) -> list[MCPTool]:
        # additionalProperties: false tells a client up front what call_tool enforces below.
        return [
            tool.model_copy(
                update={
                    "input_schema": {**tool.input_schema, "additionalProperties": False},
                    "output_schema": json_schema_only(tool.output_schema),
                }
            )
            for tool in await super().list_tools()
        ]

    async def _accepted(self, name: str) -> tuple[str, ...] | None:
        """The parameter names of a tool (None for no such tool); tools are fixed once the server is built."""
        if self._parameters is None:
            self._parameters = {
                tool.name: tuple(tool.input_schema.get("properties", {})) for tool in await self.list_tools()
            }
        return self._parameters.get(name)

    async def call_tool(
        self, name: str, arguments: dict[str, Any], context: Context[Any, Any] | None = None
    ) -> CallToolResult | InputRequiredResult:
        accepted = await self._accepted(name)
        unknown = [key for key in arguments if accepted is not None and key not in accepted]
        if accepted is not None and unknown:
            raise ToolError(explain_unknown_arguments(name, unknown, accepted))
        try:
            result = await super().call_tool(name, arguments, context)
        except ToolError as error:
            cause = error.__cause__
            if not isinstance(cause, ValidationError) or cause.title != f"{name}Arguments":
                raise
            schema = next(tool.input_schema for tool in await self.list_tools() if tool.name == name)
            raise ToolError(explain_arguments(name, cause, schema)) from cause
        if isinstance(result, CallToolResult) and result.structured_content is not None:
            # The text copy is for clients that ignore structuredContent; the SDK indents it, which
            # roughly doubles every answer on the wire. The same JSON without indentation reads as well.
            text = pydantic_core.to_json(result.structured_content).decode()
            result = result.model_copy(update={"content": [TextContent(type="text", text=text)]})
        return result


def json_schema_only(schema: Any) -> Any:
    """`schema` without OpenAPI's `discriminator`, which pydantic writes for tagged unions: it is not JSON
    Schema, and validators in strict mode (ajv) refuse an unknown keyword. The oneOf it annotates stays."""
    if isinstance(schema, dict):
        return {
            key: json_schema_only(value)
            for key, value in schema.items()
            if not (key == "discriminator" and isinstance(value, dict) and "propertyName" in value)
        }
    if isinstance(schema, list):
        return [json_schema_only(item) for item in schema]
    return schema


def pinned(found: ShopTerms | ShopState | Published) -> ShopTerms:
    """The shop's terms: as they are, or one fixed version built around a policy and its documents."""
    if isinstance(found, ShopTerms):
        return found
    if isinstance(found, ShopState):
        return ShopTerms.of_state(found)
    version = file_version(found.policy.shop.name, found.policy, None)
    rendered = {
        name: (media, text.encode("utf-8"))
        for name, media, text in (
            ("policy.jsonld", JSONLD, found.jsonld),
            ("policy.json", JSON, found.policy_json),
            ("summary.md", MARKDOWN, found.summary_markdown),
        )
    }
    return ShopTerms.of_state(state_of(version.shop, found.policy, version, rendered))


def following(current: Callable[[], ShopTerms | ShopState | Published]) -> Callable[[], ShopTerms]:
    """`current` as a source of ShopTerms; a fixed object is wrapped once, not on every call."""
    last: list[tuple[object, ShopTerms]] = []

    def terms() -> ShopTerms:
        found = current()
        if isinstance(found, ShopTerms):
            return found
        if not last or last[0][0] is not found:
            last[:] = [(found, pinned(found))]
        return last[0][1]

    return terms


def create_mcp(
    current: Callable[[], ShopTerms | ShopState | Published],
    compare_scope: CompareScope | None = None,
    performance: PerformanceSource | None = None,
) -> MCPServer:
    """The MCP server for the shop whose terms `current()` returns; it asks again on every request, for
    its answers and its identity alike, so `current` may return another shop for each request
    (server.mcp_shops).

    With `compare_scope` (several shops served), it also compares the shop with the others."""
    terms = following(current)

    def now() -> ShopState:
        return state_at(terms(), None)

    def latest_policy() -> Policy:
        latest = terms()
        return latest.state(latest.timeline.latest).policy

    server = TermsServer(
        # Replaced per request by the identity of the shop answering (follow_identity below).
        "shopterms",
        version=version("shopterms"),
        # Rejected arguments are the caller's mistake, answered as tool errors; they are not worth a log line.
        log_level="WARNING",
    )
    # The identity the server card and registry entry announce, so discovery and runtime agree; asked
    # for on every request, so one server can answer for many shops and follows every reload.
    follow_identity(server, memoised(latest_policy, NO_SHOP))
    register_tools(server, terms)
    if performance is not None:  # offered where measured figures are served, like compare_with
        register_performance_tool(server, terms, performance)
    if compare_scope is not None:
        register_compare(server, compare_scope)

    @server.resource(
        JSONLD_URI,
        name="policy.jsonld",
        title="schema.org JSON-LD",
        description="The shop's terms as schema.org JSON-LD (OnlineStore with shipping services, return "
        "policy, payment methods and contact points), as embedded in its web pages.",
        mime_type="application/ld+json",
    )
    def jsonld() -> str:
        return now().jsonld

    @server.resource(
        POLICY_URI,
        name="policy.json",
        title="Policy (canonical JSON)",
        description="The complete policy in its normalised form: every shorthand expanded and every default "
        "written out. The source every tool answers from.",
        mime_type="application/json",
    )
    def policy_json() -> str:
        return now().policy_json

    @server.resource(
        SUMMARY_URI,
        name="summary.md",
        title="Terms summary (Markdown)",
        description="The shop's terms as a short Markdown text written for language models.",
        mime_type="text/markdown",
    )
    def summary_markdown() -> str:
        return now().summary_markdown

    return server
