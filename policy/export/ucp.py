"""The ucp target: pieces a Universal Commerce Protocol business embeds in its responses.

- `policies`: policies for every buyer: the shipping policy (the shop's own policy type) and the
  legal guarantee (`dev.ucp.shopping.policy.warranty`).
- `markets`: buyers' countries that share a return policy (`dev.ucp.shopping.policy.return`).
- `item_policies`: final-sale return policies for goods that cannot be returned, each with an
  `applies_to` target on the catalog products tagged with the goods' words (see `ucp_targets`).
- `links`: the policy pages, `payment_terms`: payment timing as term templates (see `ucp_terms`).
- `currency`: the currency of every amount, which UCP writes in minor units.
Families covered: returns, shipping, links, payment and warranty.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from shopterms.policy.export import coarsening, ucp_returns, ucp_shipping, ucp_terms
from shopterms.policy.export.facts import Facts, Family, Links, Payment, Returns, Shipping, Warranty
from shopterms.policy.export.loss import LossLog
from shopterms.policy.export.target import render_json
from shopterms.policy.export.ucp_rules import GUARANTEE_YEARS, RETURN_TYPE, WARRANTY_TYPE, UcpExport
from shopterms.policy.export.ucp_targets import policy_items


class UcpTarget:
    name = "ucp"
    title = "Universal Commerce Protocol"
    families: frozenset[Family] = frozenset({"returns", "shipping", "links", "payment", "warranty"})
    formats: tuple[str, ...] = ("json",)
    rules: type[BaseModel] = UcpExport

    def narrow(self, facts: Facts, log: LossLog) -> Facts:
        returns = facts.returns and ucp_returns.narrow(facts.returns, log)
        shipping = facts.shipping
        if shipping is not None:
            if facts.shop is None or ucp_shipping.policy_type(facts.shop.url) is None:
                url = facts.shop.url if facts.shop else "(none)"
                log.add(
                    "shipping", f"the shop address {url} forms no reverse-domain name for a UCP policy type"
                )
                shipping = None
            elif not any(service.cutoff for service in shipping.services):
                shipping = shipping.model_copy(update={"timezone": None})  # the zone only places cutoffs
        payment = facts.payment
        if payment is not None and payment == Payment():
            payment = None
        # The shop itself is not stated; it stays only to name the shipping policy type.
        return Facts(
            shop=facts.shop,
            returns=returns,
            shipping=shipping,
            links=facts.links,
            payment=payment,
            warranty=facts.warranty,
        )

    def write(self, facts: Facts) -> dict[str, Any]:
        currency = _currency(facts)
        payload: dict[str, Any] = {"currency": currency} if currency else {}
        url = coarsening.return_policy_url(facts.links)
        shipping_url = facts.links.shipping if facts.links else None
        policies = []
        if facts.shipping is not None and facts.shop is not None:
            kind = ucp_shipping.policy_type(facts.shop.url) or ""
            policies.append(ucp_shipping.write(facts.shipping, kind, shipping_url))
        if facts.warranty is not None:
            policies.append(_warranty(facts.warranty, facts.links))
        payload["policies"] = policies
        if facts.returns is not None:
            payload["markets"] = [
                {"countries": list(t.countries), "policies": [ucp_returns.write_policy(t, currency, url)]}
                for t in facts.returns.terms
            ]
            payload["item_policies"] = [
                ucp_returns.write_final_sale(items, url) for items in facts.returns.exclusions
            ]
        if facts.links is not None:
            payload["links"] = ucp_terms.write_links(facts.links)
        if facts.payment is not None:
            payload["payment_terms"] = ucp_terms.write_payment(facts.payment)
        return {key: value for key, value in payload.items() if value}

    def read(self, payload: dict[str, Any]) -> Facts:
        currency = payload.get("currency")
        shipping: Shipping | None = None
        warranty: Warranty | None = None
        for policy in payload.get("policies", []):
            if policy["type"].endswith(".policy.shipping") and currency:
                shipping = ucp_shipping.read(policy, currency)
            elif policy["type"] == WARRANTY_TYPE and GUARANTEE_YEARS in policy:
                warranty = Warranty(years=Decimal(str(policy[GUARANTEE_YEARS])))
        returns = None
        if "markets" in payload:
            terms = tuple(
                ucp_returns.read_policy(policy, tuple(market["countries"]), currency)
                for market in payload["markets"]
                for policy in market["policies"]
                if policy["type"] == RETURN_TYPE
            )
            exclusions = tuple(
                item.get("items") or policy_items(item["policy"]) or ""
                for item in payload.get("item_policies", [])
            )
            returns = Returns(terms=terms, exclusions=exclusions, currency=currency)
            returns = returns.model_copy(update={"currency": coarsening.returns_currency(returns)})
        return Facts(
            returns=returns,
            shipping=shipping,
            links=ucp_terms.read_links(payload.get("links", [])),
            payment=ucp_terms.read_payment(payload.get("payment_terms", [])),
            warranty=warranty,
        )

    def parse(self, text: str, fmt: str) -> dict[str, Any]:
        return dict(json.loads(text))

    def render(self, payload: dict[str, Any], fmt: str) -> str:
        return render_json(payload)


def _warranty(warranty: Warranty, links: Links | None) -> dict[str, Any]:
    years = warranty.years.normalize()
    count = f"{years:f}"
    plain = f"Legal guarantee against defects for {count} year{'' if years == 1 else 's'} from delivery."
    policy: dict[str, Any] = {"type": WARRANTY_TYPE, "description": {"plain": plain}}
    if links is not None and links.terms:
        policy["url"] = links.terms
    policy[GUARANTEE_YEARS] = int(years) if years == years.to_integral_value() else float(years)
    return policy


def _currency(facts: Facts) -> str | None:
    if facts.shipping is not None:
        return facts.shipping.currency
    return facts.returns.currency if facts.returns is not None else None
