"""The terms themselves: the policy (JSON or JSON-LD), the terms page, and the per-section answers."""
# No "from __future__ import annotations": FastAPI reads the route signatures, whose dependency types
# are local to the router factory.

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response

from shopterms.policy.answers import (
    payment_terms,
    policy_summary,
    return_terms,
    shipping_options,
    support_contacts,
)
from shopterms.policy.model import Policy
from shopterms.server.answer_keys import AS_OF, AnswerKey, answer_key, with_as_of
from shopterms.server.caching import LIVE_CACHE_CONTROL, Document, document_response
from shopterms.server.context import ServerSettings, answer_headers, known_parameters
from shopterms.server.discovery import page_links
from shopterms.server.negotiation import prefers_jsonld
from shopterms.server.parameters import At, Country, PostalCode, Region
from shopterms.server.performance_documents import served_document
from shopterms.server.problems import UnknownPageError, problem_responses
from shopterms.server.resolvers import shop_resolver
from shopterms.server.selection import with_link
from shopterms.server.state import JSON, JSONLD, ShopRegistry, ShopState
from shopterms.server.version_state import version_etag
from shopterms.server.versioned import (
    VersionedPayment,
    VersionedReturns,
    VersionedShipping,
    VersionedSummary,
    VersionedSupport,
    with_version,
)


def answer_document(answer: BaseModel, shop: ShopState, *, live: bool = False) -> Document:
    """The answer as JSON with the version that gave it; its ETag is the version's content hash, except
    for an answer about now, which changes with the clock and is tagged by its bytes."""
    body = with_version(answer, shop.version).model_dump_json()
    return Document.of(body, JSON, None if live else version_etag(shop.version))


def answer_response(
    request: Request,
    shop: ShopState,
    key: AnswerKey | None,
    ask: Callable[[], BaseModel],
    cache: str,
    headers: dict[str, str] | None = None,
) -> Response:
    """An answer as JSON, kept in the shop's memo under `key`; without a key it depends on the current
    time, so it is computed afresh and caches must revalidate it."""
    if key is None:
        return document_response(
            request, answer_document(ask(), shop, live=True), LIVE_CACHE_CONTROL, headers
        )
    document = shop.memo.get(key, lambda: answer_document(ask(), shop))
    return document_response(request, document, cache, headers)


