"""`shopterms publish`, `history`, `diff`, `store` and `keys init`: what they print, exit codes, bad input."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from shopterms.store.revisions import HEAD
from shopterms.validators.cli import main
from tests.store.store_harness import EXPRESS_CUTOFF, SHORT_WINDOW_AT, variant


def _run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "nordlicht-mode.yaml"
    path.write_text(variant(), encoding="utf-8")
    return path


def test_publish_records_a_version_in_the_store_beside_the_policy(policy: Path) -> None:
    code, out, _ = _run("publish", str(policy), "--note", "first terms")
    assert code == 0
    assert out.startswith("published nordlicht-mode version 1 (")
    assert (policy.parent / ".shopterms" / "store.db").is_file()


def test_publishing_unchanged_content_says_so_and_exits_0(policy: Path, store_url: str) -> None:
    _run("publish", str(policy), "--store", store_url)
    code, out, _ = _run("publish", str(policy), "--store", store_url)
    assert code == 0 and out.startswith("unchanged: nordlicht-mode version 1 (")
    assert "nothing was written" in out


def test_a_policy_with_errors_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(variant(("currency: EUR", "currency: EURO")), encoding="utf-8")
    code, _, err = _run("publish", str(broken))
    assert code == 1
    assert "error[" in err and err.rstrip().endswith("nothing was published")
    assert not (tmp_path / ".shopterms").exists()


def test_a_date_given_as_effective_means_midnight_in_the_shops_time_zone(policy: Path) -> None:
    code, out, _ = _run("publish", str(policy), "--effective", "2099-01-01", "--format", "json")
    assert code == 0
    assert json.loads(out)["version"]["effective_from"] == "2099-01-01T00:00:00+01:00"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("next monday", "is neither a date (2027-01-01) nor a moment"),
        ("2027-01-01T00:00", "has no UTC offset"),
    ],
)
def test_an_unreadable_effective_moment_is_a_usage_error(policy: Path, value: str, message: str) -> None:
    code, _, err = _run("publish", str(policy), "--effective", value)
    assert code == 2 and message in err


def test_a_file_name_that_cannot_be_a_shop_id_asks_for_one(tmp_path: Path) -> None:
    odd = tmp_path / "my shop.yaml"
    odd.write_text(variant(), encoding="utf-8")
    code, _, err = _run("publish", str(odd))
    assert code == 2 and "'my shop' cannot be a shop id" in err and "--shop ID" in err
    assert _run("publish", str(odd), "--shop", "my-shop")[0] == 0


def test_keys_init_writes_a_private_key_only_its_owner_can_read(tmp_path: Path) -> None:
    key = tmp_path / ".shopterms" / "signing-key.pem"
    code, out, err = _run("keys", "init", "--key", str(key))
    assert code == 0
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    jwk = json.loads(out)
    assert (jwk["kty"], jwk["crv"], jwk["alg"], jwk["use"]) == ("OKP", "Ed25519", "EdDSA", "sig")
    assert "d" not in jwk and f"key id: {jwk['kid']}" in err
    assert (key.parent / ".gitignore").read_text() == "*.pem\n"
    code, _, err = _run("keys", "init", "--key", str(key))
    assert code == 2 and "already exists" in err


def test_publish_sign_without_a_key_says_how_to_make_one(policy: Path) -> None:
    code, _, err = _run("publish", str(policy), "--sign", "--key", str(policy.parent / "missing.pem"))
    assert code == 2 and "there is no signing key at" in err and "shopterms keys init" in err
    assert not (policy.parent / ".shopterms").exists()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: rsa.generate_private_key(65537, 2048), "holds an RSA key; versions are signed with Ed25519"),
        (lambda: ec.generate_private_key(ec.SECP256R1()), "holds an elliptic-curve (ECDSA) key"),
    ],
)
def test_a_signing_key_of_the_wrong_type_is_refused(policy: Path, make, message: str) -> None:
    key = policy.parent / "other.pem"
    key.write_bytes(
        make().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    code, _, err = _run("publish", str(policy), "--sign", "--key", str(key))
    assert code == 2 and message in err


def test_a_file_that_is_no_key_is_refused(policy: Path) -> None:
    code, _, err = _run("publish", str(policy), "--sign", "--key", str(policy))
    assert code == 2 and "is not a PEM private key" in err


def test_publish_sign_signs_and_a_later_sign_adds_a_signature_to_unsigned_content(policy: Path) -> None:
    key = policy.parent / "key.pem"
    _run("keys", "init", "--key", str(key))
    _run("publish", str(policy))
    code, out, _ = _run("publish", str(policy), "--sign", "--key", str(key))
    assert code == 0 and out.startswith("signed nordlicht-mode version 1 (")


def test_history_lists_versions_newest_first_with_their_status(policy: Path, store_url: str) -> None:
    _run("publish", str(policy), "--store", store_url, "--note", "first")
    policy.write_text(variant(SHORT_WINDOW_AT), encoding="utf-8")
    _run("publish", str(policy), "--store", store_url, "--effective", "2099-01-01", "--note", "AT: 14 days")
    code, out, _ = _run("history", "nordlicht-mode", "--store", store_url)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("nordlicht-mode: 2 versions in ")
    assert lines[1].split() == ["#", "hash", "effective", "from", "published", "status", "signed", "note"]
    assert lines[2].split()[0] == "2" and "2099-01-01 00:00 +01:00" in lines[2] and "scheduled" in lines[2]
    assert lines[3].split()[0] == "1" and "in force" in lines[3] and lines[3].endswith("first")


def test_history_as_json_and_as_seen_at_a_moment(policy: Path) -> None:
    _run("publish", str(policy))
    policy.write_text(variant(EXPRESS_CUTOFF), encoding="utf-8")
    _run("publish", str(policy), "--effective", "2099-01-01")
    code, out, _ = _run("history", str(policy), "--at", "2099-06-01T00:00+00:00", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert [(entry["number"], entry["status"]) for entry in document["versions"]] == [
        (2, "in force"),
        (1, "superseded"),
    ]


def test_history_of_an_unknown_shop_names_the_shops_there_are(policy: Path) -> None:
    _run("publish", str(policy))
    store = str(policy.parent / ".shopterms" / "store.db")
    code, _, err = _run("history", "nordlicht-mod", "--store", store)
    assert code == 2
    assert "has no versions of 'nordlicht-mod'. Did you mean nordlicht-mode?" in err


def test_diff_between_versions_speaks_of_what_a_buyer_sees(policy: Path, store_url: str) -> None:
    _run("publish", str(policy), "--store", store_url)
    policy.write_text(variant(SHORT_WINDOW_AT, EXPRESS_CUTOFF), encoding="utf-8")
    _run("publish", str(policy), "--store", store_url)
    code, out, _ = _run("diff", "nordlicht-mode@1", "nordlicht-mode@latest", "--store", store_url)
    assert code == 1
    assert out.splitlines()[1:] == [
        "  returns   return window 30 → 14 days after delivery for AT",
        "  shipping  express cutoff 12:00 → 11:00",
        "2 changes",
    ]


def test_diff_of_the_version_in_force_against_a_file_previews_a_publish(policy: Path) -> None:
    _run("publish", str(policy))
    edited = policy.parent / "edited.yaml"
    edited.write_text(variant(EXPRESS_CUTOFF), encoding="utf-8")
    code, out, _ = _run("diff", "nordlicht-mode@current", str(edited), "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["a"]["version"]["number"] == 1 and document["b"]["label"] == str(edited)
    assert [
        (c["section"], c["subject"], c["field"], c["before"], c["after"]) for c in document["changes"]
    ] == [("shipping", ["express"], "cutoff", "12:00:00", "11:00:00")]
    assert _run("diff", str(policy), str(policy))[:2] == (0, f"{policy} → {policy}\nno changes\n")


def test_diff_of_something_that_is_neither_a_file_nor_a_version_is_a_usage_error(policy: Path) -> None:
    code, _, err = _run("diff", str(policy), "nordlicht")
    assert code == 2 and "is neither a policy file nor SHOP@VERSION" in err


def test_store_upgrade_creates_then_reports_nothing_to_do_and_status_counts(
    tmp_path: Path, store_url: str
) -> None:
    code, out, _ = _run("store", "upgrade", "--store", store_url)
    assert code == 0 and f"created at schema revision {HEAD}" in out
    again = _run("store", "upgrade", "--store", store_url)[1]
    assert f"already at schema revision {HEAD}; nothing to do" in again
    policy = tmp_path / "nordlicht-mode.yaml"
    policy.write_text(variant(), encoding="utf-8")
    _run("publish", str(policy), "--store", store_url)
    code, out, _ = _run("store", "status", "--store", store_url, "--format", "json")
    assert code == 0
    status = json.loads(out)
    assert (status["revision"], status["changes"], status["shops"]) == (HEAD, 1, {"nordlicht-mode": 1})


def test_store_status_of_a_missing_store_exits_2(tmp_path: Path) -> None:
    code, _, err = _run("store", "status", "--store", str(tmp_path / "none.db"))
    assert code == 2 and "there is no store at" in err
