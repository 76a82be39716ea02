"""The evidence key: the secret that order ids are hashed under (see policy.evidence.hashing).

It is kept in a file of its own, outside the database (mode 0600, 64 hex digits): whoever has the store
but not the key cannot tell which order a record is. It is created on the first ingest; the store
records its fingerprint per shop, and an ingest under another key is refused, because the same orders
would then hash differently and be counted twice. Keep the file with the store's backups.

    --key FILE, else $SHOPTERMS_EVIDENCE_KEY, else evidence.key beside a SQLite store
    (.shopterms/evidence.key by default), or .shopterms/evidence.key in the current directory.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import insert, select

from shopterms.policy.evidence.hashing import KEY_BYTES, key_id
from shopterms.store.errors import StoreError
from shopterms.store.evidence.tables import evidence_keys
from shopterms.store.location import DEFAULT_DIRECTORY, StoreLocation
from shopterms.store.moments import to_us, utc_now

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

KEY_VARIABLE = "SHOPTERMS_EVIDENCE_KEY"
KEY_FILE = "evidence.key"
_FILE_MODE = 0o600


class EvidenceKeyError(StoreError):
    """The key file cannot be read or made, or it is not the key a shop's records were hashed with."""


def default_key_path(location: StoreLocation) -> Path:
    chosen = os.environ.get(KEY_VARIABLE)
    if chosen:
        return Path(chosen)
    if location.path is not None:
        return location.path.parent / KEY_FILE
    return Path(DEFAULT_DIRECTORY) / KEY_FILE


def read_key(path: Path) -> bytes:
    """The key in `path`; EvidenceKeyError when it is missing or not 64 hex digits."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        raise EvidenceKeyError(
            f"there is no evidence key at {path}",
            "the key that hashed the records is needed; name it with --key or $SHOPTERMS_EVIDENCE_KEY",
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise EvidenceKeyError(f"cannot read the evidence key {path}", str(error)) from None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise EvidenceKeyError(
            f"{path} is not an evidence key", f"an evidence key file holds {KEY_BYTES * 2} hex digits"
        )
    return key


def key_or_new(path: Path) -> tuple[bytes, bool]:
    """The key in `path`, or a new one written there (mode 0600); True when it was created."""
    if path.exists():
        return read_key(path), False
    key = secrets.token_bytes(KEY_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _FILE_MODE)
    except FileExistsError:
        return read_key(path), False  # another ingest created it meanwhile
    except OSError as error:
        raise EvidenceKeyError(f"cannot create the evidence key {path}", str(error)) from None
    with os.fdopen(descriptor, "w", encoding="ascii") as stream:
        stream.write(key.hex() + "\n")
    return key, True


def key_is_private(path: Path) -> bool:
    try:
        return not path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    except OSError:
        return True


def bind_key(connection: Connection, shop: str, key: bytes, path: Path) -> None:
    """Record the key's fingerprint for a shop on its first ingest; refuse another key afterwards."""
    fingerprint = key_id(key)
    known = connection.execute(
        select(evidence_keys.c.key_id).where(evidence_keys.c.shop_id == shop)
    ).scalar_one_or_none()
    if known is None:
        connection.execute(
            insert(evidence_keys).values(shop_id=shop, key_id=fingerprint, created_us=to_us(utc_now()))
        )
    elif known != fingerprint:
        raise EvidenceKeyError(
            f"the records of {shop} were hashed with another evidence key (fingerprint {known}); "
            f"{path} has fingerprint {fingerprint}",
            "use the key file the shop's records were made with: under another key the same orders "
            "would be counted twice",
        )


def shop_key_id(connection: Connection, shop: str) -> str | None:
    return connection.execute(
        select(evidence_keys.c.key_id).where(evidence_keys.c.shop_id == shop)
    ).scalar_one_or_none()
