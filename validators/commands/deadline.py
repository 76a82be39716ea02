"""`shopterms deadline POLICY --country DE --delivered 2026-12-11`: the last day to send goods back."""

from __future__ import annotations

import re
from pathlib import Path

import click

from shopterms.policy.queries import ReturnDeadline
from shopterms.validators.commands.query_input import bad_option, day_label, load_or_exit

OPTION_BY_FIELD = {
    "country": "--country",
    "region": "--region",
    "delivered_on": "--delivered",
    "ordered_on": "--ordered",
}


def render_text(answer: ReturnDeadline) -> list[str]:
    where = answer.region or answer.country
    lines = [f"Returns from {where}, delivered {day_label(answer.delivered_on)}"]
    if answer.ordered_on is not None:
        lines[0] += f", ordered {day_label(answer.ordered_on)}"
    if answer.shop is not None:
        shop_day = day_label(answer.shop.last_day) if answer.shop.last_day else answer.shop.type
        lines.append(f"  shop        {shop_day}: {answer.shop.rule}")
        if answer.shop.assumed:
            lines.append(f"              assumed: {answer.shop.assumed}")
    if answer.statutory is not None:
        lines.append(f"  statutory   {day_label(answer.statutory.last_day)}: {answer.statutory.rule}")
    if answer.last_day is not None:
        lines.append(f"  last day    {day_label(answer.last_day)} ({answer.decided_by})")
    else:
        lines.append(
            f"  last day    none: the shop states no return window and no statutory period applies in {where}"
        )
    lines.append(f"  {answer.rule}")
    lines += [f"  note        {_in_flags(note)}" for note in answer.notes]
    return lines


def _in_flags(note: str) -> str:
    """A note names the answer's parameters (ordered_on); on the command line they are options (--ordered)."""
    for field, option in OPTION_BY_FIELD.items():
        note = re.sub(rf"\b{field}\b", option, note)
    return note


@click.command("deadline")
@click.argument("policy_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--country", required=True, help="The buyer's country, ISO 3166-1 alpha-2: DE.")
@click.option("--region", help="The buyer's subdivision, ISO 3166-2 (DE-BY), for regional public holidays.")
@click.option("--delivered", required=True, help="Day the goods arrived, ISO date: 2026-12-11.")
@click.option("--ordered", help="Day of the order, ISO date; selects seasonal return windows.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True)
def deadline_command(
    policy_file: Path, country: str, region: str | None, delivered: str, ordered: str | None, output: str
) -> None:
    """The shop's return deadline and the statutory withdrawal deadline for a delivered order."""
    from shopterms.policy.deadline import return_deadline
    from shopterms.policy.errors import QueryError

    policy = load_or_exit(policy_file)
    try:
        answer = return_deadline(policy, country, delivered, ordered, region)
    except QueryError as error:
        raise bad_option(error, OPTION_BY_FIELD) from None
    if output == "json":
        click.echo(answer.model_dump_json(indent=2))
        return
    click.echo("\n".join(render_text(answer)))
