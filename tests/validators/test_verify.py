"""`shopterms verify` against a real uvicorn serving a store: a signed version is verified; a tampered byte,
a wrong key and a missing signature are rejected with the reason (exit 1); what cannot be read exits 2."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from shopterms.store.engine import create_engine_for
from shopterms.store.location import parse_store
from shopterms.store.records import VersionInfo
from shopterms.store.signing import SigningKey, create_key
from shopterms.validators.cli import main
from tests.server.http_harness import running
from tests.server.store_serving import ERAS, store_app
from tests.store.store_harness import publish_text

LOCAL = "--allow-private"  # the test server listens on 127.0.0.1, which verify refuses by default


def _verify(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["verify", *arguments])
    return result.exit_code, result.stdout, result.stderr


def _sql(url: str, statement: str, **values: object) -> None:
    engine = create_engine_for(parse_store(url), read_only=False)
    with engine.begin() as connection:
        connection.execute(text(statement), values)
    engine.dispose()


@pytest.fixture
def key(tmp_path: Path) -> SigningKey:
    return create_key(tmp_path / "keys" / "signing-key.pem")


@pytest.fixture
def signed(store_url: str, key: SigningKey) -> VersionInfo:
    return publish_text(store_url, now="2026-01-01T09:00:00+00:00", key=key).version


@pytest.fixture
def served(store_url: str, signed: VersionInfo) -> Iterator[str]:
    with store_app(store_url, now=ERAS["v2"]) as app, running(app.app) as base:
        yield base


def test_a_signed_policy_is_verified(served: str, signed: VersionInfo, key: SigningKey) -> None:
    code, out, _ = _verify(f"{served}/policy", LOCAL)
    assert code == 0
    assert out == f"verified: version {signed.hash}: signed by key {key.kid}\n"


@pytest.mark.parametrize(
    "path", ["/versions/{hash}", "/returns?country=AT", "/summary", "/policy.jsonld", "/", "/llms.txt"]
)
def test_a_version_and_any_answer_about_it_are_verified(served: str, signed: VersionInfo, path: str) -> None:
    code, out, _ = _verify(served + path.format(hash=signed.hash), LOCAL, "--format", "json")
    report = json.loads(out)
    assert (code, report["outcome"], report["version"]) == (0, "verified", signed.hash)
    assert report["keys"] == f"{served}/.well-known/jwks.json"


def test_a_tampered_byte_in_the_served_policy_is_rejected(store_url: str, signed: VersionInfo) -> None:
    # The stored document is changed behind the publisher's back: one price, one byte.
    _sql(
        store_url,
        "UPDATE shopterms_documents SET body = :body WHERE name = 'policy.json'",
        body=_stored_policy(store_url).replace(b"4.95", b"4.96"),
    )
    with store_app(store_url, now=ERAS["v2"]) as app, running(app.app) as base:
        code, out, _ = _verify(f"{base}/policy", LOCAL)
    assert code == 1
    assert out.startswith("does-not-verify:") and "the content does not match its version" in out


def _stored_policy(url: str) -> bytes:
    engine = create_engine_for(parse_store(url), read_only=False)
    with engine.connect() as connection:
        body = connection.execute(
            text("SELECT body FROM shopterms_documents WHERE name = 'policy.json'")
        ).scalar()
    engine.dispose()
    return bytes(body)


def test_a_tampered_byte_in_the_signature_is_rejected(
    store_url: str, signed: VersionInfo, key: SigningKey
) -> None:
    header, _, value = _stored_signature(store_url).partition("..")
    forged = header + ".." + ("B" if value[0] != "B" else "C") + value[1:]
    _sql(store_url, "UPDATE shopterms_versions SET signature = :value", value=forged)
    with store_app(store_url, now=ERAS["v2"]) as app, running(app.app) as base:
        code, out, _ = _verify(f"{base}/policy", LOCAL)
    assert code == 1
    assert f"the signature does not match the content under key {key.kid}" in out


def _stored_signature(url: str) -> str:
    engine = create_engine_for(parse_store(url), read_only=False)
    with engine.connect() as connection:
        value = connection.execute(text("SELECT signature FROM shopterms_versions")).scalar()
    engine.dispose()
    return str(value)


def test_a_key_set_without_the_signing_key_is_rejected(served: str, tmp_path: Path, key: SigningKey) -> None:
    other = create_key(tmp_path / "other.pem")
    keys = tmp_path / "jwks.json"
    keys.write_text(json.dumps({"keys": [other.public_jwk]}), encoding="utf-8")
    code, out, _ = _verify(f"{served}/policy", LOCAL, "--jwks", str(keys))
    assert code == 1
    assert f"the key {key.kid} that made the signature is not in the key set (keys: {other.kid})" in out


def test_another_key_published_under_the_signing_keys_id_is_rejected(
    store_url: str, signed: VersionInfo, tmp_path: Path, key: SigningKey
) -> None:
    other = create_key(tmp_path / "other.pem")
    impostor = {**other.public_jwk, "kid": key.kid}
    _sql(store_url, "UPDATE shopterms_keys SET jwk = :jwk", jwk=json.dumps(impostor))
    with store_app(store_url, now=ERAS["v2"]) as app, running(app.app) as base:
        code, out, _ = _verify(f"{base}/policy", LOCAL)
    assert code == 1 and f"the key published as {key.kid} has another thumbprint" in out


def test_an_unsigned_version_is_reported_as_not_signed(store_url: str) -> None:
    unsigned = publish_text(store_url, now="2026-01-01T09:00:00+00:00").version
    with store_app(store_url, now=ERAS["v2"]) as app, running(app.app) as base:
        code, out, _ = _verify(f"{base}/policy", LOCAL)
        via_answer = _verify(f"{base}/payment", LOCAL)
        via_page = _verify(f"{base}/", LOCAL)
    assert code == 1 and out.startswith(f"not-signed: version {unsigned.hash}: no signature is published")
    assert via_answer[0] == 1 and via_answer[1].startswith("not-signed:")
    assert via_page[0] == 1 and via_page[1].startswith(f"not-signed: version {unsigned.hash}:")


def test_a_saved_version_is_verified_against_the_served_keys(
    served: str, signed: VersionInfo, tmp_path: Path
) -> None:
    import httpx

    saved = tmp_path / "version.json"
    saved.write_bytes(httpx.get(f"{served}/versions/{signed.hash}").content)
    jwks = f"{served}/.well-known/jwks.json"
    assert _verify(str(saved), LOCAL, "--jwks", jwks)[0] == 0
    saved.write_bytes(saved.read_bytes().replace(b"Nordlicht Mode", b"Nordlicht Mod\\u00e9", 1))
    code, out, _ = _verify(str(saved), LOCAL, "--jwks", jwks)
    assert code == 1 and "does not match its version" in out


def test_what_cannot_be_checked_exits_2(served: str, tmp_path: Path) -> None:
    nothing = _verify(f"{served}/healthz", LOCAL)
    assert nothing[0] == 2 and "names no version of a shop's terms" in nothing[2]
    refused = _verify(f"{served}/policy")
    assert refused[0] == 2 and "does not fetch from unless --allow-private" in refused[2]
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"shop": {"name": "x"}}), encoding="utf-8")
    code, out, _ = _verify(str(policy))
    assert code == 1 and out.startswith("not-signed:")


def test_the_documented_verification_by_hand_verifies_the_served_version(
    served: str, signed: VersionInfo
) -> None:
    import subprocess
    import sys

    from tests.conftest import REPO_ROOT

    script = REPO_ROOT / "docs" / "examples" / "verify_by_hand.py"
    done = subprocess.run(
        [sys.executable, str(script), served, signed.hash],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(f"verified: version {signed.hash} signed by key ")
    # docs/history.md quotes the script's code as it is.
    code = script.read_text(encoding="utf-8").split("import base64", 1)[1]
    assert "import base64" + code in (REPO_ROOT / "docs" / "history.md").read_text(encoding="utf-8")
