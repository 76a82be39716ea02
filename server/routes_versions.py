"""The versions of a shop's terms: the history, each version with its content, its signature, the keys.

    /versions                    every publication, newest first, with its status at `as_of` (default now)
    /versions/{hash}             one version: when it took effect, who signed it, and the policy itself
    /versions/{hash}/signature   its JWS (compact, payload detached), application/jose
    /.well-known/jwks.json       the public keys that sign the shop's versions (RFC 7517 JWK Set)

Terms served from a file have one version, unsigned, and an empty key set.
"""
# No "from __future__ import annotations": FastAPI reads the route signatures, whose dependency types
# are local to the router factory.

import json
import re
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel, Field
from starlette.requests import Request
from starlette.responses import Response

from shopterms.policy.arguments import checked_moment
from shopterms.policy.model import Policy
from shopterms.server.caching import Document, document_response
from shopterms.server.context import ServerSettings, site_for
from shopterms.server.problems import NotSignedError, UnknownVersionError, problem_responses
from shopterms.server.resolvers import AsOf, terms_resolver
from shopterms.server.selection import AS_OF, signature_link
from shopterms.server.state import JSON, ShopRegistry
from shopterms.server.terms import ShopTerms
from shopterms.server.version_state import ShopState, version_etag
from shopterms.store.records import VersionEntry, VersionHistory, VersionInfo

JOSE = "application/jose"
JWK_SET = "application/jwk-set+json"
_HASH = re.compile(r"^[0-9a-f]{64}$")


class VersionDocument(VersionEntry):
    """One version: its record, where its signature is, and the terms themselves."""

    signature: str | None = Field(description="Address of the version's JWS; null when it is unsigned.")
    policy: Policy = Field(
        description="The policy of this version in canonical form. Its RFC 8785 canonical JSON is what the "
        "hash and the signature cover."
    )


class KeySet(BaseModel):
    """A JWK Set (RFC 7517) of Ed25519 public keys."""

    keys: list[dict[str, Any]] = Field(description="Public keys, each with kid (RFC 7638 thumbprint).")


KEY_SET_RESPONSE: dict[str, Any] = {
    "description": "A JWK Set (RFC 7517).",
    "content": {JWK_SET: {"schema": KeySet.model_json_schema()}},
}


def version_named(terms: ShopTerms, text: str) -> VersionInfo:
    """The latest publication of the content with hash `text`; a 404 listing the versions otherwise."""
    found = terms.timeline.by_hash(text) if _HASH.match(text) else []
    if not found:
        hashes = [version.hash for version in sorted(terms.timeline.versions, key=lambda v: -(v.number or 0))]
        raise UnknownVersionError(
            "version", f"{terms.shop_id} has no version {text}; /versions lists the versions", hashes
        )
    return found[0]


def _json(data: object, media_type: str = JSON, etag: str | None = None) -> Document:
    return Document.of(json.dumps(data, ensure_ascii=False, indent=2) + "\n", media_type, etag)


def versions_router(registry: ShopRegistry, settings: ServerSettings) -> APIRouter:
    router = APIRouter(tags=["versions"])
    Terms = Annotated[ShopTerms, Depends(terms_resolver(registry))]
    Hash = Annotated[
        str,
        Path(
            description="Content hash of the version (64 hex digits), as in /versions and the ETag.",
            json_schema_extra={"pattern": _HASH.pattern},
        ),
    ]

    def base(request: Request, state: ShopState) -> str:
        return site_for(request, settings, registry, state).base_url

    @router.get(
        "/versions",
        response_model=VersionHistory,
        summary="Versions of the terms",
        description="Every published version, newest first: when it takes effect, when it was published, "
        "whether it is in force, scheduled or superseded at `as_of` (default now), and whether it is signed.",
        responses=problem_responses(400, 404),
    )
    async def versions(request: Request, terms: Terms, as_of: AsOf = None) -> Response:
        moment = checked_moment(as_of, AS_OF)
        history = VersionHistory(shop=terms.shop_id, versions=terms.history(moment))
        document = Document.of(history.model_dump_json(), JSON)
        return document_response(request, document, "no-cache")

    @router.get(
        "/versions/{version}",
        response_model=VersionDocument,
        summary="One version",
        description="A version's record and its policy. Its RFC 8785 canonical JSON hashes to `hash` "
        "(SHA-256) and is what the signature at `signature` covers.",
        responses=problem_responses(404),
    )
    async def version(request: Request, terms: Terms, version: Hash) -> Response:
        found = version_named(terms, version)
        state = terms.state(found)
        signature = signature_link(base(request, state), state)
        url = f"{base(request, state)}/versions/{found.hash}/signature" if found.signed else None

        def render() -> Document:
            data = {
                **found.entry().model_dump(mode="json"),
                "signature": url,
                "policy": state.policy.model_dump(mode="json"),
            }
            return _json(data, etag=version_etag(found, "version.json"))

        document = state.memo.get(("version.json", found.number, url), render)
        headers = {"Link": signature} if signature else {}
        return document_response(request, document, settings.cache_control, headers)

    @router.get(
        "/versions/{version}/signature",
        summary="A version's signature",
        description="JWS compact serialization with the payload detached (header..signature), EdDSA over "
        "Ed25519. The payload is the RFC 8785 canonical JSON of the version's policy; the keys are at "
        "/.well-known/jwks.json.",
        response_class=Response,
        responses={200: {"content": {JOSE: {"schema": {"type": "string"}}}}, **problem_responses(404)},
    )
    async def signature(request: Request, terms: Terms, version: Hash) -> Response:
        found = version_named(terms, version)
        value = None if registry.signatures is None else registry.signatures.signature(found)
        if value is None:
            raise NotSignedError("version", f"version {found.hash} of {terms.shop_id} is not signed")
        document = Document.of(value, JOSE, version_etag(found, "signature"))
        return document_response(request, document, settings.cache_control)

    @router.get(
        "/.well-known/jwks.json",
        response_class=Response,
        summary="Signing keys",
        description="The public keys (JWK Set) that sign this shop's published versions; empty when none is "
        "signed.",
        responses={200: KEY_SET_RESPONSE, **problem_responses(404)},
    )
    async def jwks(request: Request, terms: Terms) -> Response:
        kids = sorted({version.key_id for version in terms.timeline.versions if version.key_id})
        keys = registry.signatures.public_keys(kids) if registry.signatures and kids else []
        return document_response(request, _json({"keys": keys}, JWK_SET), settings.cache_control)

    return router


def server_keys_router(registry: ShopRegistry, settings: ServerSettings) -> APIRouter:
    """At the root of a server of many shops: every key that signs any of their versions."""
    router = APIRouter(tags=["versions"])

    @router.get(
        "/.well-known/jwks.json",
        response_class=Response,
        summary="Signing keys of every shop",
        description="The public keys (JWK Set) that sign the published versions of the shops served here.",
        responses={200: KEY_SET_RESPONSE},
    )
    async def jwks(request: Request) -> Response:
        if registry.lazy:  # a replica asks its store, off the event loop
            keys = await anyio.to_thread.run_sync(registry.server_keys)
        else:
            keys = registry.server_keys()
        return document_response(request, _json({"keys": keys}, JWK_SET), settings.cache_control)

    return router
