"""A version's content: the RFC 8785 canonical JSON of the canonical policy model, and its SHA-256.

The canonical model already spells out every shorthand and default, so two files that mean the same
terms give the same model; RFC 8785 (JSON Canonicalization Scheme) then fixes key order, number form
and escaping, so they give the same bytes and the same hash. The hash names the version everywhere: in
the store, in URLs (/versions/{hash}), in ETags and in the JSON-LD. The bytes are what a version's
signature covers.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import rfc8785

from shopterms.policy.model import Policy


def canonical_bytes(data: Any) -> bytes:
    """RFC 8785 canonical JSON of JSON-compatible data (a policy dump, or a parsed document)."""
    return rfc8785.dumps(data)


def policy_bytes(policy: Policy) -> bytes:
    """The canonical bytes of a policy: what its version hash and its signature are computed over."""
    return canonical_bytes(policy.model_dump(mode="json"))


def content_hash(canonical: bytes) -> str:
    """SHA-256 of canonical bytes, as 64 lower-case hex digits."""
    return hashlib.sha256(canonical).hexdigest()


def policy_hash(policy: Policy) -> str:
    return content_hash(policy_bytes(policy))


def policy_from_canonical(canonical: bytes | str) -> Policy:
    """The policy model back from its canonical JSON (validation only: no YAML is parsed)."""
    return Policy.model_validate(json.loads(canonical))
