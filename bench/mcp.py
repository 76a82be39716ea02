"""Tool-call latency of the MCP endpoint over streamable HTTP, against a trivial tool on the same server.

    python -m bench.mcp [--policy examples/nordlicht-mode.yaml] [--rounds 400]

The server is the one `shopterms serve` runs (the HTTP app with the MCP endpoint at /mcp), in a child
process of its own, with one extra tool, `ping`, that returns a one-field object: the SDK's own cost
of a tool call. Each round calls every tool once, in turn, so drift in machine speed spreads evenly.

Two clients are timed. "wire" posts the JSON-RPC request and reads the answer with a plain HTTP
client, framed for protocol 2026-07-28 and for 2025-11-25: what the server and transport cost. The
target, a median at most 1.2 times ping's for every tool, applies here. "SDK client" is mcp.Client,
which also checks every structuredContent against the tool's outputSchema; that check runs in the
client and grows with the answer, so its ratios are reported for information.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__" and sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    # Run as a script, this file's folder would come first on the path and shadow the mcp package.
    sys.path.pop(0)

import argparse
import math
import socket
import statistics
import subprocess
import time
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from shopterms.policy.answers import DeliveryEstimates

REPO_ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.2
# One valid question per tool for the example policy, with fixed moments so answers can be kept.
CALLS: dict[str, dict[str, str]] = {
    "ping": {},
    "get_policy_summary": {},
    "get_shipping_options": {"country": "AT"},
    "estimate_delivery": {"country": "DE", "region": "DE-BY", "ordered_at": "2026-12-23T15:00:00+01:00"},
    "get_return_policy": {"country": "DE"},
    "compute_return_deadline": {"country": "DE", "delivered_on": "2026-12-11", "ordered_on": "2026-12-01"},
    "get_payment_terms": {},
    "get_support_contacts": {"at": "2026-12-24T11:30:00+01:00"},
    "estimate_prepared": {},
}
# Controls, not tools of the server: what the SDK alone costs for an answer of the estimate's size.
CONTROLS = {"ping", "estimate_prepared"}
CLIENT_META = {"io.modelcontextprotocol/clientInfo": {"name": "bench", "version": "1"}}


class Pong(BaseModel):
    ok: bool


async def ping() -> Pong:
    """Answers at once: the baseline."""
    return Pong(ok=True)


def serve(fd: int, policy: Path) -> None:
    """The child process: the HTTP app with the MCP endpoint (plus ping) on the inherited socket."""
    import uvicorn

    from shopterms.policy.answers import delivery_estimates
    from shopterms.server.http_app import create_app
    from shopterms.server.mcp_http import streamable_http_endpoint
    from shopterms.server.mcp_server import create_mcp
    from shopterms.server.mounts import Mount
    from shopterms.server.state import open_registry

    registry = open_registry(policy)
    mcp = create_mcp(registry.current)
    mcp.add_tool(ping)
    asked = CALLS["estimate_delivery"]
    prepared = delivery_estimates(
        registry.current().policy, asked["country"], asked["region"], None, None, asked["ordered_at"]
    )

    async def estimate_prepared() -> DeliveryEstimates:
        """The estimate_delivery answer, computed before: the SDK's cost for a payload of that size."""
        return prepared

    mcp.add_tool(estimate_prepared)
    endpoint = streamable_http_endpoint(mcp)
    app = create_app(registry, mounts=[Mount("/mcp", endpoint.app, endpoint.lifespan)], handle_sighup=False)
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[socket.socket(fileno=fd)])


