"""`shopterms schema`: the JSON Schema of the policy file, for editors and other validators."""

from __future__ import annotations

import click

from shopterms.schemas.data import data_text

SCHEMA_FILE = "policy.schema.json"


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of policy files (point an editor's YAML support at it)."""
    try:
        text = data_text(SCHEMA_FILE)
    except FileNotFoundError:
        click.echo(
            f"error: schemas/{SCHEMA_FILE} is missing from this installation; "
            "regenerate it with `python scripts/generate_schema.py`",
            err=True,
        )
        raise SystemExit(2) from None
    click.echo(text, nl=not text.endswith("\n"))
