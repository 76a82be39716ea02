"""`shopterms normalize POLICY`: the policy in its canonical JSON form, every shorthand spelled out.

Keys are sorted, so equivalent files give identical output. On errors, stdout stays empty, the
diagnostics go to stderr and the exit status is 1 (2 when the file cannot be read).
"""

from __future__ import annotations

import json

import click

from validators.commands.validate import exit_status, load, summary
from validators.render import full


@click.command("normalize")
@click.argument("policy", metavar="POLICY")
def normalize_command(policy: str) -> None:
    """Print POLICY (- reads standard input) as canonical JSON: the form every other output is built from."""
    result = load(policy)
    if result.policy is None:
        click.echo(full.render(result.diagnostics, {result.file: result.source}), err=True, nl=False)
        click.echo(f"\n{summary([result])}; nothing was printed", err=True)
        raise SystemExit(exit_status([result]))
    canonical = result.policy.model_dump(mode="json")
    click.echo(json.dumps(canonical, indent=2, ensure_ascii=False, sort_keys=True))
