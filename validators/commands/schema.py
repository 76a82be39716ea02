"""`shopterms schema`: the JSON Schema of the policy file, for editors and other validators."""

from __future__ import annotations

from importlib import resources

import click

SCHEMA_FILE = "policy.schema.json"


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of policy files (point an editor's YAML support at it)."""
    try:
        text = resources.files("schemas").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        click.echo(
            f"error: schemas/{SCHEMA_FILE} is missing from this installation; "
            "regenerate it with `python scripts/generate_schema.py`",
            err=True,
        )
        raise SystemExit(2) from None
    click.echo(text, nl=not text.endswith("\n"))
