"""Checking that served or saved terms are what the shop signed: the agent's side of `publish --sign`.

A served answer names its version (ETag, `version`) and links the version's signature
(`Link: <…/versions/{hash}/signature>; rel="signature"`); the shop's keys are at
`/.well-known/jwks.json` beside `/versions`. The check fetches what it needs, rebuilds the RFC 8785
canonical bytes of the policy, and lets store.verification judge the JWS. Every fetch goes through the
guarded fetcher (validators.fetch) under the command's limits.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urljoin

from pydantic import BaseModel, Field

from shopterms.store.content import canonical_bytes, content_hash
from shopterms.store.verification import verify_signature
from shopterms.validators.fetch import FetchError, Limits, fetch, is_url

Outcome = Literal["verified", "not-signed", "does-not-verify"]
_LINK = re.compile(r"<([^>]*)>\s*((?:;\s*[^;,]+)*)")
_HASH = re.compile(r"^[0-9a-f]{64}$")
_SIGNATURE_PATH = re.compile(r"/versions/([0-9a-f]{64})/signature$")


class VerifyReport(BaseModel):
    """The verdict on one document, and what it was reached from."""

    outcome: Outcome = Field(description="verified, not-signed or does-not-verify.")
    reason: str = Field(description="Why, in words.")
    source: str = Field(description="The address or file checked.")
    version: str | None = Field(default=None, description="Content hash of the version checked.")
    key_id: str | None = Field(default=None, description="Key that made the signature.")
    signature: str | None = Field(default=None, description="Where the signature was read.")
    keys: str | None = Field(default=None, description="Where the keys were read.")


class VerifyInputError(Exception):
    """What was given cannot be checked at all (unreadable, not JSON, not terms): exit 2."""


@dataclass(frozen=True)
class Terms:
    """The policy found, the version it claims to be, and where its signature is (if anywhere)."""

    policy: dict[str, Any]
    version: str | None
    signature_url: str | None


def _get(url: str, limits: Limits, accept: str = "application/json") -> tuple[int, dict[str, str], bytes]:
    """One guarded GET (the only network access here): status, lower-case headers, body."""
    try:
        answer = fetch(url, limits, accept=accept)
    except FetchError as error:
        raise VerifyInputError(f"cannot fetch {url}: {error}") from None
    return answer.status, answer.headers, answer.body


def _links(header: str, base: str) -> dict[str, str]:
    """rel → absolute address, from a Link header."""
    found = {}
    for target, parameters in _LINK.findall(header):
        match = re.search(r'rel\s*=\s*"?([^";]+)"?', parameters)
        if match:
            for rel in match.group(1).split():
                found.setdefault(rel.lower(), urljoin(base, target))
    return found


def _json(body: bytes, where: str) -> Any:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise VerifyInputError(f"{where} is not JSON") from None


def _etag_version(etag: str | None) -> str | None:
    text = (etag or "").removeprefix("W/").strip('"').split("-")[0]
    return text if _HASH.match(text) else None


def _terms_of(document: Any, etag: str | None, signature_url: str | None, where: str) -> Terms:
    """The policy and version named by a version document ({hash, policy, signature}) or a policy."""
    if not isinstance(document, dict):
        raise VerifyInputError(f"{where} is not a policy or a version of one")
    if isinstance(document.get("policy"), dict) and isinstance(document.get("hash"), str):
        link = document.get("signature") if isinstance(document.get("signature"), str) else None
        return Terms(document["policy"], document["hash"], signature_url or link)
    if isinstance(document.get("shop"), dict) and not isinstance(document.get("version"), dict):
        return Terms(document, _etag_version(etag), signature_url)
    raise VerifyInputError(
        f"{where} is neither a policy (/policy) nor a version of one (/versions/{{hash}}); "
        "give the address of one of those"
    )


def _answer_version(document: Any) -> str | None:
    """The version an answer names ({"version": {"hash": …}}), if it is one."""
    version = document.get("version") if isinstance(document, dict) else None
    found = version.get("hash") if isinstance(version, dict) else None
    return found if isinstance(found, str) and _HASH.match(found) else None


def terms_from_url(url: str, limits: Limits) -> Terms:
    status, headers, body = _get(url, limits)
    if status >= 400:
        raise VerifyInputError(f"{url} answered {status}")
    signature_url = _links(headers.get("link", ""), url).get("signature")
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        document = None  # a page, llms.txt: only its headers name the version
    if _is_terms(document):
        return _terms_of(document, headers.get("etag"), signature_url, url)
    # Anything else the server says about a version (an answer, the JSON-LD, a page): check the version it
    # names, which is served beside its signature.
    if signature_url is not None:
        return terms_from_url(signature_url.removesuffix("/signature"), limits)
    named = _answer_version(document) or _etag_version(headers.get("etag"))
    if named is None:
        raise VerifyInputError(
            f"{url} names no version of a shop's terms (no ETag, no version, no signature)"
        )
    return Terms({}, named, None)


def _is_terms(document: Any) -> bool:
    """A policy, or a version document holding one."""
    if not isinstance(document, dict):
        return False
    if isinstance(document.get("policy"), dict) and isinstance(document.get("hash"), str):
        return True
    return isinstance(document.get("shop"), dict) and not isinstance(document.get("version"), dict)


def terms_from_file(path: Path) -> Terms:
    try:
        body = path.read_bytes()
    except OSError as error:
        raise VerifyInputError(f"cannot read {path}: {error.strerror or error}") from None
    return _terms_of(_json(body, str(path)), None, None, str(path))


def _text(source: str, limits: Limits, accept: str) -> tuple[int, str]:
    if is_url(source):
        status, _, body = _get(source, limits, accept)
        return status, body.decode("utf-8", errors="replace")
    try:
        return 200, Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise VerifyInputError(f"cannot read {source}: {error}") from None


def _keys_beside(signature_url: str) -> str | None:
    """The shop's JWKS address, beside the /versions that holds the signature."""
    match = _SIGNATURE_PATH.search(signature_url)
    return None if match is None else signature_url[: match.start()] + "/.well-known/jwks.json"


