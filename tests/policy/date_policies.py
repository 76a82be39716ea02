"""Small hand-built policies for the date-engine tests: one warehouse in Hamburg, few services."""

from __future__ import annotations

from typing import Any

from shopterms.policy.model import Policy


def make_policy(
    *,
    handling: dict[str, Any] | None = None,
    services: list[dict[str, Any]] | None = None,
    closed: list[str] | None = None,
    returns: dict[str, Any] | None = None,
    support: dict[str, Any] | None = None,
    legal: dict[str, Any] | None = None,
    timezone: str = "Europe/Berlin",
    country: str = "DE",
) -> Policy:
    """A valid policy; each section can be replaced. Default: 1 handling day, cutoff 14:00, DE-HH holidays."""
    data: dict[str, Any] = {
        "shop": {
            "name": "Testhaus",
            "url": "https://testhaus.example",
            "address": {"city": "Hamburg", "country": country},
            "timezone": timezone,
            "currency": "EUR",
            "sells_to": ["DE", "AT", "GB"],
        },
        "shipping": {
            "handling": handling
            or {"days": 1, "cutoff": "14:00", "business_days": "Mon-Fri", "holidays": "DE-HH"},
            "closed": closed or [],
            "services": services or [{"id": "standard", "to": ["DE", "AT"], "transit": 1, "rate": 4.95}],
        },
        "returns": returns or {"window": "30 days after delivery"},
        "support": support or {"channels": [{"type": "email", "address": "hilfe@testhaus.example"}]},
    }
    if legal is not None:
        data["legal"] = legal
    return Policy.model_validate(data)
