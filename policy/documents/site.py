"""Where a shop's terms are published, and the address of each endpoint there.

One catalogue of endpoints feeds llms.txt, the API catalog and the UCP profile, so their links always
name the same paths as the HTTP routes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Endpoint:
    """One published address: its path under the site, a title and what it answers."""

    path: str
    title: str
    description: str
    media_type: str = "application/json"
    shared: bool = False
    """True for documents about the whole server (OpenAPI, docs, health), which live at its root."""


# The read-only HTTP API; paths are relative to the site's base address.
API_ENDPOINTS_BY_NAME: dict[str, Endpoint] = {
    "policy": Endpoint("/policy", "Policy", "The whole policy in its canonical JSON form."),
    "policy_jsonld": Endpoint(
        "/policy.jsonld", "JSON-LD", "The terms as schema.org JSON-LD.", media_type="application/ld+json"
    ),
    "summary": Endpoint("/summary", "Summary", "The headline terms of every section."),
    "shipping": Endpoint(
        "/shipping", "Shipping options", "Services, prices, carriers and times to a country."
    ),
    "delivery_estimate": Endpoint(
        "/delivery-estimate",
        "Delivery estimate",
        "Dispatch and delivery dates for an order placed now (or at ordered_at).",
    ),
    "returns": Endpoint("/returns", "Return terms", "Window, cost, methods and refund for a country."),
    "return_deadline": Endpoint(
        "/return-deadline",
        "Return deadline",
        "The last day to return goods delivered on a date, shop window and statutory period side by side.",
    ),
    "payment": Endpoint(
        "/payment", "Payment terms", "Accepted methods, when payment is taken, invoice terms."
    ),
    "support": Endpoint(
        "/support", "Support contacts", "Channels, contacts, hours and whether each is open now."
    ),
    "versions": Endpoint(
        "/versions",
        "Versions",
        "Every published version of the terms: when each took effect, which is in force, which are signed.",
    ),
}
# Documents that describe the API itself.
META_ENDPOINTS_BY_NAME: dict[str, Endpoint] = {
    "terms_page": Endpoint("/", "Terms page", "The terms for people, as HTML.", media_type="text/html"),
    "openapi": Endpoint(
        "/openapi.json",
        "OpenAPI",
        "OpenAPI 3.1 description of this API.",
        media_type="application/openapi+json",
        shared=True,
    ),
    "docs": Endpoint(
        "/docs",
        "API documentation",
        "Interactive documentation of this API.",
        media_type="text/html",
        shared=True,
    ),
    "llms_txt": Endpoint(
        "/llms.txt", "llms.txt", "These terms summarised for language models.", media_type="text/markdown"
    ),
    "api_catalog": Endpoint(
        "/.well-known/api-catalog",
        "API catalog",
        "RFC 9727 API catalog.",
        media_type="application/linkset+json",
        shared=True,
    ),
    "ucp": Endpoint("/.well-known/ucp", "UCP profile", "Universal Commerce Protocol business profile."),
    "jwks": Endpoint(
        "/.well-known/jwks.json",
        "Signing keys",
        "JWK Set of the keys that sign published versions of the terms.",
        media_type="application/jwk-set+json",
    ),
    "health": Endpoint("/healthz", "Health", "Liveness check, with the load time of each shop.", shared=True),
}
# What a static build publishes: files only, no computed answers. The files are the API's own documents;
# only the terms page takes the file name a static host serves.
STATIC_FILES_BY_NAME: dict[str, Endpoint] = {
    "terms_page": Endpoint(
        "/index.html", "Terms page", "The terms for people, as HTML.", media_type="text/html"
    ),
    "policy_jsonld": API_ENDPOINTS_BY_NAME["policy_jsonld"],
    **{name: META_ENDPOINTS_BY_NAME[name] for name in ("llms_txt", "api_catalog", "ucp")},
}


@dataclass(frozen=True)
class Site:
    """A place the terms are published: a running API (with computed answers) or static files."""

    base_url: str
    """Absolute address without a trailing slash, e.g. https://terms.example or …/shops/nordlicht."""
    api: bool = True
    """True for the HTTP API; False for a static build, which has files but no computed answers."""
    mcp_url: str | None = None
    """Address of the MCP endpoint, when one is served."""
    root_url: str | None = None
    """Address of the server root when it serves several shops (OpenAPI and docs live there)."""

    def url(self, endpoint: Endpoint | str) -> str:
        """The absolute address of an endpoint (or of a path under the site)."""
        if isinstance(endpoint, str):
            return self.base_url.rstrip("/") + endpoint
        base = self.root_url if endpoint.shared and self.root_url else self.base_url
        return base.rstrip("/") + endpoint.path

    def endpoints(self) -> dict[str, Endpoint]:
        """Every address this site has, by name."""
        if not self.api:
            return dict(STATIC_FILES_BY_NAME)
        return {**API_ENDPOINTS_BY_NAME, **META_ENDPOINTS_BY_NAME}