def _wire_caller(url: str, version: str) -> Callable[[str, dict[str, str]], None]:
    import httpx

    http = httpx.Client(timeout=10)
    meta = {**CLIENT_META, "io.modelcontextprotocol/protocolVersion": version}
    if version != "2026-07-28":
        meta = {}  # the 2025 framing carries no per-request metadata

    def call(name: str, arguments: dict[str, str]) -> None:
        headers = {"Accept": "application/json, text/event-stream", "Mcp-Protocol-Version": version}
        if version == "2026-07-28":
            headers |= {"Mcp-Method": "tools/call", "Mcp-Name": name}
        params: dict[str, Any] = {"name": name, "arguments": arguments}
        if meta:
            params["_meta"] = meta | {"io.modelcontextprotocol/clientCapabilities": {}}
        body = {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": params}
        reply = http.post(url, json=body, headers=headers).json()
        if "result" not in reply or reply["result"].get("isError"):
            raise SystemExit(f"bench: {name} failed: {reply}")

    return call


def _time(call: Callable[[str, dict[str, str]], None], rounds: int, warmup: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in CALLS}
    for round_ in range(warmup + rounds):
        for name, arguments in CALLS.items():
            start = time.perf_counter()
            call(name, arguments)
            if round_ >= warmup:
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def _time_sdk(url: str, mode: str, rounds: int, warmup: int) -> dict[str, float]:
    import anyio
    from mcp import Client

    async def run() -> dict[str, float]:
        times: dict[str, list[float]] = {name: [] for name in CALLS}
        async with Client(url, mode=mode) as client:
            await client.list_tools()
            for round_ in range(warmup + rounds):
                for name, arguments in CALLS.items():
                    start = time.perf_counter()
                    result = await client.call_tool(name, arguments)
                    elapsed = time.perf_counter() - start
                    if result.is_error:
                        raise SystemExit(f"bench: {name} failed: {result.content}")
                    if round_ >= warmup:
                        times[name].append(elapsed)
        return {name: statistics.median(values) for name, values in times.items()}

    return anyio.run(run)


def _report(title: str, medians: dict[str, float], judged: bool) -> float:
    """Print each tool's median and its ratio to ping's; return the largest ratio."""
    base = medians["ping"]
    print(f"\n{title}: ping (trivial tool) {base * 1e3:.3f} ms")
    ratios = {name: medians[name] / base for name in CALLS if name not in CONTROLS}
    for name, ratio in ratios.items():
        flag = "  above target" if judged and ratio > TARGET else ""
        print(f"  {name:26s} {medians[name] * 1e3:7.3f} ms   ratio {ratio:.2f}{flag}")
    control = medians["estimate_prepared"]
    print(f"  {'(control) estimate_prepared':26s} {control * 1e3:7.3f} ms   ratio {control / base:.2f}")
    geometric = math.exp(statistics.fmean(math.log(ratio) for ratio in ratios.values()))
    worst = max(ratios, key=ratios.__getitem__)
    print(f"  geometric mean {geometric:.2f}; largest {ratios[worst]:.2f} ({worst})")
    return ratios[worst]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", type=Path, default=REPO_ROOT / "examples" / "nordlicht-mode.yaml")
    parser.add_argument("--rounds", type=int, default=400)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--serve-fd", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.serve_fd is not None:
        serve(options.serve_fd, options.policy)
        return

    # Bound and listening before the child starts: clients may connect at once, no start-up wait.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # asyncio leaves Nagle on for given sockets
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/mcp/"
    command = [
        sys.executable,
        "-m",
        "bench.mcp",
        "--serve-fd",
        str(sock.fileno()),
        "--policy",
        str(options.policy),
    ]
    child = subprocess.Popen(command, pass_fds=[sock.fileno()], cwd=REPO_ROOT)
    try:
        print(f"MCP tool-call latency, median of {options.rounds} calls per tool, server in its own process")
        rounds, warmup = options.rounds, options.warmup
        worst = max(
            _report(f"wire, {version}", _time(_wire_caller(url, version), rounds, warmup), True)
            for version in ("2026-07-28", "2025-11-25")
        )
        for mode in ("2026-07-28", "legacy"):
            _report(f"SDK client, {mode}", _time_sdk(url, mode, rounds // 2, warmup), False)
        verdict = "met" if worst <= TARGET else "missed"
        print(f"\nwire: largest ratio {worst:.2f}, target <= {TARGET} {verdict}")
    except Exception as error:
        if child.poll() is not None:
            raise SystemExit(f"bench: the server process ended with exit code {child.returncode}") from error
        raise
    finally:
        child.terminate()
        child.wait()
        sock.close()


if __name__ == "__main__":
    main()
