"""Date questions answered by the date engine, in the shapes the API and the MCP server share.

Arguments are checked here against their published forms, and against what the terms cover, before
the engine counts a single day.
"""

from __future__ import annotations

from pydantic import Field

from shopterms.policy.answers.places import covered_place
from shopterms.policy.answers.shipping import shipped_countries
from shopterms.policy.answers.values import Answer, NotPublishedError
from shopterms.policy.arguments import REGION, SERVICE, checked, checked_day, checked_moment, covered_country
from shopterms.policy.deadline import return_deadline
from shopterms.policy.errors import NotCoveredError
from shopterms.policy.estimate import estimate_delivery
from shopterms.policy.model import Policy
from shopterms.policy.queries import DeliveryEstimate, DestinationQuery, ReturnDeadline


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
    ordered_at: str | None = None,
) -> DeliveryEstimates:
    """When an order placed at `ordered_at` (default now) is dispatched and delivered, per service."""
    if policy.shipping is None:
        raise NotPublishedError("shipping")
    place = covered_place(country, region, postal_code, shipped_countries(policy), "the shop ships to")
    if service is not None:
        checked("service", service, SERVICE, [option.id for option in policy.shipping.services])
    moment = checked_moment(ordered_at, "ordered_at")
    destination = DestinationQuery(country=place.country, region=region, postal_code=postal_code)
    return DeliveryEstimates(estimates=estimate_delivery(policy, destination, service, moment))


def deadline_for_return(
    policy: Policy,
    country: str,
    delivered_on: str,
    ordered_on: str | None = None,
    region: str | None = None,
) -> ReturnDeadline:
    """The last day to send back goods delivered on `delivered_on` to a country the shop sells to."""
    code = covered_country(country, policy.shop.sells_to, "the shop sells to")
    if region is not None:
        checked("region", region, REGION)
    delivered = checked_day(delivered_on, "delivered_on")
    ordered = checked_day(ordered_on, "ordered_on")
    assert delivered is not None
    if ordered is not None and ordered > delivered:
        message = (
            f"no order is placed after its delivery: ordered_on {ordered} follows delivered_on {delivered}"
        )
        raise NotCoveredError("ordered_on", message)
    return return_deadline(policy, code, delivered, ordered, region)
