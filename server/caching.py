"""Rendered bytes with their validators, and the conditional, compressed responses built from them.

Every document is rendered once (at load, or on first request for a given query) into a `Document`:
its bytes, a strong ETag, and a gzip copy when that is worth it. A request then costs a header check
and a write: 304 when the client's If-None-Match matches, the gzip bytes when it accepts them.
"""

from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

# Below this a compressed body saves less than a packet; above it gzip pays for itself.
GZIP_MIN_BYTES = 1024
STATIC_CACHE_CONTROL = "public, max-age={max_age}"
# For answers that depend on the current time: a cache may keep them but must revalidate each time.
LIVE_CACHE_CONTROL = "no-cache"


@dataclass(frozen=True)
class Document:
    """One representation, rendered: its bytes and media type, a strong ETag, and a gzip variant."""

    body: bytes
    media_type: str
    etag: str
    gzipped: bytes | None = None

    @classmethod
    def of(cls, body: bytes | str, media_type: str, etag: str | None = None) -> Document:
        """The document rendered; its ETag names the version it belongs to when given, else its bytes."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        if etag is None:
            etag = f'"{hashlib.sha256(data).hexdigest()[:32]}"'
        packed = gzip.compress(data, compresslevel=9, mtime=0) if len(data) >= GZIP_MIN_BYTES else None
        if packed is not None and len(packed) >= len(data):
            packed = None
        return cls(data, media_type, etag, packed)

    @property
    def gzip_etag(self) -> str:
        # A strong validator names one exact byte sequence, so the gzip variant needs its own.
        return self.etag[:-1] + '-gz"'

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def accepts_gzip(request: Request) -> bool:
    """True when Accept-Encoding lists gzip (or *) without q=0."""
    for item in request.headers.get("accept-encoding", "").split(","):
        coding, _, params = item.strip().partition(";")
        if coding.strip().lower() in {"gzip", "*"}:
            quality = params.strip().lower().removeprefix("q=")
            return not (params and quality.replace("0", "").replace(".", "") == "")
    return False


def _matches(request: Request, etags: tuple[str, ...]) -> bool:
    header = request.headers.get("if-none-match")
    if header is None:
        return False
    if header.strip() == "*":
        return True
    # Weak comparison, as RFC 9110 prescribes for If-None-Match.
    offered = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return any(etag in offered for etag in etags)


def document_response(
    request: Request,
    document: Document,
    cache_control: str,
    headers: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    """The document as a response: 304 when the client has it, gzip when it accepts it and it pays."""
    use_gzip = document.gzipped is not None and accepts_gzip(request)
    etag = document.gzip_etag if use_gzip else document.etag
    common = {"ETag": etag, "Cache-Control": cache_control, **(headers or {})}
    if document.gzipped is not None:
        common["Vary"] = ", ".join(filter(None, [common.get("Vary"), "Accept-Encoding"]))
    if status_code == 200 and _matches(request, (document.etag, document.gzip_etag)):
        return Response(status_code=304, headers=common)
    if use_gzip:
        assert document.gzipped is not None
        common["Content-Encoding"] = "gzip"
        return Response(document.gzipped, status_code, common, media_type=document.media_type)
    return Response(document.body, status_code, common, media_type=document.media_type)


class DocumentMemo:
    """Rendered answers keyed by their normalised question, oldest dropped past `size` entries.

    Only successful answers are stored, and the memo lives in one state object, so a reload starts
    afresh. Requests run on the event loop, so no lock is needed.
    """

    def __init__(self, size: int = 1024) -> None:
        self.size = size
        self._items: OrderedDict[tuple[object, ...], Document] = OrderedDict()

    def peek(self, key: tuple[object, ...]) -> Document | None:
        """The stored document, without rendering one."""
        return self._items.get(key)

    def documents(self) -> list[Document]:
        """Every document kept. Called from another thread (the memory estimate), so a change on the
        event loop meanwhile may interrupt the copy; it is then tried again."""
        for _ in range(3):
            try:
                return list(self._items.values())
            except RuntimeError:  # "mutated during iteration"
                continue
        return []

    def get(self, key: tuple[object, ...], render: Callable[[], Document]) -> Document:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
            return found
        document = render()
        self._items[key] = document
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return document
