"""Errors as RFC 9457 problem details (application/problem+json), for every failure the API can have.

A bad parameter names itself (`field`) and what it accepts (`allowed`), in words an agent can act on.
Each problem type has its own address under /problems/, which describes it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from shopterms.policy.answers import NotPublishedError
from shopterms.policy.errors import NotCoveredError, QueryError
from shopterms.store.errors import StoreError

MEDIA_TYPE = "application/problem+json"
logger = logging.getLogger("shopterms.server")


@dataclass(frozen=True)
class ProblemKind:
    status: int
    title: str
    description: str


PROBLEM_KINDS_BY_NAME: dict[str, ProblemKind] = {
    "invalid-parameter": ProblemKind(
        400,
        "Invalid parameter",
        "A query parameter does not have its documented form (the pattern and format in /openapi.json), "
        "or is not a parameter of the endpoint; `field` names it and `allowed` lists the accepted values "
        "where they are few.",
    ),
    "not-covered": ProblemKind(
        404,
        "Not covered",
        "A well-formed parameter names something these terms do not cover: a country the shop does not "
        "serve, a subdivision, postal code or service it has no terms for, or dates no order can have; "
        "`field` names it and `allowed` lists what the terms cover.",
    ),
    "malformed-request": ProblemKind(
        422, "Malformed request", "A required parameter is missing or a value has the wrong form."
    ),
    "not-published": ProblemKind(404, "Not published", "The shop publishes no terms of this kind."),
    "not-in-force": ProblemKind(
        404,
        "No terms in force",
        "The shop published no terms in force at the moment asked about (`as_of`, or the order's moment "
        "`ordered_at` / `ordered_on`); the detail names when its first version took or takes effect. "
        "`field` names the parameter that chose the moment.",
    ),
    "not-signed": ProblemKind(
        404, "Not signed", "This version of the terms carries no signature; /versions says which ones do."
    ),
    "not-found": ProblemKind(
        404, "Not found", "There is nothing at this address; /openapi.json lists every endpoint."
    ),
    "method-not-allowed": ProblemKind(
        405, "Method not allowed", "The API is read-only: use GET (or HEAD); `Allow` names the methods."
    ),
    "unreadable-request": ProblemKind(
        400,
        "Unreadable request",
        "The MCP endpoint could not read the request as an MCP message: it takes JSON-RPC 2.0 by POST with "
        "Content-Type: application/json and Accept: application/json, text/event-stream.",
    ),
    "host-not-allowed": ProblemKind(
        421,
        "Host not allowed",
        "The Host header names a host the MCP endpoint does not serve (protection against DNS rebinding); "
        "the server admits more hosts with --allowed-host.",
    ),
    "origin-not-allowed": ProblemKind(
        403,
        "Origin not allowed",
        "The Origin header names a web origin whose pages may not call the MCP endpoint; the server admits "
        "more with --allowed-origin.",
    ),
    "store-unavailable": ProblemKind(
        503,
        "Terms store unavailable",
        "The store the terms are served from could not be read for this version; the versions already "
        "loaded keep answering. Try again shortly.",
    ),
    "shop-unavailable": ProblemKind(
        503,
        "Shop unavailable",
        "The shop's policy file has errors and no valid version of it has been loaded, so none of its "
        "endpoints can answer; `detail` gives every error as file:line:col: error[CODE] message, and "
        "/healthz lists it. The other shops keep serving. Once the file is fixed the server takes it up "
        "(serve --watch, or SIGHUP).",
    ),
    "server-error": ProblemKind(
        500, "Server error", "The server failed to answer; the error has been logged."
    ),
}


class UnknownShopError(QueryError):
    """The path names a shop this server does not serve."""


class ShopUnavailableError(QueryError):
    """The path names a shop whose policy file has errors and which has no valid terms to serve."""


def unavailable_detail(shop_id: str, errors: str) -> str:
    """The detail of a shop-unavailable problem: which shop, and every located error of its file."""
    return f"the shop '{shop_id}' is not served: its policy file has errors.\n{errors}"


class UnknownPageError(QueryError):
    """The path names a terms page in a language the shop has no page in."""


class NotInForceError(QueryError):
    """No version of the shop's terms was in force at the moment asked about."""


class NotSignedError(QueryError):
    """The version asked about carries no signature."""


class UnknownVersionError(QueryError):
    """The path names a version (content hash) the shop never published."""


class Problem(BaseModel):
    """An error, described as RFC 9457 problem details."""

    type: str = Field(description="Address of the problem type, which describes it.")
    title: str = Field(description="Short summary of the problem type.", examples=["Invalid parameter"])
    status: int = Field(description="HTTP status code.", examples=[400])
    detail: str = Field(description="What went wrong in this request, and how to put it right.")
    instance: str = Field(
        description="The request path and query that failed.", examples=["/shipping?country=FR"]
    )
    field: str | None = Field(
        default=None, description="The parameter at fault, when one is.", examples=["country"]
    )
    allowed: list[str] | None = Field(
        default=None, description="Values that parameter accepts, when they are few."
    )


