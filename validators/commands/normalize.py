"""`shopterms normalize POLICY`: the policy in its canonical JSON form, every shorthand spelled out.

Keys are sorted, so equivalent files give identical output. On errors, stdout stays empty, the
diagnostics go to stderr and the exit status is 1 (2 when the file cannot be read).
"""

from __future__ import annotations

import json

import click

from shopterms.validators.commands.policy_input import load_or_exit


@click.command("normalize")
@click.argument("policy", metavar="POLICY")
def normalize_command(policy: str) -> None:
    """Print POLICY (- reads standard input) as canonical JSON: the form every other output is built from."""
    canonical = load_or_exit(policy, "nothing was printed").model_dump(mode="json")
    click.echo(json.dumps(canonical, indent=2, ensure_ascii=False, sort_keys=True))
