"""One shop's terms over time: its versions in force order, each version's state loaded when first asked.

The version answering a request is chosen on every request from the clock (or the moment asked
about), so a scheduled version takes over at its instant without a reload. Versions never change, so
a loaded state is kept for as long as the shop is served and carried over when new versions arrive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from shopterms.server.version_state import ShopState
from shopterms.store.moments import utc_now
from shopterms.store.records import VersionEntry, VersionInfo
from shopterms.store.timeline import Timeline

Clock = Callable[[], dt.datetime]
StateLoader = Callable[[VersionInfo], ShopState]
VersionKey = tuple[int | None, str]


def _key(version: VersionInfo) -> VersionKey:
    return (version.number, version.hash)


class ShopTerms:
    """A shop's timeline of versions and the states loaded so far."""

    def __init__(
        self,
        timeline: Timeline,
        load: StateLoader,
        loaded: Mapping[VersionKey, ShopState] | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.timeline = timeline
        self.clock = clock
        self._load = load
        present = {_key(version) for version in timeline.versions}
        self._states: dict[VersionKey, ShopState] = {
            key: state for key, state in (loaded or {}).items() if key in present
        }

    @classmethod
    def of_state(cls, state: ShopState, clock: Clock = utc_now) -> ShopTerms:
        """Terms read from a file: one version, in force at any moment."""

        def never(version: VersionInfo) -> ShopState:
            raise LookupError(f"{state.shop_id} has only the version read from its file")

        return cls(Timeline(state.shop_id, [state.version]), never, {_key(state.version): state}, clock)

    @property
    def shop_id(self) -> str:
        return self.timeline.shop

    def state(self, version: VersionInfo) -> ShopState:
        """The state of one version, loaded (from the store) the first time it is asked for."""
        key = _key(version)
        found = self._states.get(key)
        if found is None:
            found = self._states[key] = self._load(version)
        return found

    def at(self, moment: dt.datetime | None = None) -> ShopState:
        """The state of the version in force at `moment` (default: now); BeforeFirstVersionError before
        the first version takes effect."""
        return self.state(self.timeline.in_force(self.clock() if moment is None else moment))

    def current(self) -> ShopState:
        return self.at()

    def next_change(self) -> dt.datetime | None:
        """When the version in force now is replaced by a scheduled one, or None."""
        return self.timeline.next_change(self.clock())

    def history(self, moment: dt.datetime | None = None) -> list[VersionEntry]:
        """Every version, newest publication first, with its status as seen at `moment` (default: now)."""
        seen = self.clock() if moment is None else moment
        versions = sorted(self.timeline.versions, key=lambda item: item.number or 0, reverse=True)
        return [version.entry(self.timeline.status(version, seen)) for version in versions]

    def with_timeline(self, timeline: Timeline) -> ShopTerms:
        """The same shop with a newer timeline, keeping the states already loaded."""
        return ShopTerms(timeline, self._load, self._states, self.clock)

    def loaded(self) -> Mapping[VersionKey, ShopState]:
        return dict(self._states)