class ProblemType(BaseModel):
    """What a problem type means."""

    type: str = Field(description="Address of this problem type.")
    title: str = Field(description="Short summary.")
    status: int = Field(description="HTTP status code it comes with.")
    description: str = Field(description="When it happens and what to do.")


# Longer lists (every country with a holiday calendar) are left to the message.
MAX_ALLOWED = 60


def problem_type_url(request: Request, kind: str) -> str:
    return str(request.base_url).rstrip("/") + f"/problems/{kind}"


def problem_type_path(request: Request, kind: str) -> str:
    """The problem type as a reference relative to the host (RFC 9457 section 3.1.1 allows one): for
    a request whose Host is refused, whose Host must not be echoed into the answer."""
    return request.base_url.path.rstrip("/") + f"/problems/{kind}"


def problem_response(
    request: Request,
    kind: str,
    detail: str,
    *,
    field: str | None = None,
    allowed: Sequence[str] | None = None,
    status: int | None = None,
    headers: dict[str, str] | None = None,
    trusted_host: bool = True,
) -> Response:
    """Problem details for `request`; `trusted_host=False` keeps its Host header out of the answer."""
    info = PROBLEM_KINDS_BY_NAME[kind]
    instance = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    problem = Problem(
        type=problem_type_url(request, kind) if trusted_host else problem_type_path(request, kind),
        title=info.title,
        status=status or info.status,
        detail=detail,
        instance=instance,
        field=field,
        allowed=list(allowed) if allowed and len(allowed) <= MAX_ALLOWED else None,
    )
    return JSONResponse(
        problem.model_dump(mode="json", exclude_none=True),
        status_code=problem.status,
        media_type=MEDIA_TYPE,
        headers={"Cache-Control": "no-store", **(headers or {})},
    )


_PHRASES_BY_TYPE = {
    "missing": "is required",
    "string_too_long": "is too long",
    "string_too_short": "is too short",
    "string_type": "must be text",
}


def _validation_detail(error: dict[str, Any]) -> tuple[str | None, str]:
    location = [str(part) for part in error.get("loc", ())]
    field = location[-1] if len(location) > 1 else None
    where = f"{location[0]} parameter '{field}'" if field else "the request"
    phrase = _PHRASES_BY_TYPE.get(error.get("type", ""), str(error.get("msg", "is invalid")).lower())
    return field, f"{where} {phrase}"


async def _query_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, QueryError)
    if isinstance(error, NotPublishedError):
        return problem_response(request, "not-published", error.message, field=error.field)
    if isinstance(error, NotCoveredError):
        kind = "not-covered"
    elif isinstance(error, NotInForceError):
        kind = "not-in-force"
    elif isinstance(error, ShopUnavailableError):
        kind = "shop-unavailable"
    elif isinstance(error, NotSignedError):
        kind = "not-signed"
    elif isinstance(error, UnknownShopError | UnknownPageError | UnknownVersionError):
        kind = "not-found"
    else:
        kind = "invalid-parameter"
    return problem_response(request, kind, error.message, field=error.field, allowed=error.allowed)


async def _validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    errors = list(error.errors())
    field, detail = _validation_detail(errors[0]) if errors else (None, "the request is malformed")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return problem_response(request, "malformed-request", detail + more, field=field)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    headers = dict(error.headers or {})
    if error.status_code == 405:
        allowed = [method.strip() for method in headers.get("Allow", "GET").split(",")]
        if "GET" in allowed and "HEAD" not in allowed:
            allowed.append("HEAD")  # every GET resource answers HEAD too
        headers["Allow"] = ", ".join(allowed)
        return problem_response(
            request, "method-not-allowed", f"{request.method} is not served here; use GET.", headers=headers
        )
    if error.status_code == 404:
        detail = (
            error.detail if error.detail != "Not Found" else f"nothing is published at {request.url.path}"
        )
        return problem_response(request, "not-found", str(detail), headers=headers)
    return problem_response(
        request, "server-error", str(error.detail), status=error.status_code, headers=headers
    )


async def _store_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StoreError)
    logger.error("reading the store failed answering %s: %s", request.url.path, error)
    return problem_response(request, "store-unavailable", error.message, headers={"Retry-After": "5"})


async def _unexpected(request: Request, error: Exception) -> Response:
    logger.exception("unexpected error answering %s", request.url.path, exc_info=error)
    return problem_response(request, "server-error", "the server failed to answer this request")


def install_problem_handlers(app: FastAPI) -> None:
    """Every error the app can raise becomes problem+json; nothing escapes as an HTML or plain-text 500."""
    app.add_exception_handler(QueryError, _query_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for the problem statuses a route can answer with."""
    described = {
        400: "A parameter is invalid.",
        404: "Not covered by the terms, not published, or no such shop.",
        422: "Malformed request.",
    }
    return {
        status: {
            "model": Problem,
            "description": described.get(status, "Error."),
            "content": {MEDIA_TYPE: {}},
        }
        for status in statuses
    }