def verify(
    target: str, limits: Limits, *, signature: str | None = None, jwks: str | None = None
) -> VerifyReport:
    """Check `target` (a served /policy or /versions/{hash}, or a saved copy of either)."""
    terms = terms_from_url(target, limits) if is_url(target) else terms_from_file(Path(target))
    signature_source = signature or terms.signature_url
    digest = content_hash(canonical_bytes(terms.policy)) if terms.policy else None
    report = VerifyReport(outcome="not-signed", reason="", source=target, version=terms.version or digest)
    if signature_source is None:
        reason = 'no signature is published for this version (no Link rel="signature", no --signature)'
        return report.model_copy(update={"reason": reason})
    status, value = _text(signature_source, limits, "application/jose")
    if status == 404:
        return report.model_copy(
            update={"reason": f"{signature_source} answered 404: the version is not signed"}
        )
    if status >= 400:
        raise VerifyInputError(f"{signature_source} answered {status}")
    keys_source = jwks or _keys_beside(signature_source)
    if keys_source is None:
        raise VerifyInputError("where the shop's keys are is not known; give --jwks URL|FILE")
    keys_status, keys_text = _text(keys_source, limits, "application/jwk-set+json, application/json")
    if keys_status >= 400:
        raise VerifyInputError(f"{keys_source} answered {keys_status}")
    key_set = _json(keys_text.encode("utf-8"), keys_source)
    if not isinstance(key_set, dict):
        raise VerifyInputError(f"{keys_source} is not a JWK Set")
    verdict = verify_signature(canonical_bytes(terms.policy), value.strip(), key_set, terms.version)
    return report.model_copy(
        update={
            "outcome": "verified" if verdict.verified else "does-not-verify",
            "reason": verdict.reason,
            "key_id": verdict.kid,
            "signature": signature_source,
            "keys": keys_source,
        }
    )
