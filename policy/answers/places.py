"""Checking that a country is among those a section covers, with an error that lists the choices."""

from __future__ import annotations

import re
from collections.abc import Iterable

from shopterms.policy.errors import QueryError, listing, suggest

_COUNTRY = re.compile(r"^[A-Z]{2}$")


def served_country(value: str | None, served: Iterable[str], what: str, field: str = "country") -> str:
    """An upper-case country code that is among `served`; otherwise a QueryError naming the choices.

    `what` completes the sentence "… is not covered: <what> DE, AT".
    """
    choices = sorted(set(served))
    text = (value or "").strip().upper()
    if not _COUNTRY.match(text):
        raise QueryError(
            field,
            f"'{value or ''}' is not an ISO 3166-1 alpha-2 country code; {what} {listing(choices)}.",
            choices,
        )
    if text not in choices:
        raise QueryError(
            field, f"{text} is not covered: {what} {listing(choices)}.{suggest(text, choices)}", choices
        )
    return text
