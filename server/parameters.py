"""Query parameters shared by several routes, described once for the OpenAPI document.

Values are taken as text and checked by the answers layer, which names the parameter and the accepted
values when one is wrong; the length limits only keep absurd inputs out.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

Country = Annotated[
    str,
    Query(
        description="The buyer's country: ISO 3166-1 alpha-2 code (upper or lower case).",
        examples=["DE"],
        min_length=1,
        max_length=64,
    ),
]
Region = Annotated[
    str | None,
    Query(
        description="ISO 3166-2 subdivision of the address (DE-BY, or BY with the country); regional "
        "holidays "
        "and regional services depend on it.",
        examples=["DE-BY"],
        max_length=64,
    ),
]
PostalCode = Annotated[
    str | None,
    Query(
        description="Postal code of the address; matters where a service serves only some areas.",
        examples=["80331"],
        max_length=64,
    ),
]
ServiceId = Annotated[
    str | None,
    Query(
        description="Id of one delivery service (see /shipping); leave out for every service.", max_length=64
    ),
]
OrderedAt = Annotated[
    str | None,
    Query(
        description="When the order is placed: ISO 8601 date and time with its UTC offset; default: now.",
        examples=["2026-12-23T15:00:00+01:00"],
        max_length=64,
        json_schema_extra={"format": "date-time"},
    ),
]
DeliveredOn = Annotated[
    str,
    Query(
        description="Day the buyer received the goods (the last parcel, if split), as an ISO date.",
        examples=["2026-12-11"],
        min_length=1,
        max_length=64,
        json_schema_extra={"format": "date"},
    ),
]
OrderedOn = Annotated[
    str | None,
    Query(
        description="Day the order was placed, as an ISO date; selects seasonal return windows.",
        examples=["2026-12-01"],
        max_length=64,
        json_schema_extra={"format": "date"},
    ),
]
At = Annotated[
    str | None,
    Query(
        description="The moment to check opening hours for: ISO 8601 date and time with its UTC offset; "
        "default: now.",
        examples=["2026-12-24T11:30:00+01:00"],
        max_length=64,
        json_schema_extra={"format": "date-time"},
    ),
]
