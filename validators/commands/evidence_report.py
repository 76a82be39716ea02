"""`shopterms evidence report SHOP`: compute the shop's figures, keep them as its next figures run, print
a table and write the HTML report.

SHOP is a shop id, or its policy file (its name is the id, and the store defaults to the one beside
it). Promises come from the shop's published versions (the one in force at each order); a shop that
has published none is judged against the policy file given. Exit codes: 0 computed; 2 the store or
the policy cannot be used, or a wrong option.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

import click

from shopterms.validators.commands.store_options import fail, store_option


@click.command("report")
@click.argument("shop", metavar="SHOP")
@click.option(
    "--days", default=90, show_default=True, type=click.IntRange(1, 3660), help="Window of order days."
)
@click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Last order day of the window (YYYY-MM-DD). Default: today in the shop's time zone.",
)
@click.option(
    "--minimum",
    default=30,
    show_default=True,
    type=click.IntRange(1),
    help="Parcels a cell needs to be published.",
)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="HTML report to write. Default: SHOP-performance.html in the current directory.",
)
@click.option("--no-html", is_flag=True, help="Write no HTML report.")
@click.option(
    "--save/--no-save",
    default=True,
    show_default=True,
    help="Keep the figures as the shop's next figures run (what servers, build and validate publish).",
)
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@store_option
def report_command(
    shop: str,
    days: int,
    until: dt.datetime | None,
    minimum: int,
    output: Path | None,
    no_html: bool,
    save: bool,
    output_format: str,
    store: str | None,
) -> None:
    """Judge every parcel ordered in the window against its promise; print and publish the figures."""
    from zoneinfo import ZoneInfo

    from shopterms.policy.documents.performance.report import report_html
    from shopterms.store.engine import open_reader, open_writer
    from shopterms.store.errors import StoreError, UnknownShopError
    from shopterms.store.evidence.computing import compute, file_terms, store_terms
    from shopterms.store.evidence.runs import save_run
    from shopterms.store.location import resolve_store
    from shopterms.store.reading import StoreReader
    from shopterms.validators.commands.evidence_ingest import shop_and_policy
    from shopterms.validators.commands.policy_input import load_or_exit

    shop_id, policy_path = shop_and_policy(shop)
    try:
        location = resolve_store(store, policy_path)
        reader = StoreReader(open_reader(location), location)
        try:
            try:
                terms = store_terms(reader, shop_id)
            except UnknownShopError:
                if policy_path is None:
                    raise UnknownShopError(
                        f"the store {location.display} has no published versions of '{shop_id}' to judge "
                        "its parcels against",
                        "publish its terms (shopterms publish POLICY), or give the policy file as SHOP",
                    ) from None
                terms = file_terms(
                    load_or_exit(str(policy_path), "no figures were computed"), policy_path.name
                )
            zone = ZoneInfo(terms.latest.shop.timezone)
            last = until.date() if until else dt.datetime.now(zone).date()
            computation = compute(
                reader.engine, location, shop_id, terms, until=last, days=days, minimum=minimum
            )
        finally:
            reader.close()
        run = None
        if save:
            engine = open_writer(location)
            try:
                notes = {
                    "judged_against": terms.description,
                    "unjudged": dict(computation.tally.unjudged),
                    "unknown_services": dict(computation.tally.unknown_services.most_common(20)),
                }
                run = save_run(engine, location, computation.performance, notes)
            finally:
                engine.dispose()
    except StoreError as error:
        fail(error, "evidence report")
    performance = computation.performance
    html_path = None
    if not no_html:
        html_path = output or Path(f"{shop_id}-performance.html")
        _write_atomically(
            html_path, report_html(performance, computation.tally, terms.latest, terms.description)
        )
    if output_format == "json":
        click.echo(performance.model_dump_json(indent=2))
        return
    click.echo(figures_table(performance))
    for reason, count in computation.tally.unjudged.most_common():
        click.echo(f"not judged: {count} parcels ({reason.replace('_', ' ')})")
    if run is not None:
        click.echo(f"figures run {run} of {shop_id} saved in {location.display}")
    if html_path is not None:
        click.echo(f"report written to {html_path}")


def figures_table(performance: object) -> str:
    """The cells as a plain-text table (withheld cells marked)."""
    from shopterms.policy.evidence.figures import DeliveryPerformance

    assert isinstance(performance, DeliveryPerformance)
    period = performance.period
    lines = [
        f"{performance.shop}: orders {period.start} to {period.end} ({period.days} days), "
        f"cells of fewer than {performance.minimum_parcels} parcels withheld"
    ]
    rows = [
        (
            "service",
            "destination",
            "parcels",
            "on time",
            "dispatch",
            "lead bd p50/p90",
            "days p50/p90",
            "refund p50/p90",
            "",
        )
    ]
    cells = [*([performance.overall] if performance.overall else []), *performance.cells]
    for cell in cells:
        lead, calendar, refund = cell.lead_time_business_days, cell.lead_time_calendar_days, cell.refund_days
        rows.append(
            (
                "all" if cell.service == "*" else cell.service,
                "all" if cell.country == "*" else cell.region or cell.country,
                str(cell.parcels),
                "-" if cell.on_time_rate is None else f"{cell.on_time_rate:.1%}",
                "-" if cell.dispatch_on_time_rate is None else f"{cell.dispatch_on_time_rate:.1%}",
                "-" if lead is None else f"{lead.p50}/{lead.p90}",
                "-" if calendar is None else f"{calendar.p50}/{calendar.p90}",
                "-" if refund is None else f"{refund.p50}/{refund.p90}",
                "" if cell.published else "withheld",
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _write_atomically(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except OSError as error:
        click.echo(f"shopterms evidence report: cannot write {path}: {error.strerror or error}", err=True)
        raise SystemExit(2) from None


__all__ = ["figures_table", "json", "report_command"]
