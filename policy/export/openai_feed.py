"""The openai-feed target: the shop-level columns of the OpenAI product feed.

Every product row of a feed repeats the seller, return and shipping columns; the export writes them
once, as JSON (shipping as a list of entries) or as a header and one row of TSV or CSV to paste into
a feed (shipping entries joined with ';'). Families covered: shop, returns, shipping and links.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from shopterms.policy.export import openai_feed_narrowing as narrowing
from shopterms.policy.export.facts import (
    Area,
    Facts,
    Family,
    Links,
    RateTable,
    Returns,
    ReturnTerms,
    Service,
    Shipping,
    Shop,
)
from shopterms.policy.export.loss import ExportError, LossLog
from shopterms.policy.export.openai_feed_rules import COLUMNS, OpenAiFeedShopFields
from shopterms.policy.export.reading import lanes as canonical_lanes
from shopterms.policy.export.target import render_json

BOOLEAN_COLUMNS = ("accepts_returns", "accepts_exchanges")


class OpenAiFeedTarget:
    name = "openai-feed"
    title = "OpenAI product feed"
    families: frozenset[Family] = frozenset({"shop", "returns", "shipping", "links"})
    formats: tuple[str, ...] = ("json", "tsv", "csv")
    rules: type[BaseModel] = OpenAiFeedShopFields

    def narrow(self, facts: Facts, log: LossLog) -> Facts:
        if facts.shop is None:
            raise ExportError("the feed needs the seller's name and address (shop)")
        links = narrowing.narrow_links(facts.links, log)
        if links is None or links.returns is None:
            raise ExportError(
                "the feed requires a return policy page (return_policy); "
                "set legal.returns_url or returns.portal"
            )
        returns = facts.returns and narrowing.narrow_returns(facts.returns, facts.shop.sells_to, log)
        shipping = facts.shipping and narrowing.narrow_shipping(facts.shipping, log)
        return Facts(
            shop=narrowing.narrow_shop(facts.shop, log),
            returns=returns if returns and returns.terms else None,
            shipping=shipping if shipping and shipping.services else None,
            links=links,
        )

    def write(self, facts: Facts) -> dict[str, Any]:
        assert facts.shop is not None and facts.links is not None
        row: dict[str, Any] = {
            "seller_name": facts.shop.name,
            "seller_url": facts.shop.url,
            "seller_privacy_policy": facts.links.privacy,
            "seller_tos": facts.links.terms,
            "return_policy": facts.links.returns,
        }
        if facts.returns is not None:
            (terms,) = facts.returns.terms
            row["accepts_returns"] = terms.window != "none"
            row["return_deadline_in_days"] = terms.days if terms.window == "finite" else None
            row["accepts_exchanges"] = terms.exchange
        if facts.shipping is not None:
            row["shipping"] = [
                _entry(area, service.name, lane.rates.cells[0], facts.shipping.currency)
                for service in facts.shipping.services
                for lane in service.lanes
                for area in lane.areas
            ]
        return {column: row[column] for column in COLUMNS if row.get(column) is not None}

    def read(self, payload: dict[str, Any]) -> Facts:
        returns = None
        if "accepts_returns" in payload:
            days = payload.get("return_deadline_in_days")
            window = "none" if not payload["accepts_returns"] else "finite" if days else "unlimited"
            terms = ReturnTerms(
                countries=(),
                window=window,
                days=days,
                anchor="delivery" if days else None,
                exchange=payload.get("accepts_exchanges"),
            )
            returns = Returns(terms=(terms,), currency=None)
        shipping = read_shipping(payload["shipping"]) if payload.get("shipping") else None
        return Facts(
            shop=Shop(name=payload["seller_name"], url=payload["seller_url"]),
            returns=returns,
            shipping=shipping,
            links=Links(
                terms=payload.get("seller_tos"),
                privacy=payload.get("seller_privacy_policy"),
                returns=payload["return_policy"],
            ),
        )

    def parse(self, text: str, fmt: str) -> dict[str, Any]:
        """A rendered export back as a payload (the one data row of TSV or CSV, typed again)."""
        if fmt == "json":
            return dict(json.loads(text))
        header, row = list(csv.reader(io.StringIO(text), delimiter="\t" if fmt == "tsv" else ","))
        payload: dict[str, Any] = {}
        for column, cell in zip(header, row, strict=True):
            if cell == "":
                continue
            if column in BOOLEAN_COLUMNS:
                payload[column] = cell == "true"
            elif column == "return_deadline_in_days":
                payload[column] = int(cell)
            else:
                payload[column] = cell.split(";") if column == "shipping" else cell
        return payload

    def render(self, payload: dict[str, Any], fmt: str) -> str:
        if fmt == "json":
            return render_json(payload)
        cells = [_cell(payload.get(column)) for column in COLUMNS]
        out = io.StringIO()
        writer = csv.writer(out, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerow(cells)
        return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


def _entry(area: Area, service: str, price: Decimal | None, currency: str) -> str:
    region = area.region.split("-", 1)[1] if area.region else ""
    return f"{area.country}:{region}:{service}:{price:.2f} {currency}"


def read_shipping(entries: list[str]) -> Shipping:
    lanes: dict[str, list[tuple[RateTable, list[Area]]]] = {}
    currency = ""
    for entry in entries:
        country, region, service, price = entry.split(":")
        amount, currency = price.split(" ")
        area = Area(country=country, region=f"{country}-{region}" if region else None)
        lanes.setdefault(service, []).append((RateTable(cells=(Decimal(amount),)), [area]))
    services = tuple(
        Service(key=name, name=name, lanes=canonical_lanes(pairs)) for name, pairs in lanes.items()
    )
    return Shipping(currency=currency, services=services)
