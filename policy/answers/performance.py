"""Measured delivery performance as an answer: the published figures, narrowed to a service and a
destination when asked. Withheld cells are never part of an answer."""

from __future__ import annotations

from shopterms.policy.answers.values import NotPublishedError
from shopterms.policy.arguments import COUNTRY, REGION, SERVICE, checked
from shopterms.policy.errors import NotCoveredError, QueryError, listing, suggest
from shopterms.policy.evidence.figures import DeliveryPerformance


class NoFiguresError(NotPublishedError):
    """The shop has published no measured figures (none at all, or none computed by the moment asked)."""

    def __init__(self, detail: str) -> None:
        QueryError.__init__(self, "performance", detail)


def delivery_performance(
    figures: DeliveryPerformance | None,
    service: str | None = None,
    country: str | None = None,
    region: str | None = None,
    as_of: str | None = None,
) -> DeliveryPerformance:
    """The published figures (those of one service and/or destination when named).

    Raises QueryError for a malformed argument, NotCoveredError for a service or destination with no
    published figures (listing those with figures), NoFiguresError when there are none."""
    if service is not None:
        checked("service", service, SERVICE)
    if country is not None:
        checked("country", country, COUNTRY)
    if region is not None:
        checked("region", region, REGION)
        if country is not None and not region.startswith(country + "-"):
            message = f"{region} is not a region of {country}; no figures can exist for it"
            raise NotCoveredError("region", message)
    if figures is None and as_of is not None:
        raise NoFiguresError(f"this shop had published no measured delivery performance by {as_of}")
    if figures is None:
        raise NoFiguresError(
            "this shop publishes no measured delivery performance (figures are computed from its shipment "
            "records with shopterms evidence report)"
        )
    published = figures.published_only()
    cells = published.cells
    if service is not None:
        _covered("service", service, sorted({cell.service for cell in cells}))
        cells = [cell for cell in cells if cell.service == service]
    if country is not None:
        _covered("country", country, sorted({cell.country for cell in cells}))
        cells = [cell for cell in cells if cell.country == country]
    if region is not None:
        _covered("region", region, sorted({cell.region for cell in cells if cell.region}))
        cells = [cell for cell in cells if cell.region == region]
    elif country is None and service is None:
        return published
    return published.model_copy(update={"cells": cells})


def _covered(field: str, value: str, covered: list[str]) -> None:
    if value not in covered:
        what = f"published figures exist for {listing(covered)}" if covered else "no figures are published"
        raise NotCoveredError(
            field, f"{value} has no published figures; {what}.{suggest(value, covered)}", covered
        )
