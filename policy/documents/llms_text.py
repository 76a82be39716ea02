"""llms.txt: the terms summarised in Markdown for language models, with links to every endpoint.

Written from the answers layer, so the prose says exactly what the API answers. Follows the llms.txt
proposal: a title, a one-paragraph summary in a quote, then sections of facts and of links.
"""

from __future__ import annotations

from shopterms.policy.answers import (
    payment_terms,
    policy_summary,
    return_terms,
    shipping_options,
    support_contacts,
)
from shopterms.policy.answers.returns import ReturnTerms
from shopterms.policy.answers.shipping import ServiceOption, shipped_countries
from shopterms.policy.documents.ai_catalog import card_url
from shopterms.policy.documents.site import Site
from shopterms.policy.model import Policy
from shopterms.policy.queries import DaySpan

# The delivery day of the example return-deadline link: fixed, so the document stays reproducible.
EXAMPLE_DELIVERY = "2026-05-04"


def _days(span: DaySpan) -> str:
    return f"{span.min}" if span.min == span.max else f"{span.min}-{span.max}"


def _amount(value: float | None, currency: str) -> str:
    return "free" if not value else f"{value:.2f} {currency}"


def _service_line(service: ServiceOption, currency: str) -> str:
    rate = service.rate
    price = _amount(float(rate.amount), currency) if rate.amount is not None else "price depends on the order"
    if rate.by_condition:
        price += (
            " ("
            + "; ".join(_amount(float(r.amount), currency) + _conditions(r) for r in rate.by_condition)
            + ")"
        )
    if rate.free_from is not None:
        price += f", free from {float(rate.free_from):.2f} {currency}"
    carriers = ", ".join(carrier.name for carrier in service.carriers)
    if carriers and service.carrier_choice:
        carriers += "; the buyer chooses"
    parts = [
        f"**{service.name}** (`{service.id}`)",
        price,
        f"{_days(service.handling_days)} + {_days(service.transit_days)} business days (handling + transit)",
    ]
    if service.cutoff:
        parts.append(f"order by {service.cutoff}")
    if carriers:
        parts.append(f"carriers: {carriers}")
    if service.only_in:
        parts.append(f"only to {', '.join(service.only_in)}")
    if service.excluded:
        parts.append(f"not to {', '.join(service.excluded)}")
    return " — ".join(parts)


def _conditions(rate: object) -> str:
    labels = {"weight_kg": "kg", "order_value": "order value", "items": "items"}
    found = [f"{label} {getattr(rate, key)}" for key, label in labels.items() if getattr(rate, key, None)]
    return f" for {', '.join(found)}" if found else ""


def _shipping(policy: Policy) -> list[str]:
    if policy.shipping is None:
        return []
    lines = ["## Shipping", ""]
    for country in shipped_countries(policy):
        answer = shipping_options(policy, country)
        lines.append(f"- To {country}:")
        lines += [f"  - {_service_line(service, answer.currency)}" for service in answer.services]
    lines.append(f"- Cutoff times are local times in {policy.shop.timezone}.")
    return [*lines, ""]


def _return_line(terms: ReturnTerms) -> str:
    window = terms.window
    if window.type == "finite":
        text = f"{window.days} days after {window.after}"
    else:
        text = "no returns" if window.type == "none" else "no time limit"
    cost = {"free": "free return shipping", "customer_pays": "the buyer pays return shipping"}.get(
        terms.cost.type, f"return shipping {_amount(terms.cost.amount, terms.currency)}"
    )
    parts = [text, cost, "methods: " + ", ".join(terms.methods)]
    if terms.refund is not None and terms.refund.days is not None:
        refund, to = terms.refund, terms.refund.to.replace("_", " ")
        parts.append(f"refund within {refund.days} days after {refund.after} to {to}")
    return f"- {terms.country}: " + "; ".join(parts)


def _returns(policy: Policy) -> list[str]:
    if policy.returns is None:
        return []
    answers = [return_terms(policy, country) for country in policy.returns.countries]
    lines = ["## Returns", "", *(_return_line(terms) for terms in answers)]
    first = answers[0] if answers else None
    if first is not None:
        for season in first.seasonal:
            until = f"until {season.until}" if season.until else f"{season.days} days after delivery"
            orders = f"orders {season.orders_from} to {season.orders_until}"
            lines.append(f"- {season.name}: {orders} can be returned {until}")
        if first.not_returnable:
            excluded = "; ".join(f"{item.items} ({item.reason})" for item in first.not_returnable)
            lines.append(f"- Not returnable: {excluded}")
        if first.exchange is not None:
            lines.append(f"- Exchanges: {'offered' if first.exchange else 'not offered'}")
        if first.portal:
            lines.append(f"- Start a return: {first.portal}")
        if first.withdrawal_days:
            lines.append(f"- Statutory withdrawal period: {first.withdrawal_days} days")
    return [*lines, ""]


