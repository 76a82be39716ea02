"""Values as a buyer reads them: windows, prices, day ranges, clock times, lists of what was added."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def arrow(before: str, after: str) -> str:
    return f"{before} → {after}"


def days(value: Any) -> str:
    """`{min: 1, max: 2}` → 1-2; a single number stays one."""
    if isinstance(value, dict):
        low, high = value.get("min"), value.get("max")
        return f"{low}" if low == high else f"{low}-{high}"
    return "none" if value is None else str(value)


def clock(value: Any) -> str:
    """`12:00:00` → 12:00; no cutoff → none."""
    if value is None:
        return "none"
    text = str(value)
    return text[:5] if text.endswith(":00") and len(text) == 8 else text


def money(value: Any, currency: str) -> str:
    if value is None:
        return "none"
    return f"{float(value):.2f} {currency}"


def window(value: Any) -> str:
    """A return window as written in terms: 30 days after delivery, no returns, unlimited."""
    if not isinstance(value, dict):
        return "none"
    if value.get("type") == "none":
        return "no returns"
    if value.get("type") == "unlimited":
        return "unlimited"
    return f"{value.get('days')} days after {value.get('after')}"


def window_change(before: Any, after: Any) -> str:
    """30 → 14 days after delivery when only the days change; both in full otherwise."""
    if (
        isinstance(before, dict)
        and isinstance(after, dict)
        and before.get("type") == after.get("type") == "finite"
        and before.get("after") == after.get("after")
    ):
        return f"{before.get('days')} → {after.get('days')} days after {after.get('after')}"
    return arrow(window(before), window(after))


def cost(value: Any, currency: str) -> str:
    if not isinstance(value, dict):
        return "not stated"
    kind = value.get("type")
    if kind == "free":
        return "free"
    if kind == "customer_pays":
        return "paid by the buyer"
    return money(value.get("amount"), currency)


def flag(value: Any) -> str:
    return {True: "yes", False: "no", None: "not stated"}.get(value, str(value))


def scalar(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return flag(value)
    if isinstance(value, list):
        return ", ".join(scalar(item) for item in value) or "none"
    if isinstance(value, dict):
        return ", ".join(f"{key} {scalar(item)}" for key, item in value.items() if item is not None) or "none"
    return str(value)


def additions(before: Sequence[Any], after: Sequence[Any]) -> str | None:
    """`added x, y; removed z` for two lists of plain values, or None when they hold the same items."""
    added = [item for item in after if item not in before]
    removed = [item for item in before if item not in after]
    parts = []
    if added:
        parts.append("added " + ", ".join(scalar(item) for item in added))
    if removed:
        parts.append("removed " + ", ".join(scalar(item) for item in removed))
    return "; ".join(parts) or None


def subjects(names: Sequence[str]) -> str:
    return ", ".join(names)
