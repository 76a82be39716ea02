"""A Shopify Admin API shipping-zones export as draft facts.

Reads the response of `GET /admin/api/{version}/shipping_zones.json` (`{"shipping_zones": [...]}`, the
zones of every delivery profile): per zone its `countries` (with `provinces`), and its
`price_based_shipping_rates` (`min_order_subtotal`, `max_order_subtotal`, `price`) and
`weight_based_shipping_rates` (`weight_low`, `weight_high` in kilograms, `price`). Rates of one name in
one zone are the tiers of one delivery service. Carrier-calculated rates
(`carrier_shipping_rate_providers`) cannot be stated as a price and are named in a note. Shopify
states no transit or handling times, so those become TODOs.
"""

from __future__ import annotations

from typing import Any

from shopterms.policy.drafting import spelling
from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.problems import ImportProblem
from shopterms.policy.drafting.shop_systems import decimal, tiers_to_rate


def is_shopify(payload: Any) -> bool:
    return isinstance(payload, dict) and isinstance(payload.get("shipping_zones"), list)


def _destinations(zone: dict[str, Any], at: str, out: SourceDraft) -> list[str]:
    found: list[str] = []
    for country in zone.get("countries") or []:
        code = str(country.get("code") or "").upper()
        if code in ("*", "") or len(code) != 2:
            out.skip(
                f"{at}: '{country.get('name') or code}' (rest of the world) cannot be stated; "
                "list the countries"
            )
            continue
        provinces = [str(p.get("code") or "") for p in country.get("provinces") or [] if p.get("code")]
        found.extend(f"{code}-{province}" for province in provinces) if provinces else found.append(code)
    return found


def read_shopify(payload: dict[str, Any], source: str) -> SourceDraft:
    zones = payload["shipping_zones"]
    if not zones:
        raise ImportProblem("the export has no shipping zones")
    out = SourceDraft(source)
    taken: set[str] = set()
    index = 0
    for number, zone in enumerate(zones):
        at = f"shipping_zones[{number}]"
        if not isinstance(zone, dict):
            continue
        zone_name = str(zone.get("name") or f"zone {number + 1}")
        to = _destinations(zone, at, out)
        for provider in zone.get("carrier_shipping_rate_providers") or []:
            out.skip(
                f"{at} ({zone_name}): carrier-calculated rates (carrier service "
                f"{provider.get('carrier_service_id', '?')}) cannot be stated as a price; "
                "add that service by hand"
            )
        tiers: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for kind, rows in (
            ("price_based_shipping_rates", zone.get("price_based_shipping_rates") or []),
            ("weight_based_shipping_rates", zone.get("weight_based_shipping_rates") or []),
        ):
            for row_number, row in enumerate(rows):
                where = f"{at}.{kind}[{row_number}]"
                rule = _rule(row, kind)
                if rule is None:
                    out.skip(f"{where}: the price '{row.get('price')}' is not an amount; left out")
                    continue
                tiers.setdefault(str(row.get("name") or "Shipping"), []).append((where, rule))
        if not to and tiers:
            out.skip(f"{at} ({zone_name}): no country to deliver to; its rates are left out")
            continue
        for name, rows in tiers.items():
            where = rows[0][0] if len(rows) == 1 else f"{at} ({zone_name}) rates named '{name}'"
            rate, free_from, problem = tiers_to_rate([rule for _, rule in rows], where)
            if problem:
                out.skip(f"{where}: {problem}")
                continue
            base = f"{name} {zone_name}" if len(zones) > 1 else name
            path = ("shipping", "services", index)
            out.add((*path, "id"), spelling.slug(base, taken), where)
            out.add((*path, "name"), name, where)
            out.add((*path, "to"), to, f"{at}.countries")
            out.add((*path, "rate"), rate, where)
            out.add((*path, "free_from"), free_from, where)
            index += 1
    if index == 0 and not out.notes:
        raise ImportProblem("the shipping zones have no price- or weight-based rates")
    return out


def _rule(row: dict[str, Any], kind: str) -> dict[str, Any] | None:
    price = decimal(row.get("price"))
    if price is None:
        return None
    rule: dict[str, Any] = {"amount": spelling.number(price)}
    if kind == "price_based_shipping_rates":
        low, high = decimal(row.get("min_order_subtotal")), decimal(row.get("max_order_subtotal"))
        key = "order_value"
    else:
        low, high = decimal(row.get("weight_low")), decimal(row.get("weight_high"))
        key = "weight_kg"
    if low or high is not None:
        start = spelling.number(low or 0)
        rule[key] = f"{start}+" if high is None else f"{start}-{spelling.number(high)}"
    return rule