def _payment(policy: Policy) -> list[str]:
    if policy.payment is None:
        return []
    answer = payment_terms(policy)
    lines = [
        "## Payment",
        "",
        "- Methods: " + ", ".join(method.name for method in answer.methods),
        "- Charged: " + answer.charged.replace("_", " "),
    ]
    if answer.invoice is not None:
        lines.append(f"- Invoice: due {answer.invoice.due_days} days after {answer.invoice.due_after}")
    return [*lines, ""]


def _support(policy: Policy) -> list[str]:
    if policy.support is None:
        return []
    # The moment is irrelevant here (only contacts and hours are written), so the file stays reproducible.
    answer = support_contacts(policy, "2000-01-03T12:00:00+00:00")
    lines = ["## Support", ""]
    for channel in answer.channels:
        hours = f" — {channel.hours}" if channel.hours else ""
        languages = f" ({', '.join(channel.languages)})" if channel.languages else ""
        lines.append(f"- {channel.type.replace('_', ' ').capitalize()}: {channel.contact}{hours}{languages}")
    if answer.self_service:
        lines.append(f"- Order status and self-service: {answer.self_service}")
    return [*lines, ""]


def _example_query(name: str, policy: Policy) -> str | None:
    """An example query the shop answers (a country it covers), or None when it has no such terms.

    Every link of llms.txt must answer: an endpoint for a section the shop does not publish is left
    out, and the example country is one the section covers."""
    shipped = shipped_countries(policy)
    returned = list(policy.returns.countries) if policy.returns else []
    queries: dict[str, str | None] = {
        "shipping": f"?country={shipped[0]}" if shipped else None,
        "delivery_estimate": f"?country={shipped[0]}" if shipped else None,
        "returns": f"?country={returned[0]}" if returned else None,
        "return_deadline": f"?country={policy.shop.sells_to[0]}&delivered_on={EXAMPLE_DELIVERY}",
        "payment": "" if policy.payment else None,
        "support": "" if policy.support else None,
    }
    return queries.get(name, "")


def _links(policy: Policy, site: Site) -> list[str]:
    lines = ["## API" if site.api else "## Files", ""]
    for name, endpoint in site.endpoints().items():
        query = _example_query(name, policy) if site.api else ""
        if query is not None:
            lines.append(f"- [{endpoint.title}]({site.url(endpoint)}{query}): {endpoint.description}")
    if site.mcp_url:
        lines.append(f"- [MCP server]({site.mcp_url}): the same answers as MCP tools (streamable HTTP).")
        lines.append(f"- [MCP server card]({card_url(site.mcp_url)}): how to connect, before connecting.")
    return [*lines, ""]


def llms_text(policy: Policy, site: Site) -> str:
    """The llms.txt document of one shop, published at `site`."""
    summary = policy_summary(policy)
    shop = summary.shop
    intro = (
        f"> Post-purchase terms of {shop.name} ({shop.url}): shipping, returns, payment and support. "
        f"Amounts are in {shop.currency}; the shop sells to {', '.join(shop.sells_to)}."
    )
    api_note = (
        "Ask the API for computed answers (delivery dates, return deadlines); every endpoint is described "
        "in the OpenAPI document."
        if site.api
        else "Static copy of the terms; computed answers need the HTTP API."
    )
    lines = [f"# {shop.name}: terms of sale", "", intro, "", api_note, ""]
    lines += _shipping(policy) + _returns(policy) + _payment(policy) + _support(policy) + _links(policy, site)
    return "\n".join(lines).rstrip() + "\n"


def llms_index(shops: list[tuple[str, str, str]], root: str) -> str:
    """llms.txt of a server with several shops: one link per shop, given as (id, name, base address)."""
    lines = [
        "# Shop terms",
        "",
        "> Post-purchase terms of several shops; each has its own llms.txt and API.",
        "",
    ]
    lines += ["## Shops", ""]
    lines += [
        f"- [{name}]({base.rstrip('/')}/llms.txt): shop id `{shop_id}`" for shop_id, name, base in shops
    ]
    base = root.rstrip("/")
    lines += ["", "## API", "", f"- [Shop index]({base}/shops): every shop with its addresses"]
    lines.append(f"- [OpenAPI]({base}/openapi.json): OpenAPI 3.1 description of this API")
    lines.append(f"- [API catalog]({base}/.well-known/api-catalog): RFC 9727 API catalog of every shop")
    return "\n".join(lines) + "\n"
