"""`shopterms history SHOP`: every published version of a shop, newest first, with what is in force.

SHOP is a shop id, or a policy file (its name gives the id and the default store lies beside it).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from shopterms.validators.commands.store_options import fail, parse_moment, shown, store_option


@click.command("history")
@click.argument("shop")
@store_option
@click.option("--at", "at", metavar="MOMENT", help="Show the status as seen at this moment instead of now.")
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def history_command(shop: str, store: str | None, at: str | None, output_format: str) -> None:
    """List the versions of SHOP: when each takes effect, when it was published, and which is in force."""
    from shopterms.store.errors import StoreError
    from shopterms.store.location import resolve_store
    from shopterms.store.reading import StoreReader

    path = Path(shop)
    shop_id, beside = (
        (path.stem, path) if path.suffix in {".yaml", ".yml"} and path.is_file() else (shop, None)
    )
    moment = parse_moment(at, "UTC", "'--at'") if at else dt.datetime.now(dt.UTC)
    try:
        location = resolve_store(store, beside)
        with StoreReader.open(location) as reader:
            timeline = reader.timeline(shop_id)
    except StoreError as error:
        fail(error, "history")
    newest_first = sorted(timeline.versions, key=lambda item: item.number or 0, reverse=True)
    entries = [version.entry(timeline.status(version, moment)) for version in newest_first]
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "shop": shop_id,
                    "store": location.display,
                    "at": moment.isoformat(),
                    "versions": [entry.model_dump(mode="json") for entry in entries],
                },
                indent=2,
            )
        )
        return
    count = len(entries)
    click.echo(f"{shop_id}: {count} version{'s' if count != 1 else ''} in {location.display}")
    rows = [("#", "hash", "effective from", "published", "status", "signed", "note")]
    for entry in entries:
        rows.append(
            (
                str(entry.number),
                entry.hash[:12],
                shown(entry.effective_from),
                shown(entry.published_at),
                entry.status or "",
                "yes" if entry.signed else "no",
                entry.note or "",
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    for row in rows:
        line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1]
        click.echo(("  " + line).rstrip())
