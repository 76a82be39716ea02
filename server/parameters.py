"""Query parameters shared by several routes, described once for the OpenAPI document.

Each carries its published form (pattern, format) from shopterms.policy.arguments. The form is
documentation here, not a FastAPI constraint: the answers layer checks the value against the same
pattern and answers in the same words over HTTP and MCP, naming the parameter and what it accepts.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from shopterms.policy.arguments import COUNTRY, DAY, MOMENT, POSTAL_CODE, REGION, SERVICE

Country = Annotated[
    str,
    Query(
        description="The buyer's country: ISO 3166-1 alpha-2 code in capitals. A country the terms do not "
        "cover is answered with 404 (not-covered), listing the covered ones in `allowed`.",
        examples=["DE"],
        json_schema_extra=COUNTRY.schema(),
    ),
]
Region = Annotated[
    str | None,
    Query(
        description="ISO 3166-2 subdivision of the address, country first (DE-BY); regional holidays and "
        "regional services depend on it.",
        examples=["DE-BY"],
        json_schema_extra=REGION.schema(),
    ),
]
PostalCode = Annotated[
    str | None,
    Query(
        description="Postal code of the address; matters where a service serves only some areas.",
        examples=["80331"],
        json_schema_extra=POSTAL_CODE.schema(),
    ),
]
ServiceId = Annotated[
    str | None,
    Query(
        description="Id of one delivery service (see /shipping); leave out for every service.",
        examples=["standard"],
        json_schema_extra=SERVICE.schema(),
    ),
]
OrderedAt = Annotated[
    str | None,
    Query(
        description="When the order is placed: RFC 3339 date and time with its UTC offset; default: now.",
        examples=["2026-12-23T15:00:00+01:00"],
        json_schema_extra=MOMENT.schema(),
    ),
]
DeliveredOn = Annotated[
    str,
    Query(
        description="Day the buyer received the goods (the last parcel, if split), as an ISO date.",
        examples=["2026-12-11"],
        json_schema_extra=DAY.schema(),
    ),
]
OrderedOn = Annotated[
    str | None,
    Query(
        description="Day the order was placed, as an ISO date; selects seasonal return windows. It cannot "
        "follow delivered_on.",
        examples=["2026-12-01"],
        json_schema_extra=DAY.schema(),
    ),
]
At = Annotated[
    str | None,
    Query(
        description="The moment to check opening hours for: RFC 3339 date and time with its UTC offset; "
        "default: now.",
        examples=["2026-12-24T11:30:00+01:00"],
        json_schema_extra=MOMENT.schema(),
    ),
]
