"""Every MCP tool and resource asked about valid policies, in-process: no tool fault, no failed read.

The tools and their parameters come from the server's own tool list (with each input schema), so
tools added later are called too. For a directory of shops one server is built and pointed at each
shop in turn (the tools read the policy in force on every call; `compare_with` compares the first
shop with all the others, so every policy is read as a source); every call goes through the
server's `call_tool`, the path a client's request takes, and one client session per batch speaks the
protocol end to end. A tool error that explains a refused argument is an answer; a crash inside a
tool (the SDK's UnexpectedToolError, which a client reads as "Error executing tool <name>" and
nothing more) and any exception are faults.
"""

from __future__ import annotations

import re
from typing import Any

import anyio
from mcp import Client
from mcp.server.mcpserver.exceptions import ToolError, UnexpectedToolError

from shopterms.server.mcp_compare import CompareScope
from shopterms.server.mcp_server import create_mcp
from shopterms.server.state import ShopRegistry
from tests.fuzz.questions import candidates

# What a client reads when a tool crashed: the SDK's words alone, without the tool's own explanation.
CRASH = re.compile(r"^Error executing tool [\w-]+$")


def call_every_tool(registry: ShopRegistry, everything: bool, turn: int) -> tuple[int, list[str]]:
    """Build one MCP server for the shops of `registry` and ask each one everything; calls and faults."""
    return anyio.run(_ask, registry, everything, turn)


async def _ask(registry: ShopRegistry, everything: bool, turn: int) -> tuple[int, list[str]]:
    shops = list(registry.states)
    selected = [shops[0]]
    scope = CompareScope(lambda: registry.states, shops[0], lambda other: f"/shops/{other}/policy")
    server = create_mcp(lambda: registry.current(selected[0]), scope)
    calls, faults = 0, []
    for index, shop_id in enumerate(shops):
        selected[0] = shop_id
        # compare_with always ranks the first shop; it reads every other one of the batch as a source.
        others = [other for other in shops if other != shop_id]
        policy = registry.current(shop_id).policy
        for name, arguments in _tool_calls(
            await server.list_tools(), policy, others, everything, turn + index
        ):
            calls += 1
            try:
                await server.call_tool(name, arguments)
            except UnexpectedToolError as error:
                cause = error.__cause__
                faults.append(f"{shop_id}: {name}({arguments}): crashed: {type(cause).__name__}: {cause}")
            except ToolError:
                pass  # a refused argument, explained: an answer
            except Exception as error:
                faults.append(f"{shop_id}: {name}({arguments}): raised {type(error).__name__}: {error}")
        for resource in await server.list_resources():
            calls += 1
            try:
                await server.read_resource(str(resource.uri))
            except Exception as error:
                faults.append(f"{shop_id}: read {resource.uri}: {type(error).__name__}: {error}")
        if index == 0:
            session_calls, session_faults = await _session(server, policy, others, turn)
            calls += session_calls
            faults += [f"{shop_id} (client session): {fault}" for fault in session_faults]
    return calls, faults


async def _session(server: Any, policy: Any, others: list[str], turn: int) -> tuple[int, list[str]]:
    """The same questions through a client session: the protocol end to end, output schemas checked."""
    calls, faults = 0, []
    async with Client(server) as client:
        tools = (await client.list_tools()).tools
        for name, arguments in _tool_calls(tools, policy, others, False, turn):
            calls += 1
            try:
                result = await client.call_tool(name, arguments)
            except Exception as error:
                faults.append(f"{name}({arguments}): raised {type(error).__name__}: {error}")
                continue
            if result.is_error and CRASH.match(_text(result).strip()):
                faults.append(f"{name}({arguments}): {_text(result)[:300]}")
        for resource in (await client.list_resources()).resources:
            calls += 1
            try:
                await client.read_resource(resource.uri)
            except Exception as error:
                faults.append(f"read {resource.uri}: {type(error).__name__}: {error}")
    return calls, faults


def _tool_calls(
    tools: Any, policy: Any, others: list[str], everything: bool, turn: int
) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for tool in getattr(tools, "tools", tools):
        schema = tool.input_schema if hasattr(tool, "input_schema") else tool.inputSchema
        properties: dict[str, Any] = schema.get("properties", {})
        required = set(schema.get("required", []))
        options: dict[str, list[Any]] = {}
        unknown_required = False
        for name, prop in properties.items():
            values = candidates(name, policy, turn, others)
            if values is None:
                values = list(prop.get("examples") or [])
            if not values and name in required:
                unknown_required = True
            if values:
                options[name] = values
        if unknown_required:
            continue
        rounds = max((len(values) for values in options.values()), default=1) if everything else 1
        for round_ in range(rounds):
            arguments = {name: values[(round_ + turn) % len(values)] for name, values in options.items()}
            found.append((tool.name, {name: value for name, value in arguments.items() if value is not None}))
    return found


def _text(result: Any) -> str:
    return " ".join(getattr(block, "text", "") for block in getattr(result, "content", []))
