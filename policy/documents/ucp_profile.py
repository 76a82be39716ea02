"""The business profile of the Universal Commerce Protocol (UCP), served at /.well-known/ucp.

UCP names services by reverse domain; shopterms publishes its terms service as `dev.shopterms.terms`,
with one binding per transport (REST, and MCP where served). The profile declares no checkout
capabilities and no payment handlers: the terms are read-only. The shipping and refund policies are
linked with UCP's link types in the service's `config`, which UCP leaves to each service to define.
"""

from __future__ import annotations

from typing import Any

from shopterms.policy.documents.site import Site
from shopterms.policy.model import Policy

UCP_VERSION = "2026-04-08"
SERVICE_NAME = "dev.shopterms.terms"
# Version of the terms service's own interface, in UCP's date form; changes only when the API does.
SERVICE_VERSION = "2026-11-23"


def _page(site: Site, anchor: str) -> str:
    page = site.endpoints()["terms_page"]
    return site.url(page) + anchor


def policy_links(policy: Policy, site: Site) -> list[dict[str, str]]:
    """UCP link objects for the shop's policy pages, falling back to sections of the published terms page."""
    legal = policy.legal
    links = [
        {
            "type": "shipping_policy",
            "url": (legal.shipping_url if legal else None) or _page(site, "#shipping"),
            "title": "Shipping",
        },
        {
            "type": "refund_policy",
            "url": (legal.returns_url if legal else None) or _page(site, "#returns"),
            "title": "Returns and refunds",
        },
    ]
    if legal and legal.terms_url:
        links.append({"type": "terms_of_service", "url": legal.terms_url, "title": "Terms and conditions"})
    if legal and legal.privacy_url:
        links.append({"type": "privacy_policy", "url": legal.privacy_url, "title": "Privacy notice"})
    return links


def ucp_profile(policy: Policy, site: Site, keys: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The business profile: where the terms service answers, links to the policy pages, and the public
    keys (a JWK Set, UCP's top-level `keys`) that sign the published versions of the terms."""
    endpoints = site.endpoints()
    config = {"links": policy_links(policy, site)}
    bindings: list[dict[str, Any]] = []
    if site.api:
        bindings.append(
            {
                "version": SERVICE_VERSION,
                "spec": site.url(endpoints["docs"]),
                "transport": "rest",
                "endpoint": site.base_url,
                "schema": site.url(endpoints["openapi"]),
                "config": config,
            }
        )
    if site.mcp_url:
        bindings.append(
            {"version": SERVICE_VERSION, "transport": "mcp", "endpoint": site.mcp_url, "config": config}
        )
    profile: dict[str, Any] = {
        "ucp": {
            "version": UCP_VERSION,
            "services": {SERVICE_NAME: bindings} if bindings else {},
            "capabilities": {},
            "payment_handlers": {},
        }
    }
    if not bindings:
        # A static copy has no endpoint to bind; the links still tell an agent where the terms are.
        profile["links"] = config["links"]
    if keys:
        profile["keys"] = keys
    return profile
