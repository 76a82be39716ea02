"""Changes to the return terms, compared country by country as a buyer there meets them."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from shopterms.policy.answers import return_terms
from shopterms.policy.changes import wording
from shopterms.policy.changes.change import Change
from shopterms.policy.errors import QueryError
from shopterms.policy.model import Policy

# Shop-wide facts that ReturnTerms repeats per country; the legal and shop sections report them once.
_SHOP_WIDE = {"country", "currency", "withdrawal_days", "policy_url", "seasonal"}


def _refund(value: Any) -> str:
    if not isinstance(value, dict):
        return "not stated"
    within = (
        f"within {value.get('days')} days after {value.get('after')}" if value.get("days") is not None else ""
    )
    return " ".join(filter(None, [within, f"to {value.get('to')}"]))


def _refund_change(before: Any, after: Any) -> str:
    if isinstance(before, dict) and isinstance(after, dict) and {**before, "days": 0} == {**after, "days": 0}:
        return f"refund within {before.get('days')} → {after.get('days')} days after {after.get('after')}"
    return f"refund {wording.arrow(_refund(before), _refund(after))}"


def _items(value: Any) -> list[str]:
    return [str(entry.get("items")) for entry in value or [] if isinstance(entry, dict)]


PHRASES_BY_FIELD: dict[str, Callable[[Any, Any, str], str]] = {
    "window": lambda a, b, cur: f"return window {wording.window_change(a, b)}",
    "cost": lambda a, b, cur: f"return postage {wording.arrow(wording.cost(a, cur), wording.cost(b, cur))}",
    "methods": lambda a, b, cur: f"return methods: {wording.additions(a or [], b or [])}",
    "label": lambda a, b, cur: f"return label {wording.arrow(wording.scalar(a), wording.scalar(b))}",
    "restocking_fee_percent": lambda a, b, cur: (
        "restocking fee "
        + wording.arrow(
            wording.scalar(a) + "%" if a is not None else "none",
            wording.scalar(b) + "%" if b is not None else "none",
        )
    ),
    "restocking_fee_amount": lambda a, b, cur: (
        f"restocking fee {wording.arrow(wording.money(a, cur), wording.money(b, cur))}"
    ),
    "refund": lambda a, b, cur: _refund_change(a, b),
    "exchange": lambda a, b, cur: f"exchanges offered: {wording.arrow(wording.flag(a), wording.flag(b))}",
    "item_conditions": lambda a, b, cur: f"accepted item conditions: {wording.additions(a or [], b or [])}",
    "not_returnable": lambda a, b, cur: f"not returnable: {wording.additions(_items(a), _items(b))}",
    "defective": lambda a, b, cur: (
        f"terms for defective goods: {wording.arrow(wording.scalar(a), wording.scalar(b))}"
    ),
    "portal": lambda a, b, cur: f"returns portal {wording.arrow(wording.scalar(a), wording.scalar(b))}",
}


def _covered(policy: Policy) -> dict[str, dict[str, Any]]:
    """The return terms of every country the policy covers, as JSON."""
    if policy.returns is None:
        return {}
    found = {}
    for country in sorted({*policy.returns.countries, *policy.returns.by_country}):
        try:
            found[country] = return_terms(policy, country).model_dump(mode="json")
        except QueryError:
            continue
    return found


def return_changes(before: Policy, after: Policy) -> list[Change]:
    old, new = _covered(before), _covered(after)
    if not old and not new:
        return []
    changes: list[Change] = []
    if sorted(old) != sorted(new):
        gained = [code for code in new if code not in old]
        lost = [code for code in old if code not in new]
        parts = [f"returns now accepted from {', '.join(gained)}"] if gained else []
        parts += [f"returns no longer accepted from {', '.join(lost)}"] if lost else []
        changes.append(
            Change(
                section="returns",
                subject=gained + lost,
                field="countries",
                before=sorted(old),
                after=sorted(new),
                text="; ".join(parts),
            )
        )
    common = [code for code in new if code in old]
    groups: dict[tuple[str, str, str], list[str]] = {}
    for country in common:
        for field in PHRASES_BY_FIELD:
            a, b = old[country].get(field), new[country].get(field)
            if a != b:
                groups.setdefault((field, json.dumps(a), json.dumps(b)), []).append(country)
    currency = after.shop.currency
    for (field, a_text, b_text), countries in groups.items():
        a, b = json.loads(a_text), json.loads(b_text)
        text = PHRASES_BY_FIELD[field](a, b, currency)
        everywhere = len(countries) == len(common) and len(common) > 1
        if not everywhere:
            text += f" for {wording.subjects(countries)}"
        changes.append(
            Change(
                section="returns",
                subject=[] if everywhere else countries,
                field=field,
                before=a,
                after=b,
                text=text,
            )
        )
    return changes + _seasonal_changes(before, after)


def _seasonal(policy: Policy) -> dict[str, dict[str, Any]]:
    if policy.returns is None:
        return {}
    return {season.name: season.model_dump(mode="json") for season in policy.returns.seasonal}


def _season(value: dict[str, Any]) -> str:
    orders = value.get("orders") or {}
    until = (
        f"returns until {value['until']}"
        if value.get("until")
        else f"{value.get('days')} days after delivery"
    )
    return f"orders {orders.get('start')} to {orders.get('end')}, {until}"


def _seasonal_changes(before: Policy, after: Policy) -> list[Change]:
    old, new = _seasonal(before), _seasonal(after)
    changes = []
    for name in sorted({*old, *new}):
        a, b = old.get(name), new.get(name)
        if a == b:
            continue
        if a is None:
            text = f"seasonal return window {name} added ({_season(b or {})})"
        elif b is None:
            text = f"seasonal return window {name} removed"
        else:
            text = f"seasonal return window {name}: {wording.arrow(_season(a), _season(b))}"
        changes.append(
            Change(section="returns", subject=[name], field="seasonal", before=a, after=b, text=text)
        )
    return changes
