"""The google target: request bodies for the Merchant API v1 accounts resources.

`onlineReturnPolicies` are bodies for accounts.onlineReturnPolicies.create; `shippingSettings` is the
body for accounts.shippingSettings.insert, which replaces all of an account's shipping settings (so it
is left out when the policy has no shipping section). Families covered: returns and shipping.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from shopterms.policy.export import coarsening, google_returns, google_shipping
from shopterms.policy.export.facts import Facts, Family, Links
from shopterms.policy.export.google_rules import GoogleExport
from shopterms.policy.export.loss import LossLog
from shopterms.policy.export.target import render_json


class GoogleTarget:
    name = "google"
    title = "Google Merchant API v1"
    families: frozenset[Family] = frozenset({"returns", "shipping", "links"})  # links: the return page only
    formats: tuple[str, ...] = ("json",)
    rules: type[BaseModel] = GoogleExport

    def narrow(self, facts: Facts, log: LossLog) -> Facts:
        returns = facts.returns and google_returns.narrow(facts.returns, log)
        shipping = facts.shipping and google_shipping.narrow(facts.shipping, log)
        links = None
        if returns is not None:
            url = coarsening.return_policy_url(facts.links)
            if url is None:
                # Every OnlineReturnPolicy needs its page; the shipping settings can still be exported.
                log.add(
                    "returns",
                    "the Merchant API requires a return policy page (returnPolicyUri); set legal.returns_url "
                    "or returns.portal",
                )
                returns = None
            else:
                links = Links(returns=url)
        if shipping is not None and not shipping.services:
            shipping = None
        return Facts(returns=returns, shipping=shipping, links=links)

    def write(self, facts: Facts) -> dict[str, Any]:
        payload: dict[str, Any] = {"onlineReturnPolicies": []}
        if facts.returns is not None and facts.links is not None and facts.links.returns:
            payload["onlineReturnPolicies"] = google_returns.write(facts.returns, facts.links.returns)
        if facts.shipping is not None:
            payload["shippingSettings"] = google_shipping.write(facts.shipping)
        return payload

    def read(self, payload: dict[str, Any]) -> Facts:
        returns, url = google_returns.read(payload.get("onlineReturnPolicies", []))
        return Facts(
            returns=returns,
            shipping=google_shipping.read(payload.get("shippingSettings")),
            links=Links(returns=url) if url else None,
        )

    def parse(self, text: str, fmt: str) -> dict[str, Any]:
        return dict(json.loads(text))

    def render(self, payload: dict[str, Any], fmt: str) -> str:
        return render_json(payload)
