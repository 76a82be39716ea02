"""A WooCommerce REST API shipping-zones export as draft facts.

WooCommerce spreads a zone over three endpoints of its REST API (v3): `GET /wp-json/wc/v3/shipping/zones`
(id, name, order), `.../shipping/zones/<id>/locations` (code, type: country | state | postcode |
continent) and `.../shipping/zones/<id>/methods` (method_id flat_rate | free_shipping | local_pickup,
title, enabled, settings.cost.value, settings.min_amount.value, settings.requires.value). The export
read here is the zones list with each zone's `locations` and `methods` added under those names, as
docs/init.md shows. A flat rate with a cost formula ([qty], [fee …]) cannot be stated as an amount and
is named in a note; a free-shipping method with a minimum amount becomes the flat rate's free_from.
"""

from __future__ import annotations

from typing import Any

from shopterms.policy.drafting import spelling
from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.problems import ImportProblem
from shopterms.policy.drafting.shop_systems import decimal


def _zones(payload: Any) -> list[Any] | None:
    zones = payload.get("zones") if isinstance(payload, dict) else payload
    if (
        isinstance(zones, list)
        and zones
        and all(isinstance(z, dict) for z in zones)
        and all("methods" in z or "locations" in z for z in zones)
    ):
        return zones
    return None


def is_woocommerce(payload: Any) -> bool:
    return _zones(payload) is not None


def _setting(method: dict[str, Any], name: str) -> str:
    value = (method.get("settings") or {}).get(name)
    return str(value.get("value") or "") if isinstance(value, dict) else ""


def _destinations(zone: dict[str, Any], at: str, out: SourceDraft) -> list[str]:
    found = []
    for location in zone.get("locations") or []:
        code, kind = str(location.get("code") or ""), location.get("type")
        if kind == "country" and len(code) == 2:
            found.append(code.upper())
        elif kind == "state" and ":" in code:
            country, state = code.split(":", 1)
            found.append(f"{country.upper()}-{state.upper()}")
        else:
            out.skip(f"{at}: the {kind} location '{code}' cannot be stated; list countries or regions")
    return found


def read_woocommerce(payload: Any, source: str) -> SourceDraft:
    zones = _zones(payload) or []
    out = SourceDraft(source)
    taken: set[str] = set()
    index = 0
    for number, zone in enumerate(zones):
        at = f"zones[{number}]"
        zone_name = str(zone.get("name") or f"zone {zone.get('id', number)}")
        if zone.get("id") == 0:
            out.skip(f"{at} ({zone_name}): the zone for locations no other zone covers cannot be stated")
            continue
        to = _destinations(zone, at, out)
        methods = [m for m in zone.get("methods") or [] if isinstance(m, dict) and m.get("enabled", True)]
        free = [m for m in methods if m.get("method_id") == "free_shipping"]
        threshold = None
        for method in free:
            if _setting(method, "requires") in ("min_amount", "either") and decimal(
                _setting(method, "min_amount")
            ):
                threshold = decimal(_setting(method, "min_amount"))
        for position, method in enumerate(methods):
            where = f"{at}.methods[{position}]"
            kind = method.get("method_id")
            title = str(method.get("title") or method.get("method_title") or kind)
            if kind == "local_pickup" or kind == "pickup_location":
                out.skip(f"{where} ({title}): pickup at the shop is no delivery service; left out")
                continue
            if kind == "free_shipping":
                if threshold is not None and any(m.get("method_id") == "flat_rate" for m in methods):
                    continue  # stated as free_from of the flat rate
                amount: Any = 0
                free_from = None
            elif kind == "flat_rate":
                cost = _setting(method, "cost") or "0"
                value = decimal(cost)
                if value is None:
                    out.skip(
                        f"{where} ({title}): the cost formula '{cost}' cannot be stated as an amount; "
                        "write the rate by hand"
                    )
                    continue
                amount, free_from = spelling.number(value), spelling.number(threshold) if threshold else None
                if (method.get("settings") or {}).get("class_costs") or any(
                    key.startswith("class_cost_") and _setting(method, key)
                    for key in (method.get("settings") or {})
                ):
                    out.skip(
                        f"{where} ({title}): costs by shipping class cannot be stated; the base cost is kept"
                    )
            else:
                out.skip(f"{where} ({title}): the method {kind} is not read; add it by hand")
                continue
            if not to:
                out.skip(f"{where} ({title}): its zone names no country; left out")
                continue
            path = ("shipping", "services", index)
            base = title if len(zones) == 1 else f"{title} {zone_name}"
            out.add((*path, "id"), spelling.slug(base, taken), where)
            out.add((*path, "name"), title, where)
            out.add((*path, "to"), to, f"{at}.locations")
            out.add((*path, "rate"), amount if amount != 0 else 0, where)
            out.add((*path, "free_from"), free_from, f"{where} with the free shipping minimum")
            index += 1
    if index == 0 and not out.notes:
        raise ImportProblem("the zones have no flat-rate or free-shipping methods")
    return out
