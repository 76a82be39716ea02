"""What the date-query commands (estimate, deadline) share: loading the policy and reporting bad input.

A policy with errors prints its diagnostics and exits 1; a bad argument names the option, says what is
allowed and exits 2 (click's usage-error code), never with a traceback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

import click

from policy.diagnostics import Diagnostic
from policy.errors import QueryError, listing
from policy.loader import load_policy
from policy.model import Policy

# More allowed values than this (every country code) are left to the message instead of listed.
_MAX_LISTED = 40


def _line(diagnostic: Diagnostic) -> str:
    where = diagnostic.file
    if diagnostic.location is not None:
        where += f":{diagnostic.location.line}:{diagnostic.location.column}"
    path = f" at {diagnostic.dotted_path}" if diagnostic.path else ""
    return f"{where}: {diagnostic.severity}[{diagnostic.code}] {diagnostic.message}{path}"


def load_or_exit(path: Path) -> Policy:
    """The policy in `path`, or its diagnostics on stderr and exit status 1."""
    result = load_policy(path)
    if result.policy is None:
        for diagnostic in result.diagnostics:
            click.echo(_line(diagnostic), err=True)
        click.echo(f"{path}: the policy file has errors, so no dates can be computed.", err=True)
        raise SystemExit(1)
    return result.policy


def bad_option(error: QueryError, options_by_field: Mapping[str, str]) -> click.BadParameter:
    """The engine's refusal as a usage error on the option that carried the value."""
    message = error.message
    if error.allowed and len(error.allowed) <= _MAX_LISTED and listing(error.allowed) not in message:
        message += f" Allowed: {listing(error.allowed)}."
    option = options_by_field.get(error.field)
    return click.BadParameter(message, param_hint=f"'{option}'" if option else error.field)


def day_label(day: dt.date) -> str:
    return f"{day.strftime('%a')} {day.isoformat()}"


def moment_label(moment: dt.datetime) -> str:
    return f"{day_label(moment.date())} {moment.strftime('%H:%M %Z')}"
