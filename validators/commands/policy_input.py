"""Loading the policy a command works on, and refusing it the way `shopterms validate` reports it.

Every command that needs a valid policy (normalize, build, export, estimate, deadline) goes through
`load_or_exit`, so a broken file looks the same wherever it is met: the full rendering with the
source line and hint on stderr, a summary, and exit 1 (2 when the file could not be read at all).
"""

from __future__ import annotations

import click

from shopterms.policy.model import Policy
from shopterms.validators.commands.validate import exit_status, load, summary
from shopterms.validators.render import full


def load_or_exit(policy_file: str, consequence: str) -> Policy:
    """The valid policy in `policy_file` (- for standard input); otherwise report and exit.

    `consequence` finishes the summary line, e.g. "nothing was built".
    """
    result = load(policy_file)
    if result.policy is None:
        click.echo(full.render(result.diagnostics, {result.file: result.source}), err=True, nl=False)
        click.echo(f"\n{summary([result])}; {consequence}", err=True)
        raise SystemExit(exit_status([result]))
    return result.policy
