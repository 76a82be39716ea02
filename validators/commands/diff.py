"""`shopterms diff A B`: what changed from A to B, in the words a buyer would use.

A and B are policy files or published versions, written SHOP@VERSION where VERSION is a number (3),
a hash or its first digits (9f2c1a), latest, or current (in force now). Exit codes as diff(1) has
them: 0 no change, 1 changes found, 2 a side could not be read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import click

from shopterms.policy.model import Policy
from shopterms.validators.commands.store_options import fail, store_option


@dataclass(frozen=True)
class Side:
    """One side of the comparison: its policy and how to name it."""

    policy: Policy
    label: str
    version: dict[str, object] | None = None


def _is_file(reference: str) -> bool:
    return reference == "-" or Path(reference).is_file()


def _from_file(reference: str) -> Side:
    from shopterms.validators.commands.policy_input import load_or_exit

    return Side(load_or_exit(reference, "nothing was compared"), reference)


def _from_store(reference: str, store: str | None, beside: Path | None) -> Side:
    from shopterms.store.content import policy_from_canonical
    from shopterms.store.errors import StoreError
    from shopterms.store.location import resolve_store
    from shopterms.store.reading import StoreReader

    shop, _, version_text = reference.partition("@")
    if not shop or not version_text:
        raise click.BadParameter(
            f"'{reference}' is neither a policy file nor SHOP@VERSION (e.g. nordlicht-mode@3, "
            "nordlicht-mode@current)",
            param_hint="A/B",
        )
    try:
        location = resolve_store(store, beside)
        with StoreReader.open(location) as reader:
            version = reader.resolve(shop, version_text)
            assert version.number is not None
            policy = policy_from_canonical(reader.canonical_json(shop, version.number))
    except StoreError as error:
        fail(error, "diff")
    label = f"{shop} version {version.number} ({version.hash[:12]})"
    return Side(policy, label, version.entry().model_dump(mode="json"))


@click.command("diff")
@click.argument("before", metavar="A")
@click.argument("after", metavar="B")
@store_option
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def diff_command(before: str, after: str, store: str | None, output_format: str) -> None:
    """Say what changed from A to B: policy files, or versions written SHOP@VERSION."""
    from shopterms.policy.changes import diff_policies

    files = [Path(reference) for reference in (before, after) if reference != "-" and _is_file(reference)]
    beside = files[0] if files else None
    sides = [
        _from_file(reference) if _is_file(reference) else _from_store(reference, store, beside)
        for reference in (before, after)
    ]
    changes = diff_policies(sides[0].policy, sides[1].policy)
    if output_format == "json":
        document = {
            "a": {"label": sides[0].label, "version": sides[0].version},
            "b": {"label": sides[1].label, "version": sides[1].version},
            "changes": [change.model_dump(mode="json") for change in changes],
        }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        click.echo(f"{sides[0].label} → {sides[1].label}")
        width = max((len(change.section) for change in changes), default=0)
        for change in changes:
            click.echo(f"  {change.section.ljust(width)}  {change.text}")
        click.echo(f"{len(changes)} change{'s' if len(changes) != 1 else ''}" if changes else "no changes")
    raise SystemExit(1 if changes else 0)
