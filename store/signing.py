"""Signing versions: Ed25519 keys, and a JWS with a detached payload over the version's canonical bytes.

Format (docs/history.md shows a verification by hand):

* payload: the RFC 8785 canonical JSON of the policy — the bytes whose SHA-256 is the version hash;
* JWS compact serialization (RFC 7515) with the payload detached (RFC 7515 appendix F): the signature
  is `BASE64URL(header) + ".." + BASE64URL(signature)`, and the signing input is the usual
  `BASE64URL(header) + "." + BASE64URL(payload)`, so any JWS library verifies it once the payload is
  put back in. (RFC 7797's unencoded payload was not chosen: it needs `crit` support that many
  verifiers lack, and buys nothing for a payload that is fetched separately anyway.)
* protected header: `{"alg": "EdDSA", "kid": <RFC 7638 thumbprint of the public key>}` — EdDSA with
  Ed25519 (RFC 8037). RFC 9864 names the same signature `Ed25519`; verification accepts both.

Private keys stay in a PEM file (PKCS #8, mode 0600) on the publisher's machine; only public keys
enter the store, from which the server publishes them as a JWK Set (RFC 7517).
"""

from __future__ import annotations

import os
import stat
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shopterms.store.errors import StoreError

if TYPE_CHECKING:
    from joserfc.jwk import OKPKey
    from joserfc.jws import JWSRegistry

ALGORITHM = "EdDSA"
ACCEPTED_ALGORITHMS = ("EdDSA", "Ed25519")
KEY_ENVIRONMENT_VARIABLE = "SHOPTERMS_SIGNING_KEY"
DEFAULT_KEY_PATH = Path(".shopterms") / "signing-key.pem"
KEY_FILE_MODE = 0o600
# The policy file may be up to 1 MiB; its canonical JSON must fit the JWS payload limit with room.
MAX_PAYLOAD_BYTES = 4 * 1024 * 1024


class SigningKeyError(StoreError):
    """The signing key is missing, unreadable or not an Ed25519 private key."""


@dataclass(frozen=True)
class SigningKey:
    """An Ed25519 private key, with the public half as it is published."""

    key: OKPKey
    path: Path

    @property
    def kid(self) -> str:
        return str(self.key.thumbprint())

    @property
    def public_jwk(self) -> dict[str, Any]:
        """The public key as a JWK, with its id, algorithm and use."""
        return {**self.key.as_dict(private=False), "kid": self.kid, "alg": ALGORITHM, "use": "sig"}

    def sign(self, payload: bytes) -> str:
        """A compact JWS over `payload`, with the payload detached: `header..signature`."""
        from joserfc import jws

        with eddsa_by_name():
            value = jws.serialize_compact(
                {"alg": ALGORITHM, "kid": self.kid},
                payload,
                self.key,
                algorithms=[ALGORITHM],
                registry=jws_registry(),
            )
        return str(jws.detach_content(value))


def jws_registry() -> JWSRegistry:
    from joserfc.jws import JWSRegistry

    registry = JWSRegistry(algorithms=list(ACCEPTED_ALGORITHMS))
    registry.max_payload_length = MAX_PAYLOAD_BYTES
    return registry


@contextmanager
def eddsa_by_name() -> Iterator[None]:
    """joserfc warns that RFC 9864 deprecates the name EdDSA; it is used on purpose (see above)."""
    from joserfc.errors import SecurityWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SecurityWarning)
        yield


def default_key_path() -> Path:
    return Path(os.environ.get(KEY_ENVIRONMENT_VARIABLE) or DEFAULT_KEY_PATH)


def create_key(path: Path) -> SigningKey:
    """A new Ed25519 key written to `path` (PEM, mode 0600); refuses to replace an existing file."""
    from joserfc.jwk import OKPKey

    key = OKPKey.generate_key("Ed25519")
    pem = key.as_pem(private=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, KEY_FILE_MODE)
    except FileExistsError:
        raise SigningKeyError(
            f"{path} already exists", "a key is never overwritten; name another file with --key"
        ) from None
    except OSError as error:
        raise SigningKeyError(f"cannot write {path}", error.strerror or str(error)) from None
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)
    os.chmod(path, KEY_FILE_MODE)  # whatever the umask
    return SigningKey(key, path)


def load_key(path: Path) -> SigningKey:
    """The Ed25519 private key in the PEM file at `path`; SigningKeyError says what is wrong otherwise."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed448, ed25519, rsa, x25519
    from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePrivateKey
    from joserfc.jwk import OKPKey

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SigningKeyError(
            f"there is no signing key at {path}", "create one with shopterms keys init, or name it with --key"
        ) from None
    except OSError as error:
        raise SigningKeyError(f"cannot read the signing key {path}", error.strerror or str(error)) from None
    try:
        private = serialization.load_pem_private_key(data, password=None)
    except TypeError:
        raise SigningKeyError(
            f"{path} is protected by a password", "shopterms reads unencrypted key files kept at mode 0600"
        ) from None
    except (ValueError, UnicodeDecodeError):
        raise SigningKeyError(
            f"{path} is not a PEM private key", "create an Ed25519 key with shopterms keys init"
        ) from None
    kinds = {
        rsa.RSAPrivateKey: "an RSA key",
        EllipticCurvePrivateKey: "an elliptic-curve (ECDSA) key",
        ed448.Ed448PrivateKey: "an Ed448 key",
        x25519.X25519PrivateKey: "an X25519 (key agreement) key",
    }
    if not isinstance(private, ed25519.Ed25519PrivateKey):
        kind = next((name for cls, name in kinds.items() if isinstance(private, cls)), "not an Ed25519 key")
        raise SigningKeyError(
            f"{path} holds {kind}; versions are signed with Ed25519 (EdDSA)",
            "create an Ed25519 key with shopterms keys init",
        )
    return SigningKey(OKPKey.import_key(data), path)


def key_file_is_private(path: Path) -> bool:
    """False when others than the owner may read the key file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    return not mode & (stat.S_IRWXG | stat.S_IRWXO)
