"""What the date-query commands (estimate, deadline) share: loading the policy and reporting bad input.

A policy with errors prints its diagnostics and exits 1; a bad argument names the option, says what is
allowed and exits 2 (click's usage-error code), never with a traceback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

import click

from shopterms.policy.errors import QueryError, listing
from shopterms.policy.model import Policy
from shopterms.validators.commands import policy_input

# More allowed values than this (every country code) are left to the message instead of listed.
_MAX_LISTED = 40


def load_or_exit(path: Path) -> Policy:
    """The policy in `path`, or its diagnostics on stderr and exit status 1 (2 when unreadable)."""
    return policy_input.load_or_exit(str(path), "no dates can be computed")


def bad_option(error: QueryError, options_by_field: Mapping[str, str]) -> click.ClickException:
    """The engine's refusal as a usage error on the option that carried the value (exit 2); a refusal
    that no option caused (the policy itself cannot answer) names the policy's part instead (exit 1)."""
    message = error.message
    if error.allowed and len(error.allowed) <= _MAX_LISTED and listing(error.allowed) not in message:
        message += f" Allowed: {listing(error.allowed)}."
    option = options_by_field.get(error.field)
    if option is None:
        return click.ClickException(f"the policy cannot answer this: {message}")
    return click.BadParameter(message, param_hint=f"'{option}'")


def day_label(day: dt.date) -> str:
    return f"{day.strftime('%a')} {day.isoformat()}"


def moment_label(moment: dt.datetime) -> str:
    return f"{day_label(moment.date())} {moment.strftime('%H:%M %Z')}"
