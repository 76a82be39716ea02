"""The downstream stage: valid policies through every command, endpoint and tool (see each stage).

Clean inputs are handled in batches: each batch is one directory, served by one HTTP app and one MCP
server; every file of it also runs through the CLI, and one file (of every fourth batch; of every
batch in the long bench) is served alone too.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from shopterms.policy.loader import read_policy
from shopterms.server.state import open_registry
from tests.fuzz.cli_stage import Asked, run_cli
from tests.fuzz.http_stage import serve_and_ask
from tests.fuzz.inputs import FuzzInput
from tests.fuzz.mcp_stage import call_every_tool

BATCH = 25


def run_downstream(
    clean: list[FuzzInput],
    everything: bool = False,
    broken: list[FuzzInput] | None = None,
    all_values: bool = False,
) -> tuple[int, list[str]]:
    """Every clean input through the CLI, the HTTP API and the MCP server: calls made and faults.

    `everything`: every command for every file, and every file also served alone (the long bench);
    otherwise the costly commands take turns. `all_values`: every destination, moment and day, and
    every value of every parameter, instead of one of each in turn. The inputs behind the faults are
    added to `broken` when it is given."""
    calls, faults = 0, []
    for start in range(0, len(clean), BATCH):
        batch = clean[start : start + BATCH]
        batch_calls, batch_faults = _batch(batch, start, everything, all_values)
        calls += batch_calls
        faults += batch_faults
        if broken is not None:
            broken += _behind(batch, start, batch_faults)
    return calls, faults


def _behind(batch: list[FuzzInput], first: int, faults: list[str]) -> list[FuzzInput]:
    """The inputs a batch's faults name (shop-N, or their origin); the whole batch when none is named."""
    named = {int(number) for fault in faults for number in re.findall(r"shop-(\d+)", fault)}
    found = [item for offset, item in enumerate(batch) if first + offset in named]
    found += [item for item in batch if any(fault.startswith(item.origin) for fault in faults)]
    return list(dict.fromkeys(found)) or (batch if faults else [])


def _batch(batch: list[FuzzInput], first: int, everything: bool, all_values: bool) -> tuple[int, list[str]]:
    calls, faults = 0, []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "shops"
        folder.mkdir()
        origins = {}
        for offset, item in enumerate(batch):
            path = folder / f"shop-{first + offset}.yaml"
            path.write_bytes(item.data)
            origins[path.stem] = item.origin
        for offset, path in enumerate(sorted(folder.glob("*.yaml"))):
            work = Path(scratch) / f"work-{offset}"
            work.mkdir()
            asked = Asked(path, read_policy(path), work, first + offset, everything, all_values)
            made, found = run_cli(asked)
            calls += made
            faults += [f"{origins[path.stem]}: {fault}" for fault in found]
        registry = open_registry(folder)
        sources = [registry]
        if everything or first % (4 * BATCH) == 0:
            sources.append(open_registry(sorted(folder.glob("*.yaml"))[0]))  # one file, served at the root
        for served in sources:
            made, found = serve_and_ask(served, all_values, first)
            calls += made
            faults += [f"HTTP ({served.source.name}): {fault}" for fault in found]
        made, found = call_every_tool(registry, all_values, first)
        calls += made
        faults += [f"MCP: {fault}" for fault in found]
    return calls, faults
