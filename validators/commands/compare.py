"""`shopterms compare SOURCE... --to DE-BY`: shops side by side on their post-purchase terms, ranked.

A SOURCE is a policy file, a saved page (.html) or JSON-LD file (.jsonld), the address of a shopterms
API, or the address of any shop page with schema.org markup. Exit codes: 0 compared; 2 bad usage or a
source that cannot be read (every such source is named, located where possible).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from shopterms.policy.compare.ranking import DEFAULT_PREFERENCES, PREFERENCE_NAMES
from shopterms.validators.commands.fetch_options import fetch_options

if TYPE_CHECKING:
    from shopterms.validators.fetch.limits import Limits

OPTION_BY_FIELD = {"country": "--to", "region": "--to", "postal_code": "--postal-code", "ordered_at": "--at"}
FORMATS = ("table", "json", "markdown", "html")


def _preferences(values: tuple[str, ...]) -> list[str]:
    from shopterms.policy.compare.ranking import check_preferences

    names = [name.strip().lower() for value in values for name in value.split(",") if name.strip()]
    try:
        return check_preferences(names)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="'--prefer'") from None


@click.command("compare")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--to", "destination", required=True, help="Destination country or subdivision: DE or DE-BY.")
@click.option("--postal-code", help="Destination postal code, for services that serve only some.")
@click.option(
    "--prefer",
    "preferences",
    multiple=True,
    metavar="PREFERENCE",
    help=f"What matters, most important first: {', '.join(PREFERENCE_NAMES)}. Repeat or separate by commas. "
    f"Default: {', '.join(DEFAULT_PREFERENCES)}.",
)
@click.option(
    "--at",
    "ordered_at",
    help="Order moment, ISO 8601 with UTC offset (2026-12-23T15:00+01:00). Default: now.",
)
@click.option("--format", "output", type=click.Choice(FORMATS), default="table", show_default=True)
@fetch_options
def compare_command(
    sources: tuple[str, ...],
    destination: str,
    postal_code: str | None,
    preferences: tuple[str, ...],
    ordered_at: str | None,
    output: str,
    limits: Limits,
) -> None:
    """Compare shops' post-purchase terms for a destination and rank them under stated preferences.

    Addresses are fetched one by one, each within --timeout; loopback and private-network addresses are
    refused unless --allow-private is given."""
    from shopterms.policy.compare.policy_record import place_of
    from shopterms.policy.compare.ranking import compare
    from shopterms.policy.errors import QueryError
    from shopterms.policy.moment import aware
    from shopterms.policy.queries import DestinationQuery
    from shopterms.validators.commands.query_input import bad_option
    from shopterms.validators.compare.fetching import SourceError
    from shopterms.validators.compare.render import RENDERERS_BY_FORMAT
    from shopterms.validators.compare.sources import read_source
    from shopterms.validators.fetch.urls import redact

    chosen = _preferences(preferences)
    query = DestinationQuery.parse(destination).model_copy(update={"postal_code": postal_code})
    try:
        place_of(query)
        moment = aware(ordered_at, "ordered_at")  # one moment for every shop, even when it is now
    except QueryError as error:
        raise bad_option(error, OPTION_BY_FIELD) from None
    records, failures = [], []
    for source in sources:
        try:
            records.append(read_source(source, query, moment, limits))
        except SourceError as error:
            failures.append(f"{error.source}: {error.message}")
        except Exception as error:  # a fault of ours must still name the source, not end in a traceback
            failures.append(
                f"{redact(source)}: shopterms failed while reading it ({type(error).__name__}); "
                "this is a fault in shopterms, please report it"
            )
    if failures:
        for failure in failures:
            click.echo(f"error: {failure}", err=True)
        click.echo(
            f"{len(failures)} of {len(sources)} sources could not be read; nothing was compared.", err=True
        )
        raise SystemExit(2)
    click.echo(RENDERERS_BY_FORMAT[output](compare(records, chosen)), nl=False)
