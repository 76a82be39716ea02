"""Reloading without loss: re-read changed policy files, keep serving the old terms when a new file is bad.

A reload builds a complete new state for each changed file and swaps the registry's mapping in one
assignment. An invalid file is logged with its location and changes nothing that serves: a shop keeps
its previous terms, and a shop that never had valid ones stays unavailable (503) until its file is
fixed. In a served directory a new file becomes a shop and a deleted one stops being one.

Triggers: SIGHUP (every file), and, with --watch, the file system's change events (server.file_watch):
only the files named in the events are read again, so watching costs nothing while nothing changes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import anyio

from shopterms.server.file_watch import follow_changes
from shopterms.server.state import (
    LoadProblem,
    ShopRegistry,
    ShopState,
    describe,
    policy_files,
    shop_url,
    try_load,
)
from shopterms.server.version_state import Fingerprint

__all__ = ["ReloadOutcome", "Reloader", "describe"]

logger = logging.getLogger("shopterms.server")


@dataclass(frozen=True)
class ReloadOutcome:
    """What one reload did, by shop id."""

    reloaded: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _files(registry: ShopRegistry) -> dict[str, Path]:
    """The policy file of every shop (a registry read from a store has none: its watcher reloads it)."""
    if registry.directory and registry.source is not None:
        return {path.stem: path for path in policy_files(registry.source)}
    return {shop_id: state.path for shop_id, state in registry.states.items() if state.path is not None}


def _shop_url(registry: ShopRegistry, shop_id: str) -> str | None:
    return shop_url(registry.public_url, shop_id) if registry.directory else registry.public_url


class Reloader:
    """Reloads a registry on demand; remembers failed versions (in the registry) so a bad file is reported
    once."""

    def __init__(self, registry: ShopRegistry) -> None:
        self.registry = registry

    def _unchanged(self, shop_id: str, fingerprint: Fingerprint | None, states: dict[str, ShopState]) -> bool:
        problem = self.registry.problems.get(shop_id)
        if problem is not None:
            return problem.fingerprint == fingerprint
        current = states.get(shop_id)
        return current is not None and current.fingerprint == fingerprint

    def reload(self, *, force: bool = False, only: Collection[str] | None = None) -> ReloadOutcome:
        """Re-read changed files (all when forced; only the shops named in `only` when given) and swap in
        the valid ones; a bad file never raises."""
        outcome = ReloadOutcome()
        states: dict[str, ShopState] = dict(self.registry.states)
        problems: dict[str, LoadProblem] = dict(self.registry.problems)
        files = _files(self.registry)
        if self.registry.directory:
            for shop_id in sorted((states.keys() | problems.keys()) - files.keys()):
                if only is None or shop_id in only:  # its file left the directory: so does the shop
                    states.pop(shop_id, None)
                    problems.pop(shop_id, None)
                    outcome.removed.append(shop_id)
                    logger.info("%s: its policy file is gone; no longer served", shop_id)
        for shop_id, path in files.items():
            if only is not None and shop_id not in only:
                continue
            if not force and self._unchanged(shop_id, Fingerprint.of(path), states):
                outcome.unchanged.append(shop_id)
                continue
            found = try_load(path, shop_id, _shop_url(self.registry, shop_id))
            if isinstance(found, ShopState):
                states[shop_id] = found
                problems.pop(shop_id, None)
                outcome.reloaded.append(shop_id)
                logger.info("reloaded %s from %s", shop_id, path)
                continue
            problems[shop_id] = found
            outcome.failed[shop_id] = found.message
            kept = "the previous terms keep serving" if shop_id in states else "not served"
            logger.error("reload of %s failed; %s:\n%s", shop_id, kept, found.message)
        if outcome.reloaded or outcome.removed:
            self.registry.replace(states)
        self.registry.problems = MappingProxyType(problems)
        return outcome

    def pending(self) -> bool:
        """True when a file differs from what is served (or from its last failed version), is new, or (in a
        directory) is gone."""
        files = _files(self.registry)
        states = dict(self.registry.states)
        if self.registry.directory and (states.keys() | self.registry.problems.keys()) - files.keys():
            return True
        return any(
            not self._unchanged(shop_id, Fingerprint.of(path), states) for shop_id, path in files.items()
        )

    async def reload_in_thread(
        self, *, force: bool = False, only: Collection[str] | None = None
    ) -> ReloadOutcome:
        # Parsing YAML and rendering take milliseconds of CPU; off the event loop, requests keep flowing.
        # (`only` is passed only when given: a subclass reloading from elsewhere need not take it.)
        options = {"force": force} if only is None else {"force": force, "only": only}
        return await anyio.to_thread.run_sync(lambda: self.reload(**options))

    def watched(self) -> tuple[list[Path], set[Path] | None]:
        """The folders to watch, and the files in them that matter (None: every policy file in them)."""
        if self.registry.directory and self.registry.source is not None:
            return [self.registry.source], None
        files = set(_files(self.registry).values())
        return sorted({path.parent for path in files}), files

    async def watch(self, interval: float = 1.0) -> None:
        """Reload the files the file system reports changed, each burst of changes at most `interval`
        seconds after it began; runs until cancelled."""
        folders, files = self.watched()

        async def on_change(paths: set[Path] | None) -> None:
            if self.registry.directory and paths is not None:
                await self.reload_in_thread(only={path.stem for path in paths})
            else:  # the one file, or every file of a directory when the events do not say which
                await self.reload_in_thread()

        await follow_changes(folders, files, on_change, interval)

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
