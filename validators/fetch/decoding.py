"""Undoing Content-Encoding while the body arrives, never producing more than the decoded-size limit.

Each coding is a streaming decoder that hands out bounded pieces, so a few kilobytes of gzip that would
inflate to gigabytes stop at the limit after that many bytes of work, not after filling memory. Stacked
codings (`gzip, gzip`) are undone layer by layer under the same limit; unknown ones are refused.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

from shopterms.validators.fetch.errors import TooLarge, UnreadableResponse
from shopterms.validators.fetch.limits import Limits, describe_size

PIECE = 64 * 1024  # largest piece any decoder hands on at once
CODINGS = ("gzip", "deflate")  # what the fetch asks for in Accept-Encoding, and what it can undo
_ALIASES = {"x-gzip": "gzip", "identity": ""}


class _Inflater:
    """gzip or deflate (zlib-wrapped, or raw as some servers send it), in bounded pieces."""

    def __init__(self, coding: str) -> None:
        self._coding = coding
        self._wbits = 16 + zlib.MAX_WBITS if coding == "gzip" else zlib.MAX_WBITS
        self._inflate = zlib.decompressobj(self._wbits)
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        while True:
            try:
                out = self._inflate.decompress(data, PIECE)
            except zlib.error:
                if self._coding == "deflate" and not self._started:  # raw deflate without zlib header
                    self._inflate, self._started = zlib.decompressobj(-zlib.MAX_WBITS), True
                    continue
                raise UnreadableResponse(
                    f"the {self._coding} data of the answer is corrupt", "encoding"
                ) from None
            self._started = True
            if out:
                yield out
            data = self._inflate.unconsumed_tail
            if self._inflate.eof and self._inflate.unused_data:  # another gzip member follows
                data = self._inflate.unused_data
                self._inflate = zlib.decompressobj(self._wbits)
                continue
            if not data and len(out) < PIECE:
                return

    def finish(self) -> Iterator[bytes]:
        yield from self.feed(b"")


def codings_of(header: str, limits: Limits) -> list[str]:
    """The codings of a Content-Encoding header, in the order they were applied; refuses what cannot be
    undone."""
    found = []
    for raw in header.split(","):
        name = _ALIASES.get(raw.strip().lower(), raw.strip().lower())
        if not name:
            continue
        if name not in CODINGS:
            raise UnreadableResponse(
                f"the answer is compressed as {raw.strip()!r}, which shopterms does not read "
                f"(it reads {' and '.join(CODINGS)})",
                "encoding",
            )
        found.append(name)
    if len(found) > limits.max_codings:
        raise UnreadableResponse(
            f"the answer is compressed {len(found)} times over ({header.strip()}); shopterms undoes at "
            f"most {limits.max_codings}",
            "encoding",
        )
    return found


def decoded_body(wire: Iterable[bytes], codings: list[str], limits: Limits) -> bytes:
    """The body with every coding undone, read from `wire` chunks; TooLarge as soon as the wire bytes or
    any layer's output pass their limits."""
    stream: Iterator[bytes] = _capped(wire, limits.max_wire_bytes, wire_too_large(limits))
    too_large = f"the page is larger than {describe_size(limits.max_decoded_bytes)}"
    for name in reversed(codings):  # the coding applied last is undone first
        stream = _capped(
            _undone(_Inflater(name), stream),
            limits.max_decoded_bytes,
            f"{too_large} once decompressed (the max_decoded_bytes limit)",
        )
    body = bytearray()
    for piece in _capped(stream, limits.max_decoded_bytes, f"{too_large} (the max_decoded_bytes limit)"):
        body += piece
    return bytes(body)


def wire_too_large(limits: Limits) -> str:
    return f"the answer is larger than {describe_size(limits.max_wire_bytes)} (the max_wire_bytes limit)"


def _undone(layer: _Inflater, pieces: Iterable[bytes]) -> Iterator[bytes]:
    for piece in pieces:
        yield from layer.feed(piece)
    yield from layer.finish()


def _capped(pieces: Iterable[bytes], limit: int, message: str) -> Iterator[bytes]:
    total = 0
    for piece in pieces:
        total += len(piece)
        if total > limit:
            raise TooLarge(message)
        yield piece
