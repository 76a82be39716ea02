"""The options every command that fetches pages shares, turned into one Limits.

`--timeout` is the total time for a fetch (redirects included); `--allow-private` and `--allow-network`
open loopback and private addresses, which are refused by default; `--limit NAME=VALUE` changes any
other limit (docs/reliability.md lists them with their defaults).
"""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Callable
from typing import Any

import click
from pydantic import ValidationError

from shopterms.validators.fetch.limits import DEFAULT_LIMITS, TUNABLE, Limits, parse_limit_value


def fetch_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the fetch options to a click command, which then receives one `limits` argument."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        timeout: float,
        allow_private: bool,
        allow_network: tuple[str, ...],
        limit: tuple[str, ...],
        **kwargs: Any,
    ) -> Any:
        return command(*args, limits=limits_from(timeout, allow_private, allow_network, limit), **kwargs)

    options = [
        click.option(
            "--timeout",
            type=click.FloatRange(0.1, 600),
            default=DEFAULT_LIMITS.total_seconds,
            show_default=True,
            help="Total seconds for fetching one address: name lookup, connection, every redirect and the "
            "whole body together.",
        ),
        click.option(
            "--allow-private",
            is_flag=True,
            help="Also fetch from loopback and private-network addresses (a staging server); link-local "
            "addresses such as cloud metadata stay refused.",
        ),
        click.option(
            "--allow-network",
            multiple=True,
            metavar="CIDR",
            help="Fetch from this private network only (10.1.2.0/24); repeatable.",
        ),
        click.option(
            "--limit",
            multiple=True,
            metavar="NAME=VALUE",
            help=f"Change a fetch limit: {', '.join(name for name in TUNABLE if name != 'total_seconds')} "
            "(sizes take KB or MB). Repeatable; see docs/reliability.md.",
        ),
    ]
    decorated: Callable[..., Any] = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return decorated


def limits_from(
    timeout: float, allow_private: bool, networks: tuple[str, ...], settings: tuple[str, ...]
) -> Limits:
    """The Limits the options describe; a usage error (exit 2) naming the option for a bad value."""
    values: dict[str, Any] = {"total_seconds": timeout, "allow_private": allow_private}
    try:
        values["allowed_networks"] = tuple(
            ipaddress.ip_network(text.strip(), strict=False) for text in networks
        )
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="'--allow-network'") from None
    for setting in settings:
        name, equals, value = setting.partition("=")
        name = name.strip().replace("-", "_")
        if not equals or name not in TUNABLE:
            raise click.BadParameter(
                f"{setting!r}: give NAME=VALUE with NAME one of {', '.join(TUNABLE)}", param_hint="'--limit'"
            )
        try:
            values[name] = parse_limit_value(name, value.strip())
        except ValueError as error:
            raise click.BadParameter(f"{name}: {error}", param_hint="'--limit'") from None
    try:
        return Limits(**values)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise click.BadParameter(f"{field}: {first['msg'].lower()}", param_hint="'--limit'") from None
