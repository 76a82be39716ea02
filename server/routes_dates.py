"""Computed dates: when an order arrives, and until when goods can be sent back."""
# No "from __future__ import annotations": FastAPI reads the route signatures, whose dependency types
# are local to the router factory.

from typing import Annotated

from fastapi import APIRouter, Depends
from starlette.requests import Request
from starlette.responses import Response

from shopterms.policy.answers import DeliveryEstimates, deadline_for_return, delivery_estimates
from shopterms.server.answer_keys import AS_OF, answer_key, with_as_of
from shopterms.server.caching import LIVE_CACHE_CONTROL, document_response
from shopterms.server.context import ServerSettings, answer_headers, known_parameters
from shopterms.server.live_answers import live_estimate
from shopterms.server.parameters import (
    Country,
    DeliveredOn,
    OrderedAt,
    OrderedOn,
    PostalCode,
    Region,
    ServiceId,
)
from shopterms.server.problems import problem_responses
from shopterms.server.resolvers import shop_resolver
from shopterms.server.routes_terms import answer_response
from shopterms.server.state import ShopRegistry, ShopState
from shopterms.server.versioned import VersionedDeadline, VersionedEstimates


def dates_router(registry: ShopRegistry, settings: ServerSettings) -> APIRouter:
    router = APIRouter(tags=["dates"], dependencies=[Depends(known_parameters)])
    Shop = Annotated[ShopState, Depends(shop_resolver(registry))]

    @router.get(
        "/delivery-estimate",
        response_model=VersionedEstimates,
        summary="Delivery dates for an order",
        description="Earliest and latest dispatch and delivery day per service for an order placed now (or "
        "at `ordered_at`), counting cutoff time, business days, closures and public holidays of the "
        "warehouse and of the destination. The terms in force at `ordered_at` answer (at `as_of`, or now, "
        "when it is left out), and `version` names them.",
        responses=problem_responses(400, 404, 422),
    )
    async def delivery_estimate(
        request: Request,
        shop: Shop,
        country: Country,
        region: Region = None,
        postal_code: PostalCode = None,
        service: ServiceId = None,
        ordered_at: OrderedAt = None,
    ) -> Response:
        values = {"country": country, "region": region, "postal_code": postal_code, "service": service}
        asked = with_as_of(
            "/delivery-estimate", {**values, "ordered_at": ordered_at, AS_OF: request.query_params.get(AS_OF)}
        )
        moment = asked["ordered_at"]

        def ask() -> DeliveryEstimates:
            return delivery_estimates(shop.policy, country, region, postal_code, service, moment)

        key = answer_key("/delivery-estimate", asked)
        cache, headers = answer_headers(request, settings, registry, shop)
        if key is None:  # an order placed now: kept until a cutoff, midnight or a new version changes it
            terms = registry.terms(shop.shop_id)
            switch = terms.next_change() if terms is not None else None
            now = registry.now()
            live = live_estimate(shop, (country, region, postal_code, service), now, switch)
            return document_response(request, live.document(now), LIVE_CACHE_CONTROL, headers)
        return answer_response(request, shop, key, ask, cache, headers)

    @router.get(
        "/return-deadline",
        response_model=VersionedDeadline,
        summary="Last day to return",
        description="The last day to send back goods delivered on `delivered_on`: the shop's window and the "
        "statutory withdrawal period side by side, and which one decides. With `ordered_on`, the terms in "
        "force when the order was placed answer (from midnight in the shop's time zone), and `version` "
        "names them: a window shortened after the order does not shorten it.",
        responses=problem_responses(400, 404, 422),
    )
    async def return_deadline_route(
        request: Request,
        shop: Shop,
        country: Country,
        delivered_on: DeliveredOn,
        region: Region = None,
        ordered_on: OrderedOn = None,
    ) -> Response:
        values = {
            "country": country,
            "region": region,
            "delivered_on": delivered_on,
            "ordered_on": ordered_on,
        }
        key = answer_key("/return-deadline", values)
        assert key is not None  # dates only, no clock: always kept
        cache, headers = answer_headers(request, settings, registry, shop)
        return answer_response(
            request,
            shop,
            key,
            lambda: deadline_for_return(shop.policy, country, delivered_on, ordered_on, region),
            cache,
            headers,
        )

    return router
