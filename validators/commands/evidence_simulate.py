"""`shopterms evidence simulate POLICY --parcels N`: a realistic synthetic export for the policy's terms.

Written in the canonical format (read by `evidence ingest` without a mapping), as CSV or JSON Lines, to
a file (written whole or not at all) or standard output. Exit codes: 0 written; 1 the policy has
errors; 2 the policy cannot be read, or a wrong option.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click


@click.command("simulate")
@click.argument("policy_file", metavar="POLICY")
@click.option(
    "--parcels",
    default=10_000,
    show_default=True,
    type=click.IntRange(1, 50_000_000),
    help="Parcels to make.",
)
@click.option(
    "--until",
    "until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Last order day (YYYY-MM-DD). Default: yesterday.",
)
@click.option("--days", default=90, show_default=True, type=click.IntRange(1, 3660), help="Days of orders.")
@click.option("--seed", default=1, show_default=True, type=int, help="Same seed, same export.")
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (.csv, .jsonl, optionally .gz). Default: standard output.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["csv", "jsonl"]),
    help="Default: from the output file's name, else csv.",
)
def simulate_command(
    policy_file: str,
    parcels: int,
    until: dt.datetime | None,
    days: int,
    seed: int,
    output: Path | None,
    output_format: str | None,
) -> None:
    """Write a synthetic shipment export for POLICY: carrier delays, a holiday peak and one late week."""
    from shopterms.policy.evidence.export import write_export
    from shopterms.policy.evidence.simulate import Simulator
    from shopterms.validators.commands.policy_input import load_or_exit

    policy = load_or_exit(policy_file, "nothing was simulated")
    if policy.shipping is None:
        click.echo(f"shopterms evidence simulate: {policy_file} has no shipping terms to simulate", err=True)
        raise SystemExit(2)
    last = until.date() if until else dt.date.today() - dt.timedelta(days=1)
    kind = output_format or ("jsonl" if output and ".jsonl" in output.name else "csv")
    rows = Simulator(policy, until=last, days=days, seed=seed).rows(parcels)
    try:
        written = write_export(rows, output, kind)
    except OSError as error:
        click.echo(f"shopterms evidence simulate: cannot write {output}: {error.strerror or error}", err=True)
        raise SystemExit(2) from None
    if output is not None:
        click.echo(
            f"wrote {written} parcels ordered {last - dt.timedelta(days=days - 1)} to {last} to {output}"
        )
