"""`shopterms estimate POLICY --to DE-BY`: when an order placed at a moment is dispatched and delivered."""

from __future__ import annotations

import json
from pathlib import Path

import click

from shopterms.policy.queries import DeliveryEstimate
from shopterms.validators.commands.query_input import bad_option, day_label, load_or_exit, moment_label

OPTION_BY_FIELD = {
    "country": "--to",
    "region": "--to",
    "postal_code": "--postal-code",
    "service": "--service",
    "ordered_at": "--at",
}


def _span(first: str, last: str) -> str:
    return first if first == last else f"{first} to {last}"


def render_text(estimate: DeliveryEstimate) -> list[str]:
    carriers = ", ".join(carrier.name for carrier in estimate.carriers)
    lines = [f"{estimate.service_name} ({estimate.service})" + (f": {carriers}" if carriers else "")]
    delivery = _span(day_label(estimate.earliest_delivery), day_label(estimate.latest_delivery))
    dispatch = _span(day_label(estimate.earliest_dispatch), day_label(estimate.latest_dispatch))
    lines += [f"  delivery   {delivery}", f"  dispatch   {dispatch}"]
    if estimate.cutoff is None:
        lines.append(f"  cutoff     none; counts from {day_label(estimate.counts_from)}")
    else:
        made = "made" if estimate.cutoff_met else "missed"
        counts = f"counts from {day_label(estimate.counts_from)}"
        following = f"; next cutoff {moment_label(estimate.next_cutoff)}" if estimate.next_cutoff else ""
        lines.append(f"  cutoff     {estimate.cutoff:%H:%M} {made}; {counts}{following}")
    rate = estimate.rate
    price = "depends on the order" if rate.amount is None else f"{rate.amount:.2f} {rate.currency}"
    if rate.free_from is not None:
        price += f", free from {rate.free_from:.2f} {rate.currency}"
    lines.append(f"  price      {price}")
    for conditional in rate.by_condition:
        conditions = {"weight kg": conditional.weight_kg, "order value": conditional.order_value}
        conditions["items"] = conditional.items
        said = ", ".join(f"{name} {value}" for name, value in conditions.items() if value)
        lines.append(f"             {conditional.amount:.2f} {rate.currency} for {said}")
    skipped = [f"warehouse closed {hit.start}..{hit.end}" for hit in estimate.warehouse.closures_hit]
    skipped += [
        f"{hit.date} {hit.name} ({estimate.warehouse.holidays})" for hit in estimate.warehouse.holidays_hit
    ]
    skipped += [
        f"{hit.date} {hit.name} ({estimate.destination.holidays})"
        for hit in estimate.destination.holidays_hit
    ]
    if skipped:
        lines.append(f"  skipped    {'; '.join(skipped)}")
    lines += [f"  note       {note}" for note in estimate.notes]
    return lines


@click.command("estimate")
@click.argument("policy_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--to", "destination", required=True, help="Destination country or subdivision: DE or DE-BY.")
@click.option("--postal-code", help="Destination postal code, for services that serve only some.")
@click.option(
    "--service", help="Id of one delivery service; default: every service reaching the destination."
)
@click.option(
    "--at",
    "ordered_at",
    help="Order moment, ISO 8601 with UTC offset (2026-12-23T15:00+01:00). Default: now.",
)
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True)
def estimate_command(
    policy_file: Path,
    destination: str,
    postal_code: str | None,
    service: str | None,
    ordered_at: str | None,
    output: str,
) -> None:
    """Estimate dispatch and delivery dates for an order to a destination, fastest service first."""
    from shopterms.policy.errors import QueryError
    from shopterms.policy.estimate import estimate_delivery
    from shopterms.policy.queries import DestinationQuery

    policy = load_or_exit(policy_file)
    query = DestinationQuery.parse(destination).model_copy(update={"postal_code": postal_code})
    try:
        estimates = estimate_delivery(policy, query, service, ordered_at)
    except QueryError as error:
        raise bad_option(error, OPTION_BY_FIELD) from None
    if output == "json":
        click.echo(json.dumps([estimate.model_dump(mode="json") for estimate in estimates], indent=2))
        return
    ordered = estimates[0].ordered_at
    click.echo(f"{policy.shop.name} to {query.region or query.country}, ordered {moment_label(ordered)}")
    for estimate in estimates:
        click.echo("")
        click.echo("\n".join(render_text(estimate)))
