"""Progress of a run over many shops, on standard error: a bar on a terminal, plain lines otherwise.

On a terminal the bar is click's (click is already how the CLI talks to people; nothing to add). In a
log (CI, a pipe, a file) a bar would be a stream of carriage returns, so a line such as
`publish: 1200/5000 shops (3 failed)` is written each time another tenth of the shops is done, at
least every `every_seconds` while shops keep finishing, and once at the end.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, TextIO

import click

LINE_EVERY_SECONDS = 10.0


class Progress:
    """Counts finished shops and shows the count; use as a context manager around the run."""

    def __init__(
        self,
        command: str,
        total: int,
        *,
        stream: TextIO | None = None,
        every_seconds: float = LINE_EVERY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.command = command
        self.total = total
        self.done = 0
        self.failed = 0
        self._stream = stream if stream is not None else sys.stderr
        self._every = every_seconds
        self._clock = clock
        self._last_time = clock()
        self._last_done = 0
        self._step = max(1, -(-total // 10))  # a line per tenth (rounded up), never every shop of many
        self._bar: Any = None

    def __enter__(self) -> Progress:
        if self._stream.isatty():
            self._bar = click.progressbar(
                length=self.total,
                label=self.command,
                file=self._stream,
                show_pos=True,
                item_show_func=self._failed_text,
            ).__enter__()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, error, trace)
        elif kind is None and self.done != self._last_done:
            self._line()

    def advance(self, failed: bool) -> None:
        """One more shop is finished; `failed` when it did not make it."""
        self.done += 1
        self.failed += failed
        if self._bar is not None:
            self._bar.update(1, self.failed)
            return
        crossed = self.done // self._step != self._last_done // self._step
        if crossed or self.done == self.total or self._clock() - self._last_time >= self._every:
            self._line()

    def _failed_text(self, failed: int | None) -> str | None:
        return f"{failed} failed" if failed else None

    def _line(self) -> None:
        self._last_done = self.done
        self._last_time = self._clock()
        print(
            f"{self.command}: {self.done}/{self.total} shops ({self.failed} failed)",
            file=self._stream,
            flush=True,
        )
