"""One GET under Limits: redirects followed by hand so that every hop is checked like the first.

`fetch` returns what the server answered (status, type, body) for callers that judge it themselves;
`fetch_page` (page.py) wants an HTML page and says why when it is not one.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin

from shopterms.validators.fetch.addresses import Resolver, system_resolver
from shopterms.validators.fetch.charset import DecodedText, decode_page
from shopterms.validators.fetch.deadline import Deadline
from shopterms.validators.fetch.decoding import CODINGS, codings_of, decoded_body, wire_too_large
from shopterms.validators.fetch.errors import FetchError, ForbiddenTarget, TooLarge, UnreadableResponse
from shopterms.validators.fetch.limits import DEFAULT_LIMITS, Limits
from shopterms.validators.fetch.urls import Target, redact, request_target, target_of

USER_AGENT = "shopterms (+https://shopterms.org/)"
REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class Fetched:
    """What the last hop of one GET answered, its body decoded from any Content-Encoding."""

    url: str  # the address that answered, after redirects, without credentials
    status: int
    reason: str
    content_type: str  # the media type only, lower-case
    charset: str | None  # the charset parameter of Content-Type, as sent
    headers: dict[str, str] = field(repr=False)  # lower-case names; repeated headers joined by ", "
    body: bytes = field(repr=False)

    @property
    def links(self) -> str:
        return self.headers.get("link", "")

    def decoded(self) -> DecodedText:
        """The body as text, its encoding chosen as browsers choose it."""
        return decode_page(self.body, self.charset)

    @property
    def text(self) -> str:
        return self.decoded().text


def fetch(
    url: str,
    limits: Limits = DEFAULT_LIMITS,
    *,
    accept: str = "*/*",
    resolver: Resolver = system_resolver,
) -> Fetched:
    """GET `url` under `limits`, following redirects; raises a FetchError (never anything else for a
    network, HTTP or content-coding failure). HTTP error statuses are returned, not raised."""
    import httpcore

    deadline = Deadline(limits.total_seconds)
    first = target_of(url)
    current = first
    from shopterms.validators.fetch.network import GuardedBackend

    with httpcore.ConnectionPool(
        ssl_context=_ssl_context(),
        network_backend=GuardedBackend(limits, deadline, resolver),
        max_connections=1,
        retries=0,
    ) as pool:
        for hop in range(limits.max_redirects + 1):
            try:
                answer = _get(pool, current, first, accept, limits)
            except httpcore.TimeoutException:
                raise deadline.expired() from None
            except httpcore.ConnectError as error:
                raise FetchError(f"cannot connect ({error})", "connect") from None
            except httpcore.RemoteProtocolError as error:
                raise UnreadableResponse(f"the server sent a malformed HTTP answer ({error})") from None
            except (httpcore.ReadError, httpcore.WriteError) as error:
                raise FetchError(f"the connection broke off ({error or 'closed'})", "connect") from None
            except httpcore.UnsupportedProtocol as error:
                raise FetchError(f"not a valid address ({error})", "url") from None
            except ForbiddenTarget as error:
                if hop == 0:
                    raise
                raise ForbiddenTarget(f"the server redirected to {current.url[:200]}: {error}") from None
            if isinstance(answer, Fetched):
                return answer
            current = _next_hop(answer, current, hop, limits)
    raise FetchError(f"more than {limits.max_redirects} redirects (the max_redirects limit)", "redirects")


def _get(pool: object, current: Target, first: Target, accept: str, limits: Limits) -> Fetched | str:
    """One request; the Fetched answer, or the Location of a redirect."""
    import httpcore

    assert isinstance(pool, httpcore.ConnectionPool)
    headers = [
        (b"Host", _host_header(current).encode("ascii")),
        (b"User-Agent", USER_AGENT.encode()),
        (b"Accept", accept.encode()),
        (b"Accept-Encoding", ", ".join(CODINGS).encode()),
    ]
    if first.authorization and current.origin == first.origin:  # never to another origin
        headers.append((b"Authorization", first.authorization.encode()))
    scheme, host, port = current.origin
    url = httpcore.URL(
        scheme=scheme.encode(), host=host.encode(), port=port, target=request_target(current.url)
    )
    with pool.stream("GET", url, headers=headers) as response:
        received = _headers(response.headers)
        if response.status in REDIRECTS and "location" in received:
            return received["location"]
        length = received.get("content-length", "")
        if length.isdigit() and int(length) > limits.max_wire_bytes:
            raise TooLarge(wire_too_large(limits))
        codings = codings_of(received.get("content-encoding", ""), limits)
        chunks: Iterator[bytes] = response.iter_stream()  # type: ignore[attr-defined]
        body = decoded_body(chunks, codings, limits)
    media, _, parameters = received.get("content-type", "").partition(";")
    reason = response.extensions.get("reason_phrase", b"")
    return Fetched(
        url=current.url,
        status=response.status,
        reason=reason.decode("latin-1", errors="replace") if isinstance(reason, bytes) else "",
        content_type=media.strip().lower(),
        charset=_charset(parameters),
        headers=received,
        body=body,
    )


def _next_hop(location: str, current: Target, hop: int, limits: Limits) -> Target:
    if hop >= limits.max_redirects:
        raise FetchError(f"more than {limits.max_redirects} redirects (the max_redirects limit)", "redirects")
    address = urljoin(current.url, location.strip())
    try:
        return target_of(address)
    except ForbiddenTarget as error:
        raise ForbiddenTarget(f"the server redirected to {redact(address)[:200]}: {error}") from None
    except FetchError as error:
        raise FetchError(f"the server redirected to an invalid address: {error}", "redirects") from None


def _host_header(target: Target) -> str:
    scheme, host, port = target.origin
    shown = f"[{host}]" if ":" in host else host
    return shown if port == (443 if scheme == "https" else 80) else f"{shown}:{port}"


def _headers(raw: list[tuple[bytes, bytes]]) -> dict[str, str]:
    joined: dict[str, str] = {}
    for name, value in raw:
        key, text = name.decode("latin-1").lower(), value.decode("latin-1")
        joined[key] = f"{joined[key]}, {text}" if key in joined else text
    return joined


def _charset(parameters: str) -> str | None:
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').strip("'") or None
    return None


_CONTEXT: list[ssl.SSLContext] = []


def _ssl_context() -> ssl.SSLContext:
    """One verifying TLS context per process (building it reads the CA bundle)."""
    if not _CONTEXT:
        import certifi

        _CONTEXT.append(ssl.create_default_context(cafile=certifi.where()))
    return _CONTEXT[0]
