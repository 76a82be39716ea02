"""`shopterms evidence ingest FILE --shop SHOP [--map M]`: shipment and return records into the store.

Exit codes: 0 every row taken; 1 some rows were bad (each reported with its line, the rest ingested);
2 the file, the mapping, the key or the store cannot be used (nothing ingested).
"""

from __future__ import annotations

from pathlib import Path

import click

from shopterms.validators.commands.store_options import fail, store_option

DEFAULT_SHOWN_ERRORS = 100


@click.command("ingest")
@click.argument("export_file", metavar="FILE")
@click.option(
    "--shop",
    "shop",
    required=True,
    metavar="SHOP",
    help="Shop id the records belong to (as published), or its policy file (the id is its name, and the "
    "store defaults to the one beside it).",
)
@click.option(
    "--map",
    "mapping_spec",
    default="shopterms",
    show_default=True,
    metavar="MAPPING",
    help="How the export's columns become record fields: a ready-made mapping (shopterms, shopify, "
    "carrier) or a mapping file.",
)
@click.option(
    "--key",
    "key_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The evidence key order ids are hashed with. Default: $SHOPTERMS_EVIDENCE_KEY, else evidence.key "
    "beside the store; created on the first ingest.",
)
@click.option(
    "--max-errors",
    default=DEFAULT_SHOWN_ERRORS,
    show_default=True,
    type=click.IntRange(0),
    help="Bad rows shown one by one (all are counted); 0 shows every one.",
)
@store_option
def ingest_command(
    export_file: str,
    shop: str,
    mapping_spec: str,
    key_path: Path | None,
    max_errors: int,
    store: str | None,
) -> None:
    """Ingest FILE (CSV or JSON Lines, optionally .gz; - reads standard input): one row per parcel."""
    from shopterms.policy.evidence.mapping import MappingError, load_mapping
    from shopterms.policy.evidence.reading import ExportError
    from shopterms.store.engine import open_writer
    from shopterms.store.errors import StoreError
    from shopterms.store.evidence.ingest import ingest
    from shopterms.store.evidence.keys import default_key_path, key_is_private, key_or_new
    from shopterms.store.location import resolve_store
    from shopterms.store.publishing import check_shop_id

    try:
        mapping = load_mapping(mapping_spec)
    except MappingError as error:
        raise click.BadParameter(str(error), param_hint="'--map'") from None
    shop_id, beside = shop_and_policy(shop)
    shown = 0

    def bad_row(line: int, message: str) -> None:
        nonlocal shown
        if max_errors == 0 or shown < max_errors:
            click.echo(f"{export_file}:{line}: {message}", err=True)
        shown += 1

    try:
        check_shop_id(shop_id)
        location = resolve_store(store, beside)
        path = key_path or default_key_path(location)
        key, created = key_or_new(path)
        if created:
            click.echo(
                f"shopterms evidence: created the evidence key {path}; keep it with the store's backups: "
                "the shop's next exports must be hashed with it",
                err=True,
            )
        elif not key_is_private(path):
            click.echo(f"shopterms evidence: warning: others may read the key {path}; chmod 600 it", err=True)
        engine = open_writer(location)
        try:
            report = ingest(engine, location, shop_id, export_file, mapping, key, path, bad_row)
        finally:
            engine.dispose()
    except ExportError as error:
        click.echo(f"shopterms evidence ingest: {error}", err=True)
        click.echo("nothing was ingested", err=True)
        raise SystemExit(2) from None
    except StoreError as error:
        fail(error, "evidence ingest")
    for notice in report.notices:
        click.echo(f"shopterms evidence ingest: note: {notice}", err=True)
    if report.bad_rows > shown_limit(max_errors, report.bad_rows):
        hidden = report.bad_rows - max_errors
        click.echo(f"… and {hidden} more bad rows (show them with --max-errors 0)", err=True)
    click.echo(
        f"{shop_id}: {report.rows} rows read: {report.new_parcels} new parcels, "
        f"{report.updated_parcels} updated, {report.returns} returns, {report.skipped} skipped, "
        f"{report.bad_rows} bad, into {location.display}"
    )
    raise SystemExit(1 if report.bad_rows else 0)


def shown_limit(max_errors: int, total: int) -> int:
    return total if max_errors == 0 else max_errors


def shop_and_policy(shop: str) -> tuple[str, Path | None]:
    """A shop id, or a policy file: its name is the id and the default store lies beside it."""
    path = Path(shop)
    if path.suffix in {".yaml", ".yml"} and path.is_file():
        return path.stem, path
    return shop, None
