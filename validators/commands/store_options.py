"""What the store commands share: the --store option, moments as merchants write them, and reporting a
store failure as a message with the exit status it calls for (2: unusable store; 1: a conflict)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar
from zoneinfo import ZoneInfo

import click

F = TypeVar("F", bound=Callable[..., Any])

STORE_HELP = (
    "The store: sqlite:///PATH, a plain file path, or postgresql://USER@HOST/DATABASE. Default: "
    "$SHOPTERMS_STORE, else .shopterms/store.db beside the policy file (or in the current directory)."
)


def store_option(function: F) -> F:
    decorated: F = click.option("--store", "store", metavar="URL", help=STORE_HELP)(function)
    return decorated


def fail(error: Exception, command: str) -> NoReturn:
    """Report a StoreError (message, then its hint) and exit with its status."""
    message = getattr(error, "message", str(error))
    hint = getattr(error, "hint", None)
    click.echo(f"shopterms {command}: {message}", err=True)
    if hint:
        click.echo(f"  help: {hint}", err=True)
    raise SystemExit(getattr(error, "exit_status", 2))


def parse_moment(text: str, zone: str, option: str) -> dt.datetime:
    """An ISO 8601 moment with its UTC offset, or a date (midnight in the shop's time zone `zone`)."""
    value = text.strip()
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return dt.datetime.combine(day, dt.time(), tzinfo=ZoneInfo(zone))
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"'{text}' is neither a date (2027-01-01) nor a moment with its UTC offset "
            "(2027-01-01T00:00+01:00)",
            param_hint=option,
        ) from None
    if moment.tzinfo is None:
        raise click.BadParameter(
            f"'{text}' has no UTC offset; write e.g. {value}+01:00, or a date alone for midnight in the "
            f"shop's time zone ({zone})",
            param_hint=option,
        )
    return moment


def shown(moment: dt.datetime | None) -> str:
    """A moment for people: minutes precision, its own offset (UTC written as UTC)."""
    if moment is None:
        return "-"
    text = moment.strftime("%Y-%m-%d %H:%M")
    if moment.second or moment.microsecond:
        text = moment.strftime("%Y-%m-%d %H:%M:%S")
    offset = moment.utcoffset()
    if offset == dt.timedelta(0):
        return f"{text} UTC"
    return f"{text} {moment.strftime('%z')[:3]}:{moment.strftime('%z')[3:]}"
