"""Changes to the delivery services, compared service by service with the values a buyer meets: a
service without its own cutoff or handling time has the warehouse's, so a change there shows up as a
change of every service it reaches."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from shopterms.policy.changes import wording
from shopterms.policy.changes.change import Change
from shopterms.policy.model import Policy


def _destination(value: Any) -> str:
    if not isinstance(value, dict):
        return str(value)
    place = value.get("region") or value.get("country")
    codes = value.get("postal_codes") or []
    return f"{place} {' '.join(codes)}".strip()


def _rate(value: Any, currency: str) -> str:
    rules = value or []
    if len(rules) == 1 and all(
        rules[0].get(key) in (None, []) for key in ("countries", "weight_kg", "order_value", "items")
    ):
        return wording.money(rules[0].get("amount"), currency)
    return (
        "; ".join(
            wording.money(rule.get("amount"), currency)
            + "".join(
                f" {key} {rule[key]}"
                for key in ("countries", "weight_kg", "order_value", "items")
                if rule.get(key)
            )
            for rule in rules
        )
        or "none"
    )


PHRASES_BY_FIELD: dict[str, Callable[[Any, Any, str], str]] = {
    "name": lambda a, b, cur: f"name {wording.arrow(wording.scalar(a), wording.scalar(b))}",
    "type": lambda a, b, cur: f"type {wording.arrow(wording.scalar(a), wording.scalar(b))}",
    "carriers": lambda a, b, cur: f"carriers: {wording.additions(a or [], b or [])}",
    "carrier_choice": lambda a, b, cur: (
        f"buyer chooses the carrier: {wording.arrow(wording.flag(a), wording.flag(b))}"
    ),
    "to": lambda a, b, cur: (
        "destinations: "
        + (
            wording.additions([_destination(x) for x in a or []], [_destination(x) for x in b or []])
            or "reordered"
        )
    ),
    "excluded": lambda a, b, cur: (
        "excluded areas: "
        + (
            wording.additions([_destination(x) for x in a or []], [_destination(x) for x in b or []])
            or "reordered"
        )
    ),
    "handling": lambda a, b, cur: f"handling {wording.arrow(wording.days(a), wording.days(b))} business days",
    "cutoff": lambda a, b, cur: f"cutoff {wording.arrow(wording.clock(a), wording.clock(b))}",
    "transit": lambda a, b, cur: f"transit {wording.arrow(wording.days(a), wording.days(b))} business days",
    "delivery_days": lambda a, b, cur: f"delivery days: {wording.additions(a or [], b or [])}",
    "rate": lambda a, b, cur: f"price {wording.arrow(_rate(a, cur), _rate(b, cur))}",
    "free_from": lambda a, b, cur: (
        f"free shipping from {wording.arrow(wording.money(a, cur), wording.money(b, cur))}"
    ),
    "delivery_options": lambda a, b, cur: f"delivery options: {wording.additions(a or [], b or [])}",
}


def _services(policy: Policy) -> dict[str, dict[str, Any]]:
    """Each service as JSON, with the warehouse's handling days and cutoff filled in where it has none."""
    if policy.shipping is None:
        return {}
    handling = policy.shipping.handling.model_dump(mode="json")
    found = {}
    for service in policy.shipping.services:
        data = service.model_dump(mode="json")
        data["handling"] = data.get("handling") or handling.get("days")
        data["cutoff"] = data.get("cutoff") or handling.get("cutoff")
        found[service.id] = data
    return found


def shipping_changes(before: Policy, after: Policy) -> list[Change]:
    old, new = _services(before), _services(after)
    changes: list[Change] = []
    for service in new:
        if service not in old:
            changes.append(
                Change(
                    section="shipping",
                    subject=[service],
                    field="service",
                    before=None,
                    after=new[service],
                    text=f"service {service} added",
                )
            )
    for service in old:
        if service not in new:
            changes.append(
                Change(
                    section="shipping",
                    subject=[service],
                    field="service",
                    before=old[service],
                    after=None,
                    text=f"service {service} removed",
                )
            )
    groups: dict[tuple[str, str, str], list[str]] = {}
    for service in (name for name in new if name in old):
        for field in PHRASES_BY_FIELD:
            a, b = old[service].get(field), new[service].get(field)
            if a != b:
                groups.setdefault((field, json.dumps(a), json.dumps(b)), []).append(service)
    currency = after.shop.currency
    for (field, a_text, b_text), services in groups.items():
        a, b = json.loads(a_text), json.loads(b_text)
        text = f"{wording.subjects(services)} {PHRASES_BY_FIELD[field](a, b, currency)}"
        changes.append(
            Change(section="shipping", subject=services, field=field, before=a, after=b, text=text)
        )
    return changes
