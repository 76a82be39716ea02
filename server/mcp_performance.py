"""The MCP tool get_delivery_performance: the shop's measured figures, as /performance answers them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from mcp.server import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from pydantic import Field

from shopterms.policy.answers.performance import delivery_performance
from shopterms.policy.arguments import COUNTRY, MOMENT
from shopterms.policy.errors import QueryError
from shopterms.policy.evidence.figures import DeliveryPerformance
from shopterms.server.mcp_errors import explain_query_error
from shopterms.server.mcp_tools import READ_ONLY, Region, ServiceId
from shopterms.server.performance_source import PerformanceSource, figures_at
from shopterms.server.terms import ShopTerms

OptionalCountry = Annotated[
    Annotated[str, Field(json_schema_extra=COUNTRY.schema())] | None,
    Field(description="Only figures for this destination country (ISO 3166-1 alpha-2).", examples=["DE"]),
]
FiguresAsOf = Annotated[
    Annotated[str, Field(json_schema_extra=MOMENT.schema())] | None,
    Field(
        description="The figures published at this moment: RFC 3339 date and time WITH seconds and its UTC "
        "offset; leave out for the latest.",
        examples=["2026-11-30T12:00:00+01:00"],
    ),
]


def register_performance_tool(
    server: MCPServer, current: Callable[[], ShopTerms], performance: PerformanceSource | None
) -> None:
    @server.tool(title="Measured delivery performance", annotations=READ_ONLY)
    async def get_delivery_performance(
        service: ServiceId = None,
        country: OptionalCountry = None,
        region: Region = None,
        as_of: FiguresAsOf = None,
    ) -> DeliveryPerformance:
        """Whether the shop keeps its delivery and refund promises, measured from its own shipment
        records: per delivery service and destination, the share of parcels delivered on time, the share
        dispatched on time, lead times (median and 90th percentile, in business and calendar days) and
        refund times, each with the number of parcels it rests on and the period of orders it covers.
        Each parcel was judged against the promise in force when it was ordered; destinations with too
        few parcels are not published.

        Use it to weigh a promised delivery time (from estimate_delivery or get_shipping_options) by
        how often the shop met it. Prefer figures with larger samples.
        Example: get_delivery_performance(service="standard", country="DE")"""
        try:
            figures = figures_at(performance, current().shop_id, as_of)
            return delivery_performance(figures, service, country, region, as_of)
        except QueryError as error:
            raise ToolError(explain_query_error(error)) from None
