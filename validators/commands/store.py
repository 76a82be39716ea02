"""`shopterms store upgrade` and `shopterms store status`: the store's schema, and what it holds.

Migrations run here and nowhere else: readers refuse a store of another schema revision with a
message pointing to this command, and `publish` creates new stores but never migrates existing ones.
"""

from __future__ import annotations

import json

import click

from shopterms.validators.commands.store_options import fail, store_option


@click.group("store", context_settings={"help_option_names": ["-h", "--help"]})
def store_command() -> None:
    """Create, migrate and inspect a store of published versions."""


@store_command.command("upgrade")
@store_option
def upgrade_command(store: str | None) -> None:
    """Create the store's schema, or migrate it to the one this shopterms reads."""
    from shopterms.store.engine import create_engine_for, create_schema
    from shopterms.store.errors import StoreError
    from shopterms.store.location import resolve_store

    try:
        location = resolve_store(store)
        if location.path is not None:
            location.path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine_for(location, read_only=False)
        try:
            before, after = create_schema(engine, location)
        finally:
            engine.dispose()
    except OSError as error:
        fail(StoreError(f"cannot create the directory of {store}", str(error)), "store upgrade")
    except StoreError as error:
        fail(error, "store upgrade")
    if before == after:
        click.echo(f"{location.display}: already at schema revision {after}; nothing to do")
    elif before is None:
        click.echo(f"{location.display}: created at schema revision {after}")
    else:
        click.echo(f"{location.display}: upgraded from schema revision {before} to {after}")


@store_command.command("status")
@store_option
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def status_command(store: str | None, output_format: str) -> None:
    """The store's schema revision, change counter, shops and their version counts."""
    from shopterms.store.errors import StoreError
    from shopterms.store.location import resolve_store
    from shopterms.store.reading import StoreReader
    from shopterms.store.revisions import HEAD

    try:
        location = resolve_store(store)
        with StoreReader.open(location) as reader:
            shops = {shop: len(reader.versions(shop)) for shop in reader.shops()}
            counter = reader.change_counter()
            keys = [key["kid"] for key in reader.public_keys()]
    except StoreError as error:
        fail(error, "store status")
    if output_format == "json":
        document = {
            "store": location.display,
            "revision": HEAD,
            "changes": counter,
            "shops": shops,
            "keys": keys,
        }
        click.echo(json.dumps(document, indent=2))
        return
    click.echo(f"{location.display}: schema revision {HEAD}, change counter {counter}")
    for shop, count in shops.items():
        click.echo(f"  {shop}: {count} version{'s' if count != 1 else ''}")
    if keys:
        click.echo(f"  public keys: {', '.join(keys)}")
