"""The OpenAPI 3.1 document: generated from the routes, completed with problem responses and live examples.

FastAPI describes each route from its models; this module adds what it cannot know: errors come as
application/problem+json, any other status as a problem too, and each answer's example is the real
answer for the shop being served. The result is rendered once per shop generation, like every document.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from importlib.metadata import version
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from shopterms.policy.answers import (
    delivery_estimates,
    payment_terms,
    policy_summary,
    return_terms,
    shipping_options,
    support_contacts,
)
from shopterms.policy.answers.shipping import shipped_countries
from shopterms.policy.deadline import return_deadline
from shopterms.policy.errors import QueryError
from shopterms.policy.model import Policy
from shopterms.server.caching import Document
from shopterms.server.problems import MEDIA_TYPE as PROBLEM_MEDIA_TYPE

# Fixed moments, so the examples (and the document's ETag) do not change from one minute to the next.
EXAMPLE_MOMENT = "2026-12-23T15:00:00+01:00"
EXAMPLE_DAY = "2026-12-11"


def _first(values: list[str]) -> str:
    return values[0] if values else "DE"


def _examples() -> dict[str, Callable[[Policy], BaseModel]]:
    return {
        "/summary": policy_summary,
        "/shipping": lambda policy: shipping_options(policy, _first(shipped_countries(policy))),
        "/returns": lambda policy: return_terms(
            policy, _first(list(policy.returns.countries) if policy.returns else [])
        ),
        "/payment": payment_terms,
        "/support": lambda policy: support_contacts(policy, EXAMPLE_MOMENT),
        "/delivery-estimate": lambda policy: delivery_estimates(
            policy, _first(shipped_countries(policy)), ordered_at=EXAMPLE_MOMENT
        ),
        "/return-deadline": lambda policy: return_deadline(
            policy, _first(list(policy.returns.countries) if policy.returns else []), EXAMPLE_DAY
        ),
    }


def _example(path: str, policy: Policy | None, prefix: str) -> Any | None:
    if policy is None or not path.startswith(prefix):
        return None
    if path.removeprefix(prefix) == "/policy":
        return policy.model_dump(mode="json")
    ask = _examples().get(path.removeprefix(prefix))
    if ask is None:
        return None
    try:
        return ask(policy).model_dump(mode="json")
    except QueryError:  # the shop lacks that section: no example rather than a wrong one
        return None


def _problem_content() -> dict[str, Any]:
    return {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}


def _plain_parameter(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional parameter's schema without its null branch: a query string is absent, never null.

    FastAPI writes `str | None` as anyOf string/null with the pattern beside the anyOf, where it would
    also apply to null; the parameter's form is the string branch with those keywords."""
    branches = [branch for branch in schema.get("anyOf", []) if branch.get("type") != "null"]
    if "anyOf" not in schema or len(branches) != 1:
        return schema
    rest = {key: value for key, value in schema.items() if key != "anyOf"}
    return {**branches[0], **rest}


def complete(
    document: dict[str, Any], policy: Policy | None, prefix: str, shop_ids: Sequence[str] = ()
) -> dict[str, Any]:
    """Problem responses for every error status, a catch-all problem response, plain parameter schemas
    (shop ids listed), and live examples."""
    for path, operations in document.get("paths", {}).items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                parameter["schema"] = _plain_parameter(parameter.get("schema", {}))
                if parameter["name"] == "shop_id" and shop_ids:
                    parameter["schema"]["enum"] = list(shop_ids)
            responses = operation.setdefault("responses", {})
            for status, response in responses.items():
                if status != "default" and int(status) >= 400:
                    response["content"] = _problem_content()
            responses["default"] = {
                "description": "Any other error, as problem details.",
                "content": _problem_content(),
            }
            example = _example(path, policy, prefix)
            content = responses.get("200", {}).get("content", {}).get("application/json")
            if example is not None and content is not None:
                content["example"] = example
    # FastAPI's own validation-error schemas are replaced by Problem everywhere.
    schemas = document.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    return document


def openapi_document(
    app: FastAPI, title: str, policy: Policy | None, prefix: str, shop_ids: Sequence[str] = ()
) -> Document:
    """The finished OpenAPI document of `app` as rendered bytes."""
    from shopterms.server.problems import Problem

    document = get_openapi(
        title=title,
        version=version("shopterms"),
        openapi_version="3.1.0",
        summary="Read-only API of a shop's post-purchase terms: shipping, returns, payment and support.",
        description="Every answer comes from the shop's policy file. Errors are RFC 9457 problem details "
        "with "
        "`field` and `allowed` naming the parameter at fault and what it accepts.",
        routes=app.routes,
        tags=[
            {"name": "terms", "description": "The policy and answers per section."},
            {"name": "dates", "description": "Computed delivery dates and return deadlines."},
            {"name": "discovery", "description": "llms.txt, UCP profile and API catalog."},
            {"name": "server", "description": "Health, problem types and the shop index."},
        ],
    )
    document.setdefault("components", {}).setdefault("schemas", {})["Problem"] = Problem.model_json_schema(
        ref_template="#/components/schemas/{model}"
    )
    complete(document, policy, prefix, shop_ids)
    return Document.of(json.dumps(document, ensure_ascii=False), "application/json")
