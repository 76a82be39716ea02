"""Order ids as the store keeps them: a keyed hash (HMAC-SHA-256 under the store's evidence key), never
the id itself.

Order numbers are short and sequential (#1001, #1002, …), so a plain hash of one is found by trying
them all; under a secret key it is not. The key lives outside the database (a file of its own, see
store.evidence.keys): whoever reads the store without it cannot tell which order a record belongs to.
The same key always gives the same hash, which is what lets a second export update the parcels of the
first instead of counting them twice. Hashes are truncated to 128 bits (32 hex digits): collisions
among even billions of orders stay out of reach.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Final

KEY_BYTES: Final = 32
_DIGEST: Final = "sha256"
_HASH_BYTES: Final = 16


def order_key(key: bytes, order_id: str) -> str:
    """The keyed hash of an order id."""
    return hmac.digest(key, b"order\x1f" + order_id.encode("utf-8"), _DIGEST)[:_HASH_BYTES].hex()


def parcel_key(key: bytes, order_id: str, parcel: str) -> str:
    """The keyed hash of one parcel of an order (the record's identity in the store)."""
    message = b"parcel\x1f" + order_id.encode("utf-8") + b"\x1f" + parcel.encode("utf-8")
    return hmac.digest(key, message, _DIGEST)[:_HASH_BYTES].hex()


class KeyedHashes:
    """order_key and parcel_key under one key, for millions of ids: HMAC computed from SHA-256 states
    that have already taken the padded key (RFC 2104), which gives the same digest at half the cost of
    `hmac.digest`, since each call there sets the key up again."""

    _BLOCK: Final = 64

    def __init__(self, key: bytes) -> None:
        padded = (hashlib.sha256(key).digest() if len(key) > self._BLOCK else key).ljust(self._BLOCK, b"\0")
        self._inner = hashlib.sha256(bytes(byte ^ 0x36 for byte in padded))
        self._outer = hashlib.sha256(bytes(byte ^ 0x5C for byte in padded))

    def _digest(self, message: bytes) -> str:
        inner = self._inner.copy()
        inner.update(message)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.digest()[:_HASH_BYTES].hex()

    def order_key(self, order_id: str) -> str:
        return self._digest(b"order\x1f" + order_id.encode("utf-8"))

    def parcel_key(self, order_id: str, parcel: str) -> str:
        return self._digest(b"parcel\x1f" + order_id.encode("utf-8") + b"\x1f" + parcel.encode("utf-8"))


def key_id(key: bytes) -> str:
    """A fingerprint of the key (not the key): the store records it per shop, so records hashed under
    another key are refused instead of silently counted twice."""
    return hmac.digest(key, b"shopterms evidence key id", _DIGEST)[:8].hex()
