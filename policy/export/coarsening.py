"""Narrowings several targets share: faithful mappings to coarser vocabularies, and how facts are named.

A coarser mapping is not a loss when what the target then says stays true for the buyer: a return
handed to a parcel shop (drop_off) or collected by the carrier (pickup) is still a return by mail.
"""

from __future__ import annotations

from decimal import Decimal

from shopterms.policy.export.facts import Area, Lane, Links, RateTable, Returns, ReturnTerms, Service
from shopterms.policy.export.reading import lanes as canonical_lanes

BY_CARRIER = ("mail", "drop_off", "pickup")


def carrier_methods(methods: tuple[str, ...]) -> tuple[str, ...]:
    """Methods with every hand-over to a carrier written as mail."""
    coarse = {"mail" if method in BY_CARRIER else method for method in methods}
    return tuple(method for method in ("mail", "in_store", "kiosk") if method in coarse)


def return_policy_url(links: Links | None) -> str | None:
    """The page a target should name as the return policy: the policy text, else the returns portal."""
    if links is None:
        return None
    return links.returns or links.returns_portal


def returns_currency(returns: Returns) -> str | None:
    """The currency, when some return term carries an amount (targets write amounts with it)."""
    used = any(t.cost_amount is not None or t.restocking_amount is not None for t in returns.terms)
    return returns.currency if used else None


def where(terms: ReturnTerms) -> str:
    return f"returns for {', '.join(terms.countries)}" if terms.countries else "returns"


def money(amount: Decimal, currency: str | None) -> str:
    return f"{amount:.2f} {currency}" if currency else f"{amount:.2f}"


def window_text(terms: ReturnTerms) -> str:
    if terms.window == "finite":
        return f"{terms.days} days after {terms.anchor}"
    return "no returns" if terms.window == "none" else "unlimited"


def service_where(service: Service) -> str:
    return f"shipping.services[{service.key}]"


def drop_areas(lanes: tuple[Lane, ...], keep: set[Area]) -> tuple[Lane, ...]:
    """Lanes with only the kept areas, empty lanes removed, equal prices merged again."""
    pairs: list[tuple[RateTable, list[Area]]] = []
    for lane in lanes:
        areas = [area for area in lane.areas if area in keep]
        if areas:
            pairs.append((lane.rates, areas))
    return canonical_lanes(pairs)
