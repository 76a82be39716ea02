"""Which version is in force at a moment: the latest `effective_from` at or before it, and among equal
moments the latest publication.

Pure and cheap (a binary search over a sorted tuple), so the server asks it on every request and a
version scheduled for a future moment takes over at that instant, without a reload or a restart.
Ordering never reads the publication clock: versions are numbered by the store in the order they were
committed, so a clock that went backwards cannot reorder them.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable

from shopterms.store.records import VersionInfo

IN_FORCE = "in force"
SCHEDULED = "scheduled"
SUPERSEDED = "superseded"


class BeforeFirstVersionError(LookupError):
    """The moment asked about lies before the shop's first version took effect."""

    def __init__(self, shop: str, moment: dt.datetime, first: dt.datetime) -> None:
        self.shop = shop
        self.moment = moment
        self.first = first
        super().__init__(
            f"{shop} published no terms in force at {moment.isoformat()}; its first version takes effect "
            f"at {first.isoformat()}"
        )


class Timeline:
    """A shop's versions in the order they take over."""

    def __init__(self, shop: str, versions: Iterable[VersionInfo]) -> None:
        self.shop = shop
        items = list(versions)
        if any(item.effective_from is None for item in items):
            # Terms served from a file: one version, in force at any moment.
            if len(items) != 1:
                raise ValueError("a timeline without dates holds exactly one version")
            self.versions: tuple[VersionInfo, ...] = tuple(items)
            self._starts: list[dt.datetime] = []
        else:
            self.versions = tuple(sorted(items, key=lambda item: item.order))
            self._starts = [item.order[0] for item in self.versions]

    @property
    def undated(self) -> bool:
        """True for terms served from a file: the one version answers for every moment."""
        return not self._starts

    @property
    def latest(self) -> VersionInfo:
        """The most recent publication (which may be scheduled)."""
        if self.undated:
            return self.versions[0]
        return max(self.versions, key=lambda item: item.number or 0)

    def in_force(self, moment: dt.datetime) -> VersionInfo:
        """The version in force at `moment`; raises BeforeFirstVersionError before the first one."""
        if self.undated:
            return self.versions[0]
        index = bisect.bisect_right(self._starts, moment)
        if index == 0:
            raise BeforeFirstVersionError(self.shop, moment, self._starts[0])
        return self.versions[index - 1]

    def next_change(self, moment: dt.datetime) -> dt.datetime | None:
        """When the version in force next changes after `moment` (a scheduled version), or None."""
        index = bisect.bisect_right(self._starts, moment)
        return self._starts[index] if index < len(self._starts) else None

    def status(self, version: VersionInfo, moment: dt.datetime) -> str:
        """in force, scheduled or superseded, as seen at `moment`."""
        if self.undated:
            return IN_FORCE
        assert version.effective_from is not None
        if version.effective_from > moment:
            return SCHEDULED
        try:
            return IN_FORCE if self.in_force(moment) is version else SUPERSEDED
        except BeforeFirstVersionError:
            return SCHEDULED

    def by_hash(self, prefix: str) -> list[VersionInfo]:
        """Versions whose hash starts with `prefix`, latest publication first."""
        found = [item for item in self.versions if item.hash.startswith(prefix.lower())]
        return sorted(found, key=lambda item: item.number or 0, reverse=True)
