"""Every endpoint of the HTTP API asked about valid policies, in-process: no 5xx, no broken body.

The endpoints are not listed here: they are read from the app's own /openapi.json (with the
parameters each takes), so endpoints added later are asked too, plus the few routes the OpenAPI
document leaves out on purpose (itself, the docs page). A directory of many shops is served by one app
(`/shops/{id}/...`); a single file by another (the same routes at the root).
"""

from __future__ import annotations

import json
from typing import Any

import anyio
import httpx

from shopterms.server.context import ServerSettings
from shopterms.server.http_app import create_app
from shopterms.server.mcp_mount import mcp_mounts
from shopterms.server.state import ShopRegistry
from tests.fuzz.questions import candidates

EXTRA_ROUTES = ["/openapi.json", "/docs"]


def serve_and_ask(registry: ShopRegistry, all_values: bool, turn: int) -> tuple[int, list[str]]:
    """Serve `registry` (one policy file, or a directory of them) and ask every endpoint about every
    shop: each with every value of each parameter in the long bench, once (values in turn) otherwise.
    Returns the calls made and the faults."""
    if registry.directory and not all_values:
        # Building an MCP server per shop costs far more than asking it; the MCP stage asks the tools,
        # and the discovery documents here still announce the endpoints.
        app = create_app(registry, settings=ServerSettings(mcp=True), handle_sighup=False, watch=None)
    else:
        app = create_app(registry, mounts=mcp_mounts(registry), handle_sighup=False, watch=None)
    return anyio.run(_ask_all, app, registry, all_values, turn)


async def _ask_all(app: Any, registry: Any, everything: bool, turn: int) -> tuple[int, list[str]]:
    faults: list[str] = []
    calls = 0
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as client:
            document = await client.get("/openapi.json")
            calls += 1
            if document.status_code != 200:
                return calls, [f"GET /openapi.json: HTTP {document.status_code}"]
            for path in _requests(document.json(), registry, everything, turn):
                calls += 1
                fault = await _fault(client, path)
                if fault:
                    faults.append(fault)
    return calls, faults


async def _fault(client: httpx.AsyncClient, path: str) -> str | None:
    try:
        response = await client.get(path)
    except Exception as error:
        return f"GET {path}: raised {type(error).__name__}: {error}"
    if response.status_code >= 500:
        return f"GET {path}: HTTP {response.status_code} {response.text[:200]}"
    if response.status_code == 200 and "json" in response.headers.get("content-type", ""):
        try:
            json.loads(response.content)
        except ValueError:
            return f"GET {path}: the JSON body does not parse"
    return None


def _requests(document: dict[str, Any], registry: Any, everything: bool, turn: int) -> list[str]:
    shops = list(registry.states.items())
    paths = [*EXTRA_ROUTES]
    for template, operations in document.get("paths", {}).items():
        operation = operations.get("get")
        if operation is None:
            continue
        for shop_id, state in shops if "{shop_id}" in template else shops[:1]:
            others = [other for other in registry.states if other != shop_id]
            paths += _filled(template, operation, shop_id, state.policy, others, everything, turn)
    return list(dict.fromkeys(paths))


def _filled(
    template: str,
    operation: dict[str, Any],
    shop_id: str,
    policy: Any,
    others: list[str],
    everything: bool,
    turn: int,
) -> list[str]:
    options: dict[str, list[Any]] = {}
    path_params: dict[str, list[Any]] = {}
    for parameter in operation.get("parameters", []):
        name, where = parameter["name"], parameter["in"]
        if name == "shop_id":
            continue
        values = candidates(name, policy, turn, others)
        if values is None:
            values = _from_schema(name, parameter)
        if not values:
            if parameter.get("required"):
                return []  # nothing known to ask with: the endpoint is asked for other shops
            continue
        (path_params if where == "path" else options)[name] = values
    names = [*path_params, *options]
    chosen_lists = [path_params.get(name) or options[name] for name in names]
    # A diagonal walk: every value of every parameter appears at least once, in few requests.
    rounds = max((len(values) for values in chosen_lists), default=1) if everything else 1
    found = []
    for round_ in range(rounds):
        chosen = {
            name: values[(round_ + turn) % len(values)]
            for name, values in zip(names, chosen_lists, strict=True)
        }
        path = template.replace("{shop_id}", shop_id)
        for name in path_params:
            path = path.replace("{" + name + "}", str(chosen[name]))
        query = {name: value for name, value in chosen.items() if name in options and value is not None}
        found.append(path + ("?" + str(httpx.QueryParams(query)) if query else ""))
    return found


def _from_schema(name: str, parameter: dict[str, Any]) -> list[Any]:
    schema = parameter.get("schema", {})
    if "enum" in schema:
        return list(schema["enum"])
    examples = parameter.get("examples") or schema.get("examples") or []
    if isinstance(examples, dict):
        return [item.get("value") for item in examples.values()]
    return list(examples)
