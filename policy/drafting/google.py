"""Google Merchant API v1 JSON as draft facts: OnlineReturnPolicy and ShippingSettings bodies.

Accepted: what `shopterms export --to google` writes; an `accounts.onlineReturnPolicies.list`
response (`{"onlineReturnPolicies": [...]}`) or a single OnlineReturnPolicy; an
`accounts.getShippingSettings` response (`{"name": ".../shippingSettings", "services": [...]}`), alone
or under `shippingSettings`. Bodies are checked with the export's own field rules
(`policy.export.google_rules`) and read with its readers, so import and export are exact inverses;
what a policy cannot state (carrier-calculated rates, transit time tables, loyalty programs …) is
named in a note and left out.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.from_facts import Places, draft_facts
from shopterms.policy.drafting.google_rates import first_error, rate_group
from shopterms.policy.drafting.problems import ImportProblem
from shopterms.policy.export import google_returns, google_shipping
from shopterms.policy.export.facts import Facts, Links, ReturnTerms, Service, Shipping
from shopterms.policy.export.google_rules import OnlineReturnPolicy

_RETURN_KEYS = set(OnlineReturnPolicy.model_fields)
_IGNORED_RETURN_KEYS = {"name", "returnPolicyId"}  # resource names, not terms
_SERVICE_UNSUPPORTED = {
    "minimumOrderValue": "a minimum order value",
    "minimumOrderValueTable": "minimum order values by store",
    "storeConfig": "local delivery from stores",
    "loyaltyPrograms": "loyalty-program prices",
}
_TIME_UNSUPPORTED = {
    "transitTimeTable": "transit times by postal-code group",
    "warehouseBasedDeliveryTimes": "delivery times by warehouse",
}


def is_google(payload: Any) -> bool:
    if isinstance(payload, list):
        return bool(payload) and all(isinstance(item, dict) and "returnPolicyUri" in item for item in payload)
    if not isinstance(payload, dict):
        return False
    if "onlineReturnPolicies" in payload or "shippingSettings" in payload or "returnPolicyUri" in payload:
        return True
    services = payload.get("services")
    return isinstance(services, list) and any(isinstance(s, dict) and "serviceName" in s for s in services)


def read_google(payload: Any, source: str) -> SourceDraft:
    if not is_google(payload):
        raise ImportProblem("this JSON is no Merchant API OnlineReturnPolicy or ShippingSettings body")
    out = SourceDraft(source)
    if isinstance(payload, list):
        bodies, base = payload, ""
        shipping_body = None
    elif "returnPolicyUri" in payload:
        bodies, base, shipping_body = [payload], "", None
    else:
        bodies, base = payload.get("onlineReturnPolicies") or [], "onlineReturnPolicies"
        shipping_body = payload.get("shippingSettings", payload if "services" in payload else None)
    shipping_base = "shippingSettings" if isinstance(payload, dict) and "shippingSettings" in payload else ""
    returns_facts, url, terms_where = _returns(bodies, base, out)
    shipping, service_where = _shipping(shipping_body, shipping_base, out)
    facts = Facts(returns=returns_facts, shipping=shipping, links=Links(returns=url) if url else None)
    first_return = f"{base}[0]" if base else "[0]"
    draft_facts(
        facts,
        out,
        Places(
            links=f"{first_return}.returnPolicyUri",
            shipping=shipping_base or "services",
            services=service_where,
            terms=lambda terms: terms_where.get(terms.countries, base),
            exclusions=base,
        ),
    )
    return out


def _at(base: str, index: int) -> str:
    return f"{base}[{index}]"


def _returns(
    bodies: list[Any], base: str, out: SourceDraft
) -> tuple[Any, str | None, dict[tuple[str, ...], str]]:
    kept: list[dict[str, Any]] = []
    where: dict[tuple[str, ...], str] = {}
    for index, body in enumerate(bodies):
        at = _at(base, index)
        if not isinstance(body, dict):
            out.skip(f"{at} is not an OnlineReturnPolicy object")
            continue
        unknown = sorted(set(body) - _RETURN_KEYS - _IGNORED_RETURN_KEYS)
        if unknown:
            out.skip(f"{at}: {', '.join(unknown)} is not an OnlineReturnPolicy field; left out")
        if body.get("acceptDefectiveOnly"):
            out.skip(f"{at}: acceptDefectiveOnly (returns of defective goods only) has no place in a policy")
        clean = {key: value for key, value in body.items() if key in _RETURN_KEYS}
        clean.pop("acceptDefectiveOnly", None)
        if clean.get("label") and (clean.get("policy") or {}).get("type") != "NO_RETURNS":
            out.skip(
                f"{at}: the exception policy '{clean['label']}' has its own terms; a policy cannot say so"
            )
            continue
        try:
            OnlineReturnPolicy.model_validate(clean)
        except ValidationError as error:
            out.skip(f"{at} is left out: {first_error(error)}")
            continue
        if clean.get("policy") is None:
            out.skip(f"{at} states no return window (policy); left out")
            continue
        if not clean.get("label"):
            where[tuple(sorted(clean["countries"]))] = at
        kept.append(clean)
    if not kept:
        return None, None, where
    returns, url = google_returns.read(kept)
    return returns, url, where


def _shipping(body: Any, base: str, out: SourceDraft) -> tuple[Shipping | None, list[str]]:
    if not isinstance(body, dict):
        return None, []
    services: list[Service] = []
    places: list[str] = []
    currency, zone = "", None
    for index, item in enumerate(body.get("services") or []):
        at = f"{base}.services[{index}]" if base else f"services[{index}]"
        service = _service(item, at, out)
        if service is None:
            continue
        services.append(service)
        places.append(at)
        currency = currency or str(item.get("currencyCode") or "")
        cutoff = (item.get("deliveryTime") or {}).get("cutoffTime") or {}
        zone = zone or cutoff.get("timeZone")
    for name in ("warehouses",):
        if body.get(name):
            out.skip(
                f"{base or 'shippingSettings'}.{name}: warehouse cutoffs and handling are not read; "
                "state them in shipping.handling"
            )
    if not services:
        return None, []
    return Shipping(currency=currency, timezone=zone, services=tuple(services)), places


def _service(item: Any, at: str, out: SourceDraft) -> Service | None:
    if not isinstance(item, dict) or not item.get("serviceName"):
        out.skip(f"{at} has no serviceName; left out")
        return None
    name = str(item["serviceName"])
    if item.get("active") is False:
        out.skip(f"{at} ({name}) is not active; left out")
        return None
    for key, what in _SERVICE_UNSUPPORTED.items():
        if item.get(key):
            out.skip(f"{at} ({name}): {what} ({key}) has no place in a policy; left out")
    countries = [c for c in item.get("deliveryCountries") or [] if isinstance(c, str)]
    if not countries:
        out.skip(f"{at} ({name}) names no deliveryCountries; left out")
        return None
    time = dict(item.get("deliveryTime") or {})
    for key, what in _TIME_UNSUPPORTED.items():
        if time.pop(key, None):
            out.skip(f"{at} ({name}): {what} ({key}) cannot be stated; write the transit days by hand")
    kind = item.get("shipmentType", "DELIVERY")
    if kind == "LOCAL_DELIVERY":
        out.skip(f"{at} ({name}): local delivery is drafted as delivery to the whole country")
        kind = "DELIVERY"
    groups = item.get("rateGroups") or []
    rates = rate_group(groups, at, name, out)
    body = {
        "serviceName": name,
        "deliveryCountries": countries,
        "deliveryTime": time,
        "shipmentType": kind if kind in google_shipping.TYPE_BY_NAME.values() else "DELIVERY",
        "rateGroups": [rates] if rates else [{"singleValue": {"noShipping": True}}],
    }
    try:
        service = google_shipping.read_service(body)
    except (KeyError, TypeError, ValueError) as error:
        out.skip(f"{at} ({name}) cannot be read: {error}")
        return None
    if rates is None:
        lanes = tuple(
            lane.model_copy(update={"rates": lane.rates.model_copy(update={"cells": (None,)})})
            for lane in service.lanes
        )
        service = service.model_copy(update={"lanes": lanes})
    return service


__all__ = ["ReturnTerms", "is_google", "read_google"]
