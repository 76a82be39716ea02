"""`shopterms explain CODE`: what a diagnostic code checks, why it matters, and what to write instead."""

from __future__ import annotations

import click

from shopterms.validators.catalogue import describe, load_catalogue, lookup, suggest


@click.command("explain")
@click.argument("code", required=False, metavar="CODE")
def explain_command(code: str | None) -> None:
    """Explain a diagnostic code, such as SCHEMA001 or unknown-key; without CODE, list every code."""
    catalogue = load_catalogue()
    if code is None:
        width = max(len(info.code) for info in catalogue.values())
        for entry in catalogue.values():
            click.echo(f"{entry.code:<{width}}  {entry.name}: {entry.summary}")
        return
    info = lookup(code, catalogue)
    if info is None:
        close = suggest(code, catalogue)
        hint = (
            f"did you mean {' or '.join(close)}?" if close else "run `shopterms explain` to list every code"
        )
        click.echo(f"error: unknown code '{code}'; {hint}", err=True)
        raise SystemExit(2)
    click.echo(describe(info), nl=False)
