"""`shopterms keys init`: an Ed25519 key pair for signing published versions.

The private key goes to a PEM file readable by its owner only (mode 0600) and never leaves it: not
into the store, not onto the server. `publish --sign` puts the public key into the store, and the
server publishes it as a JWK Set at /.well-known/jwks.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from shopterms.validators.commands.store_options import fail


@click.group("keys", context_settings={"help_option_names": ["-h", "--help"]})
def keys_command() -> None:
    """Manage the key that signs published versions."""


@keys_command.command("init")
@click.option(
    "--key",
    "key_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the private key. Default: $SHOPTERMS_SIGNING_KEY, else .shopterms/signing-key.pem.",
)
def init_command(key_path: Path | None) -> None:
    """Create an Ed25519 key pair; print the public key as a JWK."""
    from shopterms.store.errors import StoreError
    from shopterms.store.signing import create_key, default_key_path

    path = key_path or default_key_path()
    try:
        key = create_key(path)
    except StoreError as error:
        fail(error, "keys init")
    ignore = path.parent / ".gitignore"
    if path.parent.name == ".shopterms" and not ignore.exists():
        # The directory also holds the store, which may be committed; the key must not be.
        ignore.write_text("*.pem\n", encoding="utf-8")
    click.echo(f"wrote the private key to {path} (mode 0600); keep it secret and backed up", err=True)
    click.echo(f"key id: {key.kid}", err=True)
    click.echo(json.dumps(key.public_jwk, indent=2))
