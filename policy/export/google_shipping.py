"""Shipping services as a Merchant API v1 ShippingSettings body: narrowing, writing and reading back.

A Merchant API service delivers to whole countries at one currency; a policy service whose prices
differ by country becomes one Merchant API service per group of countries with equal prices. Prices
go into one rate group: a flat rate, or a main table by order value, weight or number of items (at
most two of them). A free-shipping threshold is a price table whose last band costs 0.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from shopterms.policy.export import coarsening, rates
from shopterms.policy.export.facts import WEEKDAYS, Area, Band, Lane, RateTable, Service, Shipping
from shopterms.policy.export.loss import LossLog
from shopterms.policy.export.money import from_micros, to_micros
from shopterms.policy.export.reading import lanes as canonical_lanes

# Without a cutoff an order counts from its own day at any hour; the API would assume 8:00 US Pacific.
END_OF_DAY = dt.time(23, 59)
DAY_NAMES = dict(
    zip(WEEKDAYS, ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"), strict=True)
)
TYPE_BY_NAME = {"delivery": "DELIVERY", "collection_point": "COLLECTION_POINT"}
MAX_DIMENSIONS = 2


def narrow(shipping: Shipping, log: LossLog) -> Shipping:
    if shipping.holidays:
        log.add(
            f"shipping.handling.holidays {shipping.holidays}",
            "Merchant API v1 has no holiday calendar; its delivery estimates count public holidays as "
            "business days",
        )
    for start, end in shipping.closed:
        log.add(
            f"shipping.closed {start}..{end}",
            "Merchant API v1 has no warehouse closures; its delivery estimates ignore them",
        )
    services: list[Service] = []
    for service in shipping.services:
        services.extend(_narrow_service(service, shipping.currency, log))
    named = _unique_names(services)
    return Shipping(currency=shipping.currency, timezone=shipping.timezone, services=tuple(named))


def _narrow_service(service: Service, currency: str, log: LossLog) -> list[Service]:
    where = coarsening.service_where(service)
    if service.carriers:
        log.add(
            f"{where}.carriers {', '.join(service.carriers)}",
            "a flat-rate Merchant API service names no carrier",
        )
    if service.carrier_choice:
        log.add(f"{where}.carrier_choice", "the Merchant API cannot say that the buyer picks the carrier")
    if service.delivery_options:
        log.add(
            f"{where}.delivery_options {', '.join(service.delivery_options)}",
            "Merchant API services have no hand-over options",
        )
    for area in service.excluded:
        log.add(
            f"{where}.excluded {area.label()}",
            "Merchant API services deliver to whole countries; the export states the whole country",
        )
    keep: set[Area] = set()
    for lane in service.lanes:
        for area in lane.areas:
            if area.region or area.postal_codes:
                log.add(
                    f"{where}.to {area.label()}",
                    "Merchant API services deliver to whole countries; this area is left out",
                )
            else:
                keep.add(area)
    lanes = coarsening.drop_areas(service.lanes, keep)
    lanes = canonical_lanes((_two_dimensions(lane, where, currency, log), lane.areas) for lane in lanes)
    cutoff = service.cutoff or END_OF_DAY
    if cutoff.second or cutoff.microsecond:
        log.add(f"{where}.cutoff {cutoff.isoformat()}", "Merchant API cutoffs hold hours and minutes only")
        cutoff = cutoff.replace(second=0, microsecond=0)
    narrowed = service.model_copy(
        update={
            "cutoff": cutoff,
            "excluded": (),
            "carriers": (),
            "carrier_choice": False,
            "delivery_options": (),
        }
    )
    return [narrowed.model_copy(update={"lanes": (lane,)}) for lane in lanes]


def _two_dimensions(lane: Lane, where: str, currency: str, log: LossLog) -> RateTable:
    table = lane.rates
    while len(table.bands) > MAX_DIMENSIONS:
        dropped = table.bands[-1].dimension
        log.add(
            f"{where} prices by {dropped}",
            f"a Merchant API rate table has two dimensions at most; "
            f"the prices for the smallest {dropped} are kept ({rates.describe(table, currency)})",
        )
        table = rates.first_band_slice(table, dropped)
    return table


def _unique_names(services: list[Service]) -> list[Service]:
    def base(service: Service) -> str:
        clash = sum(1 for other in services if other.name == service.name and other.key != service.key)
        return f"{service.name} [{service.key}]" if clash else service.name

    counts: dict[str, int] = {}
    for service in services:
        counts[service.key] = counts.get(service.key, 0) + 1
    result = []
    for service in services:
        name = base(service)
        if counts[service.key] > 1:
            name = f"{name} ({', '.join(area.country for area in service.lanes[0].areas)})"
        result.append(service.model_copy(update={"key": name, "name": name}))
    return result


def write(shipping: Shipping) -> dict[str, Any]:
    return {"services": [_write_service(s, shipping) for s in shipping.services], "etag": ""}


def _write_service(service: Service, shipping: Shipping) -> dict[str, Any]:
    (lane,) = service.lanes
    delivery_time: dict[str, Any] = {}
    if service.handling is not None:
        delivery_time["minHandlingDays"], delivery_time["maxHandlingDays"] = service.handling
    if service.transit is not None:
        delivery_time["minTransitDays"], delivery_time["maxTransitDays"] = service.transit
    if service.cutoff is not None:
        delivery_time["cutoffTime"] = {
            "hour": service.cutoff.hour,
            "minute": service.cutoff.minute,
            "timeZone": shipping.timezone,
        }
    delivery_time["handlingBusinessDayConfig"] = {
        "businessDays": [DAY_NAMES[d] for d in service.handling_weekdays]
    }
    delivery_time["transitBusinessDayConfig"] = {
        "businessDays": [DAY_NAMES[d] for d in service.transit_weekdays]
    }
    return {
        "serviceName": service.name,
        "active": True,
        "deliveryCountries": [area.country for area in lane.areas],
        "currencyCode": shipping.currency,
        "deliveryTime": delivery_time,
        "rateGroups": [_write_rates(lane.rates, shipping.currency)],
        "shipmentType": TYPE_BY_NAME[service.type],
    }


def _value(amount: Decimal | None, currency: str) -> dict[str, Any]:
    if amount is None:
        return {"noShipping": True}
    return {"flatRate": {"amountMicros": str(to_micros(amount)), "currencyCode": currency}}


def _headers(band: Band, currency: str) -> dict[str, Any]:
    if band.dimension == "items":
        return {"numberOfItems": [str(int(u)) if u is not None else "infinity" for u in band.uppers]}
    micros = [str(to_micros(u)) if u is not None else "-1" for u in band.uppers]
    if band.dimension == "order_value":
        return {"prices": [{"amountMicros": m, "currencyCode": currency} for m in micros]}
    return {"weights": [{"amountMicros": m, "unit": "KILOGRAM"} for m in micros]}


def _write_rates(table: RateTable, currency: str) -> dict[str, Any]:
    group: dict[str, Any] = {"applicableShippingLabels": []}
    if not table.bands:
        group["singleValue"] = _value(table.cells[0], currency)
        return group
    rows = table.bands[0]
    width = len(table.bands[1].uppers) if len(table.bands) > 1 else 1
    main: dict[str, Any] = {"rowHeaders": _headers(rows, currency)}
    if len(table.bands) > 1:
        main["columnHeaders"] = _headers(table.bands[1], currency)
    main["rows"] = [
        {"cells": [_value(cell, currency) for cell in table.cells[r * width : (r + 1) * width]]}
        for r in range(len(rows.uppers))
    ]
    group["mainTable"] = main
    return group


def read(body: dict[str, Any] | None) -> Shipping | None:
    if body is None:
        return None
    services = [read_service(s) for s in body["services"]]
    first = body["services"][0] if body["services"] else {}
    zone = first.get("deliveryTime", {}).get("cutoffTime", {}).get("timeZone")
    return Shipping(currency=first.get("currencyCode", ""), timezone=zone, services=tuple(services))


def read_service(body: dict[str, Any]) -> Service:
    """One `services[]` entry of a ShippingSettings body as a service (its first rate group)."""
    time = body["deliveryTime"]
    cutoff = time.get("cutoffTime")
    by_name = {name: day for day, name in DAY_NAMES.items()}
    lane = Lane(
        areas=tuple(Area(country=c) for c in body["deliveryCountries"]),
        rates=_read_rates(body["rateGroups"][0]),
    )
    return Service(
        key=body["serviceName"],
        name=body["serviceName"],
        type={v: k for k, v in TYPE_BY_NAME.items()}[body["shipmentType"]],
        lanes=(lane,),
        handling=(time["minHandlingDays"], time["maxHandlingDays"]) if "minHandlingDays" in time else None,
        cutoff=dt.time(cutoff["hour"], cutoff["minute"]) if cutoff else None,
        handling_weekdays=tuple(
            by_name[d] for d in time.get("handlingBusinessDayConfig", {}).get("businessDays", [])
        ),
        transit=(time["minTransitDays"], time["maxTransitDays"]) if "minTransitDays" in time else None,
        transit_weekdays=tuple(
            by_name[d] for d in time.get("transitBusinessDayConfig", {}).get("businessDays", [])
        ),
    )


def _read_value(value: dict[str, Any]) -> Decimal | None:
    return None if value.get("noShipping") else from_micros(value["flatRate"]["amountMicros"])


def _read_band(headers: dict[str, Any]) -> Band:
    if "numberOfItems" in headers:
        uppers = [None if n == "infinity" else Decimal(n) for n in headers["numberOfItems"]]
        return Band(dimension="items", uppers=tuple(uppers))
    kind = "prices" if "prices" in headers else "weights"
    micros = [int(h["amountMicros"]) for h in headers[kind]]
    return Band(
        dimension="order_value" if kind == "prices" else "weight_kg",
        uppers=tuple(None if m == -1 else from_micros(m) for m in micros),
    )


def _read_rates(group: dict[str, Any]) -> RateTable:
    if "singleValue" in group:
        return RateTable(cells=(_read_value(group["singleValue"]),))
    main = group["mainTable"]
    bands = [_read_band(main["rowHeaders"])]
    if "columnHeaders" in main:
        bands.append(_read_band(main["columnHeaders"]))
    cells = tuple(_read_value(cell) for row in main["rows"] for cell in row["cells"])
    return rates.canonical(RateTable(bands=tuple(bands), cells=cells))
