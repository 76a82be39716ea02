"""What the MCP endpoint of a directory of shops costs, with 1 shop and with many.

    python -m bench.mcp_shops [--shops 200]

Measurements with 1 shop and with N shops, each in a fresh child process:

- "endpoint": the shops are the examples, loaded once and served under N ids (so the YAML parser and
  the renderer, which cost the same with or without MCP, stay out of it); timed and measured is what
  serving MCP adds: building the endpoint(s), creating the app and starting its lifespan, and the
  resident memory (RSS) this adds (mcp is imported before). Then one tool call to the first and to the
  last shop checks that every shop answers. Two layouts: the one served (one MCP server for every
  shop) and, as the baseline, the former one (an MCP server and endpoint mounted per shop).
- "serve": `shopterms serve DIR` as a user runs it, over N policy files written to a temporary
  directory: seconds until /healthz answers, and the server's RSS then (parsing included).

The figures print with the ratio N shops / 1 shop; the target for the endpoint served is a ratio near
1 (its cost does not grow with the number of shops).
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__" and sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    # Run as a script, this file's folder would come first on the path and shadow the mcp package.
    sys.path.pop(0)

import argparse
import json
import shutil
import socket
import subprocess
import tempfile
import time
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO_ROOT / "examples").glob("*.yaml"))
CALL = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "tools/call",
    "params": {
        "name": "get_policy_summary",
        "arguments": {},
        "_meta": {
            "io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientInfo": {"name": "bench", "version": "1"},
            "io.modelcontextprotocol/clientCapabilities": {},
        },
    },
}
HEADERS = {
    "Accept": "application/json, text/event-stream",
    "Mcp-Protocol-Version": "2026-07-28",
    "Mcp-Method": "tools/call",
    "Mcp-Name": "get_policy_summary",
}


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process, in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def _per_shop_mounts(registry: Any) -> list[Any]:
    """The former layout, as the baseline: one MCP server and one endpoint mounted per shop."""
    from shopterms.server.mcp_compare import CompareScope
    from shopterms.server.mcp_http import streamable_http_endpoint
    from shopterms.server.mcp_server import create_mcp
    from shopterms.server.mounts import Mount

    mounts = []
    for shop_id in registry.shops:
        scope = CompareScope(lambda: registry.states, shop_id, lambda other: f"/shops/{other}/policy")
        server = create_mcp(lambda shop_id=shop_id: registry.only_terms(shop_id), scope)
        endpoint = streamable_http_endpoint(server)
        mounts.append(Mount(f"/shops/{shop_id}/mcp", endpoint.app, endpoint.lifespan))
    return mounts


def endpoint_child(shops: int, layout: str) -> dict[str, float]:
    import asyncio
    import dataclasses

    import httpx

    # Imported before the clock starts: the cost of importing mcp is the same for every layout and size.
    import shopterms.server.mcp_http
    import shopterms.server.mcp_server  # noqa: F401
    from shopterms.server.caching import DocumentMemo
    from shopterms.server.http_app import create_app
    from shopterms.server.mcp_mount import mcp_mounts
    from shopterms.server.state import ShopRegistry, load_state

    loaded = [load_state(path, path.stem) for path in EXAMPLES]
    states = {}
    for number in range(shops):
        shop_id = f"shop-{number:05d}"
        model = loaded[number % len(loaded)]
        states[shop_id] = dataclasses.replace(model, shop_id=shop_id, memo=DocumentMemo())
    registry = ShopRegistry(None, states, directory=True, public_url=None)

    async def run() -> dict[str, float]:
        before = rss_mb()
        started = time.perf_counter()
        mounts = _per_shop_mounts(registry) if layout == "per-shop" else mcp_mounts(registry)
        app = create_app(registry, mounts=mounts, handle_sighup=False)
        async with app.router.lifespan_context(app):
            seconds = time.perf_counter() - started
            after = rss_mb()
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
                for shop_id in (next(iter(states)), list(states)[-1]):
                    response = await client.post(f"/shops/{shop_id}/mcp/", json=CALL, headers=HEADERS)
                    assert response.status_code == 200, response.text
                    assert not response.json()["result"].get("isError"), response.text
        return {"seconds": seconds, "rss_mb": after - before}

    return asyncio.run(run())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_run(shops: int) -> dict[str, float]:
    import httpx

    directory = Path(tempfile.mkdtemp(prefix="mcp-shops-"))
    try:
        for number in range(shops):
            shutil.copyfile(EXAMPLES[number % len(EXAMPLES)], directory / f"shop-{number:05d}.yaml")
        port = _free_port()
        cli = "from shopterms.validators.cli import main; main()"
        command = [sys.executable, "-c", cli, "serve", str(directory)]
        started = time.perf_counter()
        process = subprocess.Popen(
            [*command, "--port", str(port), "--log-level", "warning"], stdout=subprocess.DEVNULL
        )
        try:
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"serve exited with {process.returncode}")
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.05)
            seconds = time.perf_counter() - started
            memory = rss_mb(process.pid)
            last = f"shop-{shops - 1:05d}"
            response = httpx.post(f"http://127.0.0.1:{port}/shops/{last}/mcp/", json=CALL, headers=HEADERS)
            assert response.status_code == 200, response.text
        finally:
            process.terminate()
            process.wait(timeout=30)
        return {"seconds": seconds, "rss_mb": memory}
    finally:
        shutil.rmtree(directory)


def child(layout: str, shops: int) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, "-m", "bench.mcp_shops", "--child", layout, "--shops", str(shops)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shops", type=int, default=200, help="the larger number of shops (default 200)")
    parser.add_argument("--child", choices=["per-shop", "shared"], help=argparse.SUPPRESS)
    parser.add_argument("--skip-serve", action="store_true", help="measure the endpoint only")
    parser.add_argument("--serve-only", action="store_true", help="measure `shopterms serve DIR` only")
    arguments = parser.parse_args()
    if arguments.child:
        print(json.dumps(endpoint_child(arguments.shops, arguments.child)))
        return
    many = arguments.shops
    print(f"{'measure':<44} {'1 shop':>10} {f'{many} shops':>12} {'ratio':>7}")
    rows: list[tuple[str, dict[str, float], dict[str, float]]] = []
    if not arguments.serve_only:
        for layout, label in (("per-shop", "one MCP server per shop (former)"), ("shared", "one for all")):
            rows.append((f"endpoint, {label}", child(layout, 1), child(layout, many)))
    if not arguments.skip_serve:
        rows.append(("serve DIR until /healthz answers", serve_run(1), serve_run(many)))
    for label, one, more in rows:
        for key, unit in (("seconds", "s"), ("rss_mb", "MB")):
            ratio = more[key] / one[key] if one[key] > 0 else float("nan")
            name = f"{label} ({unit})"
            print(f"{name:<44} {one[key]:>10.3f} {more[key]:>12.3f} {ratio:>7.2f}")


if __name__ == "__main__":
    main()
