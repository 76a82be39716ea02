"""Reloading without loss: re-read changed policy files, keep serving the old terms when a new file is bad.

A reload builds a complete new state for each changed file and swaps the registry's mapping in one
assignment. An invalid file is logged with its location and changes nothing. Triggers: SIGHUP, and,
with --watch, a poll of the files once a second (stdlib only: no file-system notification library, and
it works on every file system, network mounts included).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import anyio

from shopterms.policy.loader import PolicyError
from shopterms.server.state import Fingerprint, ShopRegistry, ShopState, load_state, policy_files

logger = logging.getLogger("shopterms.server")


@dataclass(frozen=True)
class ReloadOutcome:
    """What one reload did, by shop id."""

    reloaded: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)


def describe(error: PolicyError) -> str:
    """Every error diagnostic of a failed load, one located line each."""
    lines = [d.headline for d in error.result.diagnostics if d.severity == "error"]
    return "\n".join(lines) or str(error)


def _files(registry: ShopRegistry) -> dict[str, Path]:
    """The policy file of every shop (a registry read from a store has none: its watcher reloads it)."""
    if registry.directory and registry.source is not None:
        return {path.stem: path for path in policy_files(registry.source)}
    return {shop_id: state.path for shop_id, state in registry.states.items() if state.path is not None}


def _shop_url(registry: ShopRegistry, shop_id: str) -> str | None:
    if registry.public_url is None or not registry.directory:
        return registry.public_url
    return f"{registry.public_url.rstrip('/')}/shops/{shop_id}"


def changed(registry: ShopRegistry, failed: Mapping[str, Fingerprint | None]) -> bool:
    """True when a file differs from what is served (or from its last failed version), or a file is new."""
    for shop_id, path in _files(registry).items():
        fingerprint = Fingerprint.of(path)
        state = registry.get(shop_id)
        if shop_id in failed:
            if fingerprint != failed[shop_id]:
                return True
        elif state is None or fingerprint != state.fingerprint:
            return True
    return False


class Reloader:
    """Reloads a registry on demand; remembers failed versions so a bad file is reported once."""

    def __init__(self, registry: ShopRegistry) -> None:
        self.registry = registry
        self._failed: dict[str, Fingerprint | None] = {}

    def reload(self, *, force: bool = False) -> ReloadOutcome:
        """Re-read changed files (all when forced) and swap in the valid ones; a bad file never raises."""
        outcome = ReloadOutcome()
        states: dict[str, ShopState] = dict(self.registry.states)
        errors = dict(self.registry.errors)
        for shop_id, path in _files(self.registry).items():
            fingerprint = Fingerprint.of(path)
            current = states.get(shop_id)
            same = current is not None and fingerprint == current.fingerprint and shop_id not in self._failed
            if not force and (same or (shop_id in self._failed and self._failed[shop_id] == fingerprint)):
                outcome.unchanged.append(shop_id)
                continue
            try:
                states[shop_id] = load_state(path, shop_id, _shop_url(self.registry, shop_id))
            except PolicyError as error:
                message = describe(error)
            except OSError as error:
                message = f"{path}: cannot be read ({error.strerror or error})"
            else:
                outcome.reloaded.append(shop_id)
                errors.pop(shop_id, None)
                self._failed.pop(shop_id, None)
                logger.info("reloaded %s from %s", shop_id, path)
                continue
            self._failed[shop_id] = fingerprint
            errors[shop_id] = message
            outcome.failed[shop_id] = message
            kept = "the previous terms keep serving" if current is not None else "not served"
            logger.error("reload of %s failed; %s:\n%s", shop_id, kept, message)
        if outcome.reloaded:
            self.registry.replace(states)
        self.registry.errors = MappingProxyType(errors)
        return outcome

    def pending(self) -> bool:
        return changed(self.registry, self._failed)

    async def reload_in_thread(self, *, force: bool = False) -> ReloadOutcome:
        # Parsing YAML and rendering take milliseconds of CPU; off the event loop, requests keep flowing.
        return await anyio.to_thread.run_sync(lambda: self.reload(force=force))

    async def watch(self, interval: float = 1.0) -> None:
        """Poll the files every `interval` seconds and reload what changed; runs until cancelled."""
        while True:
            await asyncio.sleep(interval)
            if self.pending():
                await self.reload_in_thread()

    def install_sighup(self) -> bool:
        """Reload every file on SIGHUP; False where signals cannot be handled (off the main thread)."""
        sighup = getattr(signal, "SIGHUP", None)
        if sighup is None:
            return False
        loop = asyncio.get_running_loop()
        tasks: set[asyncio.Task[ReloadOutcome]] = set()

        def on_sighup() -> None:
            logger.info("SIGHUP: reloading")
            task = loop.create_task(self.reload_in_thread(force=True))
            tasks.add(task)  # keep a reference until done, so the task is not collected early
            task.add_done_callback(tasks.discard)

        try:
            loop.add_signal_handler(sighup, on_sighup)
        except (ValueError, RuntimeError, NotImplementedError):
            return False
        return True

    def remove_sighup(self) -> None:
        sighup = getattr(signal, "SIGHUP", None)
        if sighup is not None:
            with contextlib.suppress(ValueError, RuntimeError, NotImplementedError):
                asyncio.get_running_loop().remove_signal_handler(sighup)
