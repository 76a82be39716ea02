"""The documents the server shares with `shopterms build`: JSON-LD and the human terms page."""

from __future__ import annotations

import html

from policy.jsonld import compile_policy, dumps
from policy.model import Policy


def render_jsonld(policy: Policy) -> str:
    return dumps(compile_policy(policy))


def render_terms_page(policy: Policy) -> str:
    # Placeholder until the build's page renderer is available.
    return f"<!doctype html><title>{html.escape(policy.shop.name)}</title><h1>{html.escape(policy.shop.name)}</h1>"
