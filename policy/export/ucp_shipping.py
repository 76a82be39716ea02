"""Shipping terms as a UCP policy of the shop's own type `<reverse domain>.policy.shipping`.

UCP has no well-known shipping policy type (its fulfillment capability quotes options per checkout),
and lets a business define policy types in its own domain. The body below is shopterms' own design:
every shipping fact the policy states, amounts in minor units like every UCP amount, weights in kg as
decimal strings, item counts as integers.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from shopterms.policy.export.facts import Area, Band, RateTable, Service, Shipping
from shopterms.policy.export.loss import ExportError
from shopterms.policy.export.money import from_minor, to_minor
from shopterms.policy.export.reading import lanes as canonical_lanes

TYPE_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:\.[a-z](?:[a-z0-9_-]*[a-z0-9_])?)+$")


def policy_type(shop_url: str) -> str | None:
    """`https://www.shop.example` → `example.shop.policy.shipping`, or None when the host does not fit."""
    host = (urlsplit(shop_url).hostname or "").removeprefix("www.")
    name = ".".join([*reversed(host.split(".")), "policy", "shipping"])
    return name if TYPE_PATTERN.match(name) else None


def _minor(amount: Decimal, currency: str) -> int:
    minor = to_minor(amount, currency)
    if minor is None:
        raise ExportError(f"the shipping amount {amount} has no exact value in minor units of {currency}")
    return minor


def _money(amount: Decimal | None, currency: str) -> int | None:
    return None if amount is None else _minor(amount, currency)


def _bound(value: Decimal | None, dimension: str, currency: str) -> int | str | None:
    if value is None:
        return None
    if dimension == "order_value":
        return _minor(value, currency)
    return int(value) if dimension == "items" else f"{value.normalize():f}"


def _area(area: Area) -> dict[str, Any]:
    return area.model_dump(exclude_defaults=True)


def _days(pair: tuple[int, int] | None) -> dict[str, int] | None:
    return None if pair is None else {"min": pair[0], "max": pair[1]}


def _rates(table: RateTable, currency: str) -> dict[str, Any]:
    return {
        "bands": [
            {
                "dimension": band.dimension,
                "uppers": [_bound(u, band.dimension, currency) for u in band.uppers],
            }
            for band in table.bands
        ],
        "prices": [_money(cell, currency) for cell in table.cells],
    }


def _service(service: Service, currency: str, zone: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": service.key,
        "name": service.name,
        "type": service.type,
        "lanes": [
            {"areas": [_area(a) for a in lane.areas], "rates": _rates(lane.rates, currency)}
            for lane in service.lanes
        ],
        "handling_days": _days(service.handling),
        "cutoff": service.cutoff.isoformat() if service.cutoff else None,
        "time_zone": zone if service.cutoff else None,
        "handling_weekdays": list(service.handling_weekdays),
        "transit_days": _days(service.transit),
        "delivery_weekdays": list(service.transit_weekdays),
        "excluded": [_area(a) for a in service.excluded],
        "carriers": list(service.carriers),
        "carrier_choice": service.carrier_choice,
        "delivery_options": list(service.delivery_options),
    }
    return {key: value for key, value in body.items() if value is not None}


def _text(shipping: Shipping) -> str:
    names = ", ".join(service.name for service in shipping.services)
    countries = sorted({area.country for s in shipping.services for lane in s.lanes for area in lane.areas})
    return f"Shipping services: {names}; delivering to {', '.join(countries)}."


def write(shipping: Shipping, kind: str, url: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {"type": kind, "description": {"plain": _text(shipping)}}
    if url:
        body["url"] = url
    body["services"] = [_service(s, shipping.currency, shipping.timezone) for s in shipping.services]
    if shipping.holidays:
        body["holidays"] = shipping.holidays
    if shipping.closed:
        body["closed"] = [
            {"start": start.isoformat(), "end": end.isoformat()} for start, end in shipping.closed
        ]
    return body


def _read_bound(value: int | str | None, dimension: str, currency: str) -> Decimal | None:
    if value is None:
        return None
    return from_minor(int(value), currency) if dimension == "order_value" else Decimal(value)


def _read_rates(body: dict[str, Any], currency: str) -> RateTable:
    bands = tuple(
        Band(
            dimension=b["dimension"],
            uppers=tuple(_read_bound(u, b["dimension"], currency) for u in b["uppers"]),
        )
        for b in body["bands"]
    )
    cells = tuple(None if p is None else from_minor(p, currency) for p in body["prices"])
    return RateTable(bands=bands, cells=cells)


def _pair(body: dict[str, int] | None) -> tuple[int, int] | None:
    return None if body is None else (body["min"], body["max"])


def _read_service(body: dict[str, Any], currency: str) -> Service:
    pairs = [
        (_read_rates(lane["rates"], currency), [Area(**a) for a in lane["areas"]]) for lane in body["lanes"]
    ]
    return Service(
        key=body["id"],
        name=body["name"],
        type=body["type"],
        lanes=canonical_lanes(pairs),
        handling=_pair(body.get("handling_days")),
        cutoff=dt.time.fromisoformat(body["cutoff"]) if "cutoff" in body else None,
        handling_weekdays=tuple(body.get("handling_weekdays", [])),
        transit=_pair(body.get("transit_days")),
        transit_weekdays=tuple(body.get("delivery_weekdays", [])),
        excluded=tuple(Area(**a) for a in body.get("excluded", [])),
        carriers=tuple(body.get("carriers", [])),
        carrier_choice=body.get("carrier_choice", False),
        delivery_options=tuple(body.get("delivery_options", [])),
    )


def read(body: dict[str, Any], currency: str) -> Shipping:
    services = tuple(_read_service(s, currency) for s in body["services"])
    zones = [s["time_zone"] for s in body["services"] if "time_zone" in s]
    return Shipping(
        currency=currency,
        timezone=zones[0] if zones else None,
        services=services,
        holidays=body.get("holidays"),
        closed=tuple(
            (dt.date.fromisoformat(c["start"]), dt.date.fromisoformat(c["end"]))
            for c in body.get("closed", [])
        ),
    )
