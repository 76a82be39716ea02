"""Where an answer is about: a country the section covers, and optionally a subdivision and postal code.

The forms are the published ones (shopterms.policy.arguments); the subdivision must belong to the
country, which is a question of coverage, not of form.
"""

from __future__ import annotations

from collections.abc import Iterable

from shopterms.policy.arguments import POSTAL_CODE, REGION, checked, covered_country
from shopterms.policy.coverage import Place, resolve_destination
from shopterms.policy.queries import DestinationQuery


def covered_place(
    country: str, region: str | None, postal_code: str | None, covered: Iterable[str], what: str
) -> Place:
    """The checked place; `covered` and `what` as for covered_country ("the shop ships to")."""
    code = covered_country(country, covered, what)
    if region is not None:
        checked("region", region, REGION)
    if postal_code is not None:
        checked("postal_code", postal_code, POSTAL_CODE)
    return resolve_destination(DestinationQuery(country=code, region=region, postal_code=postal_code))
