"""The compiled documents: the organisation graph, Offer-level shipping details, and their JSON text."""

from __future__ import annotations

import json
from typing import Any

from shopterms.policy.jsonld.ids import NodeIds
from shopterms.policy.jsonld.offer import offer_shipping_details
from shopterms.policy.jsonld.organization import organization
from shopterms.policy.jsonld.vocabulary import CONTEXT, JsonObject
from shopterms.policy.model import Policy


def compile_policy(policy: Policy) -> JsonObject:
    """The organisation-level JSON-LD of a policy: one @graph whose OnlineStore carries every section.

    Pure and deterministic: the same policy gives an equal document, and `dumps` equal bytes."""
    return {"@context": CONTEXT, "@graph": [organization(policy, NodeIds(policy.shop.url))]}


def compile_offer_shipping_details(policy: Policy) -> JsonObject:
    """Offer-level markup for product templates: OfferShippingDetails per destination and rate, and the
    organisation's return policies referenced by @id."""
    return {"@context": CONTEXT, **offer_shipping_details(policy, NodeIds(policy.shop.url))}


def dumps(document: Any) -> str:
    """Canonical JSON text: sorted keys, two-space indent, UTF-8 characters kept, final newline."""
    return json.dumps(document, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
