"""Date questions answered by the date engine, in the shapes the API and the MCP server share."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from shopterms.policy.answers.values import Answer
from shopterms.policy.estimate import estimate_delivery
from shopterms.policy.model import Policy
from shopterms.policy.queries import DeliveryEstimate, DestinationQuery


class DeliveryEstimates(Answer):
    """Delivery estimates for one destination, fastest first."""

    estimates: list[DeliveryEstimate] = Field(
        description="One estimate per service reaching the destination."
    )


def delivery_estimates(
    policy: Policy,
    country: str,
    region: str | None = None,
    postal_code: str | None = None,
    service: str | None = None,
    ordered_at: dt.datetime | str | None = None,
) -> DeliveryEstimates:
    """When an order placed at `ordered_at` (aware; default now) is dispatched and delivered, per service."""
    destination = DestinationQuery(country=country, region=region, postal_code=postal_code)
    return DeliveryEstimates(estimates=estimate_delivery(policy, destination, service, ordered_at))
