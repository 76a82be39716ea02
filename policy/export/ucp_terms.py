"""Policy pages as UCP links, and payment timing as UCP payment terms.

Link types are UCP's well-known ones where they exist (terms_of_service, privacy_policy,
refund_policy, shipping_policy); the others use the open vocabulary with a title to show.

UCP payment terms belong to a checkout and each schedule carries the checkout's amount; the export
writes them as templates without `amount`, which the business fills in per checkout. An invoice
schedule also carries `due` ({days, after}), the structured form of its description.
"""

from __future__ import annotations

from typing import Any

from shopterms.policy.export.facts import Links, Payment

LINK_TYPE_BY_FIELD = {
    "terms": ("terms_of_service", None),
    "privacy": ("privacy_policy", None),
    "returns": ("refund_policy", None),
    "shipping": ("shipping_policy", None),
    "imprint": ("imprint", "Imprint"),
    "withdrawal": ("withdrawal", "Withdraw from the contract"),
    "returns_portal": ("returns_portal", "Start a return"),
}
CHARGE = {
    "at_order": ("immediate", "Pay at checkout", "The full amount is charged when the order is placed."),
    "at_shipment": ("on_shipment", "Charged at shipment", "The full amount is charged when the order ships."),
    "after_delivery": (
        "after_delivery",
        "Charged after delivery",
        "The full amount is charged after delivery.",
    ),
}


def write_links(links: Links) -> list[dict[str, Any]]:
    result = []
    for field, (kind, title) in LINK_TYPE_BY_FIELD.items():
        url = getattr(links, field)
        if url:
            result.append({"type": kind, "url": url, **({"title": title} if title else {})})
    return result


def read_links(items: list[dict[str, Any]]) -> Links | None:
    field_by_type = {kind: field for field, (kind, _) in LINK_TYPE_BY_FIELD.items()}
    values = {field_by_type[item["type"]]: item["url"] for item in items if item["type"] in field_by_type}
    return Links(**values) if values else None


def write_payment(payment: Payment) -> list[dict[str, Any]]:
    terms: list[dict[str, Any]] = []
    if payment.charged:
        kind, title, text = CHARGE[payment.charged]
        terms.append(
            {
                "id": "upfront",
                "title": title,
                "schedules": [{"id": "charge", "type": kind, "description": {"plain": text}}],
            }
        )
    if payment.invoice_days is not None:
        after = payment.invoice_after or "invoice"
        text = f"Due {payment.invoice_days} days after {'the invoice date' if after == 'invoice' else after}."
        schedule = {
            "id": "invoice",
            "type": "deferred",
            "description": {"plain": text},
            "due": {"days": payment.invoice_days, "after": after},
        }
        terms.append({"id": "invoice", "title": "Pay by invoice", "schedules": [schedule]})
    return terms


def read_payment(terms: list[dict[str, Any]]) -> Payment | None:
    if not terms:
        return None
    charged = None
    days = after = None
    by_kind = {kind: name for name, (kind, _, _) in CHARGE.items()}
    for term in terms:
        for schedule in term["schedules"]:
            if "due" in schedule:
                days, after = schedule["due"]["days"], schedule["due"]["after"]
            elif schedule["type"] in by_kind:
                charged = by_kind[schedule["type"]]
    return Payment(charged=charged, invoice_days=days, invoice_after=after)
