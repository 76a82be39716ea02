"""Checking a version's signature: the agent's side of store.signing.

`verify_signature` takes the content (as parsed JSON or bytes), the compact JWS with its payload
detached, and the JWK Set the shop publishes, and says verified or why not — in words, because the
answer is shown to people deciding whether to trust a document.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from shopterms.store.content import content_hash
from shopterms.store.signing import ACCEPTED_ALGORITHMS, eddsa_by_name, jws_registry


@dataclass(frozen=True)
class Verdict:
    """The outcome of a check: verified or not, why, and what was checked."""

    verified: bool
    reason: str
    hash: str | None = None
    kid: str | None = None


def _header(signature: str) -> dict[str, Any] | None:
    encoded = signature.split(".")[0]
    try:
        header = json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    except (ValueError, UnicodeDecodeError):
        return None
    return header if isinstance(header, dict) else None


def verify_signature(
    payload: bytes, signature: str, jwks: dict[str, Any], expected_hash: str | None = None
) -> Verdict:
    """Whether `signature` (compact JWS, payload detached) signs `payload` with a key of `jwks`."""
    from joserfc import jws
    from joserfc.errors import JoseError
    from joserfc.jwk import OKPKey

    digest = content_hash(payload)
    if expected_hash is not None and digest != expected_hash:
        return Verdict(
            False,
            f"the content does not match its version: its SHA-256 is {digest}, "
            f"the version is {expected_hash}",
            digest,
        )
    parts = signature.strip().split(".")
    if len(parts) != 3 or parts[1] != "":
        return Verdict(
            False, "the signature is not a compact JWS with a detached payload (header..signature)", digest
        )
    header = _header(signature)
    if header is None:
        return Verdict(False, "the signature's header is not base64url-encoded JSON", digest)
    algorithm, kid = header.get("alg"), header.get("kid")
    if algorithm not in ACCEPTED_ALGORITHMS:
        return Verdict(
            False, f"the signature uses the algorithm {algorithm!r}; versions are signed with EdDSA", digest
        )
    keys = [key for key in jwks.get("keys", []) if isinstance(key, dict)]
    matching = [key for key in keys if key.get("kid") == kid]
    if not matching:
        known = ", ".join(str(key.get("kid")) for key in keys) or "none"
        return Verdict(
            False, f"the key {kid} that made the signature is not in the key set (keys: {known})", digest, kid
        )
    try:
        public = OKPKey.import_key(matching[0])
    except (JoseError, ValueError, TypeError) as error:
        return Verdict(
            False, f"the key {kid} in the key set is not a usable Ed25519 key ({error})", digest, kid
        )
    if public.thumbprint() != kid:
        return Verdict(
            False, f"the key published as {kid} has another thumbprint ({public.thumbprint()})", digest, kid
        )
    try:
        with eddsa_by_name():
            jws.deserialize_compact(
                signature.strip(),
                public,
                algorithms=list(ACCEPTED_ALGORITHMS),
                registry=jws_registry(),
                payload=payload,
            )
    except JoseError:
        return Verdict(False, f"the signature does not match the content under key {kid}", digest, kid)
    return Verdict(True, f"signed by key {kid}", digest, kid)
