"""Following policy files through the file system's change events (watchfiles: inotify, FSEvents, …).

Nothing is read while nothing changes, whatever the number of files; a change is reported with the
paths it touched, so only those files are read again. Saves come in bursts (an editor writes a temporary
file and renames it over the policy file, or truncates and then writes), so events are gathered until
the folder has been quiet for a moment (`QUIET_MS`, at most `interval` seconds after the first one),
and the files are read once, whole. A change that is not a policy file's own (Kubernetes swaps a
ConfigMap's `..data` link, a backup file appears) is reported as "something changed": the caller then
compares every file's content. Where events do not arrive (some network file systems), set
WATCHFILES_FORCE_POLLING=1, or send SIGHUP.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path

from watchfiles import Change, awatch

from shopterms.server.state import is_policy_file

logger = logging.getLogger("shopterms.server")

# Milliseconds without a new event after which a burst of events counts as one change.
QUIET_MS = 50

OnChange = Callable[[set[Path] | None], Awaitable[None]]


def _relevant(files: set[Path] | None) -> Callable[[Change, str], bool]:
    """Which events matter: policy files (those of `files` when given), and links swapped under them."""

    def relevant(change: Change, name: str) -> bool:
        path = Path(name)
        if path.name.startswith(".."):  # a ConfigMap-style swap of the folder's contents
            return True
        if files is not None:
            return path in files
        return not path.name.startswith(".")  # editors' lock and swap files are hidden

    return relevant


def changed_files(paths: Iterable[Path]) -> set[Path] | None:
    """The policy files a batch of events names, or None when it names anything else too."""
    found = set(paths)
    return found if all(is_policy_file(path) for path in found) else None


async def follow_changes(
    folders: list[Path], files: set[Path] | None, on_change: OnChange, interval: float
) -> None:
    """Call `on_change` with the changed policy files (or None: compare them all) after each burst of
    events in `folders`; runs until cancelled. With `files`, only those files are followed."""
    roots = [folder.absolute() for folder in folders]
    wanted = None if files is None else {path.absolute() for path in files} | {p.resolve() for p in files}
    if wanted is not None:
        roots = sorted({*roots, *(path.parent for path in wanted)})
    stop = threading.Event()
    debounce = max(1, round(interval * 1000))

    async def follow() -> None:
        async for changes in awatch(
            *roots,
            watch_filter=_relevant(wanted),
            debounce=debounce,
            step=min(QUIET_MS, debounce),
            recursive=False,
            stop_event=stop,  # checked by the watching thread every `step`
        ):
            paths = {Path(name) for _, name in changes}
            logger.debug("file system changes: %s", sorted(map(str, paths)))
            await on_change(None if wanted is None and changed_files(paths) is None else paths)

    async def follow_or_report() -> None:
        try:
            await follow()
        except Exception as error:  # e.g. the system's limit of watches reached
            logger.error("watching %s failed (%s); changes are taken up on SIGHUP only", roots, error)

    task = asyncio.ensure_future(follow_or_report())
    try:
        # Shielded: the watching thread cannot be interrupted, so a cancel stops it through `stop`.
        await asyncio.shield(task)
    except asyncio.CancelledError:
        stop.set()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
        raise