def terms_router(registry: ShopRegistry, settings: ServerSettings) -> APIRouter:
    router = APIRouter(tags=["terms"], dependencies=[Depends(known_parameters)])
    Shop = Annotated[ShopState, Depends(shop_resolver(registry))]

    def respond(
        request: Request, shop: ShopState, key: AnswerKey | None, ask: Callable[[], BaseModel]
    ) -> Response:
        cache, headers = answer_headers(request, settings, registry, shop)
        return answer_response(request, shop, key, ask, cache, headers)

    def send(request: Request, shop: ShopState, name: str, headers: dict[str, str] | None = None) -> Response:
        cache, links = answer_headers(request, settings, registry, shop)
        merged = with_link(dict(headers or {}), links.get("Link"))
        as_of = request.query_params.get(AS_OF)
        document = served_document(registry.performance, shop, name, as_of)
        return document_response(request, document, cache, merged)

    @router.get(
        "/policy",
        response_model=Policy,
        summary="The policy",
        description="The whole policy in its canonical form (every shorthand expanded, every default written "
        "out). Send `Accept: application/ld+json` for the schema.org JSON-LD instead.",
        responses={200: {"content": {JSONLD: {"schema": {"type": "object"}}}}, **problem_responses(404)},
    )
    async def policy(request: Request, shop: Shop) -> Response:
        linked = prefers_jsonld(request.headers.get("accept"))
        return send(request, shop, "policy.jsonld" if linked else "policy.json", {"Vary": "Accept"})

    @router.get(
        "/policy.jsonld",
        summary="The terms as JSON-LD",
        description="schema.org JSON-LD: an OnlineStore with its shipping services, return policies, payment "
        "methods and contact points, as embedded in the shop's pages.",
        response_class=Response,
        responses={200: {"content": {JSONLD: {"schema": {"type": "object"}}}}, **problem_responses(404)},
    )
    async def policy_jsonld(request: Request, shop: Shop) -> Response:
        return send(request, shop, "policy.jsonld")

    @router.get(
        "/summary",
        response_model=VersionedSummary,
        summary="Summary of the terms",
        description="The headline terms of every section the shop publishes.",
        responses=problem_responses(404),
    )
    async def summary(request: Request, shop: Shop) -> Response:
        key = answer_key("/summary", {})
        return respond(request, shop, key, lambda: policy_summary(shop.policy))

    @router.get(
        "/shipping",
        response_model=VersionedShipping,
        summary="Shipping options to a country",
        description="The services that deliver to a country (or one region or postal code of it), with that "
        "country's prices, free-shipping threshold, carriers, handling and transit days and cutoff time.",
        responses=problem_responses(400, 404, 422),
    )
    async def shipping(
        request: Request, shop: Shop, country: Country, region: Region = None, postal_code: PostalCode = None
    ) -> Response:
        key = answer_key("/shipping", {"country": country, "region": region, "postal_code": postal_code})
        return respond(
            request, shop, key, lambda: shipping_options(shop.policy, country, region, postal_code)
        )

    @router.get(
        "/returns",
        response_model=VersionedReturns,
        summary="Return terms for a country",
        description="Return window, cost, methods, refund, exchanges, exclusions and seasonal windows as "
        "they apply to buyers in one country.",
        responses=problem_responses(400, 404, 422),
    )
    async def returns(request: Request, shop: Shop, country: Country) -> Response:
        key = answer_key("/returns", {"country": country})
        return respond(request, shop, key, lambda: return_terms(shop.policy, country))

    @router.get(
        "/payment",
        response_model=VersionedPayment,
        summary="Payment terms",
        description="Accepted payment methods, when a card or wallet is charged, and invoice terms.",
        responses=problem_responses(404),
    )
    async def payment(request: Request, shop: Shop) -> Response:
        key = answer_key("/payment", {})
        return respond(request, shop, key, lambda: payment_terms(shop.policy))

    @router.get(
        "/support",
        response_model=VersionedSupport,
        summary="Support contacts",
        description="Every support channel with its contact, hours and languages, and whether it is open now "
        "(or at `at`).",
        responses=problem_responses(400, 404, 422),
    )
    async def support(request: Request, shop: Shop, at: At = None) -> Response:
        values = with_as_of("/support", {"at": at, AS_OF: request.query_params.get(AS_OF)})
        moment = values["at"]
        key = answer_key("/support", values)
        return respond(request, shop, key, lambda: support_contacts(shop.policy, moment))

    html_responses: dict[int | str, dict[str, Any]] = {
        200: {"content": {"text/html": {"schema": {"type": "string"}}}},
        **problem_responses(404),
    }

    def page(request: Request, shop: ShopState, name: str) -> Response:
        document = shop.documents.get(name)
        if document is None:
            pages = sorted(key for key in shop.documents if key.endswith(".html"))
            raise UnknownPageError(
                "language", f"there is no page {name}; the pages are {', '.join(pages)}", pages
            )
        return send(request, shop, name, {"Link": page_links(request, settings, registry, shop)})

    @router.get(
        "/",
        summary="The terms page",
        description="The terms for people, as HTML, in the shop's primary language. Link headers point to "
        "the API catalog, the OpenAPI description and the JSON-LD.",
        response_class=Response,
        responses=html_responses,
    )
    async def terms_page(request: Request, shop: Shop) -> Response:
        return page(request, shop, "index.html")

    @router.get(
        "/index.html",
        summary="The terms page (file name)",
        description="The same page as /, under the name a static build gives it.",
        response_class=Response,
        responses=html_responses,
    )
    async def terms_page_file(request: Request, shop: Shop) -> Response:
        return page(request, shop, "index.html")

    @router.get(
        "/index.{language}.html",
        summary="The terms page in another language",
        description="The terms page in a further language of the shop (e.g. index.en.html), as the primary "
        "page's language links name it.",
        response_class=Response,
        responses=html_responses,
    )
    async def terms_page_language(
        request: Request,
        shop: Shop,
        language: Annotated[
            str,
            Path(
                description="Language tag of the page, e.g. en.",
                examples=["en"],
                json_schema_extra={"pattern": "^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"},
            ),
        ],
    ) -> Response:
        return page(request, shop, f"index.{language}.html")

    return router
