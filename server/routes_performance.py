"""/performance: the shop's measured delivery and refund figures, as published (withheld cells left out),
narrowed to a service and destination when asked; as of a moment like every other answer."""
# No "from __future__ import annotations": FastAPI reads the route signatures, whose dependency types
# are local to the router factory.

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import Response

from shopterms.policy.answers.performance import delivery_performance
from shopterms.policy.arguments import COUNTRY
from shopterms.policy.evidence.figures import DeliveryPerformance
from shopterms.server.caching import Document, document_response
from shopterms.server.context import ServerSettings, known_parameters
from shopterms.server.parameters import Region, ServiceId
from shopterms.server.performance_source import figures_at
from shopterms.server.problems import problem_responses
from shopterms.server.resolvers import AsOf, terms_resolver
from shopterms.server.state import JSON, ShopRegistry
from shopterms.server.terms import ShopTerms

PERFORMANCE_DESCRIPTION = (
    "How well the shop kept its delivery and refund promises, measured from its own shipment records: per "
    "delivery service and destination (country, and region where enough parcels), the on-time delivery "
    "rate, the dispatch-on-time rate, lead times (median and 90th percentile, business and calendar days) "
    "and refund times, each with the number of parcels or returns it rests on. Each parcel is judged "
    "against the promise of the terms in force when it was ordered. Destinations with fewer parcels than "
    "`minimum_parcels` are withheld. With `as_of`, the figures published at that moment."
)
OptionalCountry = Annotated[
    str | None,
    Query(
        description="Only figures for this destination country (ISO 3166-1 alpha-2).",
        examples=["DE"],
        json_schema_extra=COUNTRY.schema(),
    ),
]


def performance_router(registry: ShopRegistry, settings: ServerSettings) -> APIRouter:
    router = APIRouter(tags=["performance"], dependencies=[Depends(known_parameters)])
    Terms = Annotated[ShopTerms, Depends(terms_resolver(registry))]

    @router.get(
        "/performance",
        response_model=DeliveryPerformance,
        summary="Measured delivery performance",
        description=PERFORMANCE_DESCRIPTION,
        responses=problem_responses(400, 404),
    )
    async def performance(
        request: Request,
        terms: Terms,
        service: ServiceId = None,
        country: OptionalCountry = None,
        region: Region = None,
        as_of: AsOf = None,
    ) -> Response:
        figures = figures_at(registry.performance, terms.shop_id, as_of)
        answer = delivery_performance(figures, service, country, region, as_of)
        document = Document.of(answer.model_dump_json(), JSON)
        return document_response(request, document, settings.cache_control)

    return router
