"""Addresses as the fetch sees them: parsed once, credentials split off, and redacted wherever shown.

A page address may carry a user name and password (`https://shop:secret@host/`). They are sent as
HTTP Basic credentials to that origin only, and every message, report and log names the address with
the password replaced by `***`.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from shopterms.validators.fetch.errors import FetchError, ForbiddenTarget

SCHEMES = ("http", "https")
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#@]*)@", re.ASCII)


def redact(url: str) -> str:
    """The address with its password (or a lone user token) replaced by ***, for messages and output."""
    match = _USERINFO.match(url)
    if match is None:
        return url
    user, colon, _password = match.group(2).partition(":")
    shown = f"{user}:***" if colon else "***"
    return f"{match.group(1)}{shown}@{url[match.end() :]}"


def redact_text(text: str, url: str) -> str:
    """`text` with the password of `url` removed wherever it appears (e.g. inside a library's message)."""
    password = _password(url)
    if not password:
        return text.replace(url, redact(url))
    return text.replace(url, redact(url)).replace(password, "***")


def _password(url: str) -> str:
    match = _USERINFO.match(url)
    if match is None:
        return ""
    user, colon, password = match.group(2).partition(":")
    return password if colon else user


@dataclass(frozen=True)
class Target:
    """One address to request: the URL without credentials, its origin, and its Basic credentials."""

    url: str  # without userinfo
    origin: tuple[str, str, int]
    authorization: str | None  # the Authorization header value, for this origin only

    @property
    def host(self) -> str:
        return self.origin[1]


def target_of(url: str) -> Target:
    """Parse an http(s) address; ForbiddenTarget for any other scheme, FetchError for a malformed one."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise FetchError(f"not a valid address ({error})", "url") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise ForbiddenTarget(
            f"only http and https addresses are fetched, not {scheme or 'an address without a scheme'}:"
        )
    if not parts.hostname:
        raise FetchError("not a valid address (no host name)", "url")
    host = _ascii_host(parts.hostname)
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    clean = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    authorization = None
    if parts.username is not None or parts.password is not None:
        pair = f"{unquote(parts.username or '')}:{unquote(parts.password or '')}".encode()
        authorization = "Basic " + base64.b64encode(pair).decode("ascii")
    return Target(clean, (scheme, host, port or (443 if scheme == "https" else 80)), authorization)


def _ascii_host(host: str) -> str:
    """An internationalised host name in the ASCII form that DNS and TLS use (müller.de: xn--mller-kva.de)."""
    if host.isascii():
        return host
    import idna

    try:
        return str(idna.encode(host, uts46=True).decode("ascii"))
    except idna.IDNAError as error:
        raise FetchError(f"not a valid host name ({error})", "url") from None


def request_target(url: str) -> bytes:
    """The path and query of an address as sent on the request line, non-ASCII percent-encoded."""
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return quote(target, safe="/%:@!$&'()*+,;=?-._~").encode("ascii")
