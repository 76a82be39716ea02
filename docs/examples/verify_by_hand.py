"""Verify a published version of a shop's terms by hand: RFC 8785, SHA-256 and Ed25519, nothing else.

python docs/examples/verify_by_hand.py http://127.0.0.1:8000 9f2c1a…(the version's hash)
"""

import base64
import hashlib
import json
import sys
import urllib.request

import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

base, version_hash = sys.argv[1].rstrip("/"), sys.argv[2]


def get(path: str) -> bytes:
    with urllib.request.urlopen(base + path, timeout=10) as response:
        return response.read()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


# 1. The content: the RFC 8785 canonical JSON of the version's policy hashes to the version's name.
version = json.loads(get(f"/versions/{version_hash}"))
payload = rfc8785.dumps(version["policy"])
assert hashlib.sha256(payload).hexdigest() == version_hash, "the content is not this version"

# 2. The signature: a compact JWS with the payload left out, header..signature.
header_b64, payload_b64, signature_b64 = get(f"/versions/{version_hash}/signature").decode().split(".")
header = json.loads(unb64url(header_b64))
assert payload_b64 == "" and header["alg"] in ("EdDSA", "Ed25519")

# 3. The key: the shop's JWK Set, the key named by the header's kid.
keys = json.loads(get("/.well-known/jwks.json"))["keys"]
jwk = next(key for key in keys if key["kid"] == header["kid"])
public_key = Ed25519PublicKey.from_public_bytes(unb64url(jwk["x"]))

# 4. RFC 7515: the signing input is BASE64URL(header) "." BASE64URL(payload).
signing_input = f"{header_b64}.{b64url(payload)}".encode()
public_key.verify(unb64url(signature_b64), signing_input)  # raises InvalidSignature when it does not
print(f"verified: version {version_hash} signed by key {header['kid']}")
