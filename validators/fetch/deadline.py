"""One monotonic deadline for a whole fetch: every lookup, connect, read and redirect hop draws on it."""

from __future__ import annotations

import time

from shopterms.validators.fetch.errors import FetchTimeout


class Deadline:
    """The moment a fetch must be over, and how much of its time is left."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._ends = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left; FetchTimeout once none are."""
        left = self._ends - time.monotonic()
        if left <= 0:
            raise self.expired()
        return left

    def bound(self, timeout: float | None) -> float:
        """A per-operation timeout cut to what is left of the whole."""
        left = self.remaining()
        return left if timeout is None else min(timeout, left)

    def expired(self) -> FetchTimeout:
        return FetchTimeout(
            f"no complete answer within {self.seconds:g} seconds (the total time allowed, --timeout)"
        )
