"""The MCP tools: one question about the shop's terms each, answered by the functions the HTTP API calls.

Every tool reads the shop's terms through `current()` on each call, so a reload of the HTTP side's state
is seen at once, and answers from the version in force at `as_of` (default now) or, for an order, at
the order's moment; the answer's `version` names it. Wrong arguments come back as a tool error
(isError) naming the parameter and what it accepts, so a model can correct its call; they never
become protocol errors.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Annotated, Any

from mcp.server import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import ToolAnnotations
from pydantic import BaseModel, Field

from shopterms.policy.answers import (
    deadline_for_return,
    delivery_estimates,
    payment_terms,
    policy_summary,
    return_terms,
    shipping_options,
    support_contacts,
)
from shopterms.policy.arguments import COUNTRY, DAY, MOMENT, POSTAL_CODE, REGION, SERVICE, checked_moment
from shopterms.policy.errors import QueryError
from shopterms.policy.model import Policy
from shopterms.server.live_answers import live_estimate
from shopterms.server.mcp_errors import explain_query_error
from shopterms.server.selection import AS_OF, select
from shopterms.server.terms import ShopTerms
from shopterms.server.versioned import (
    VersionedDeadline,
    VersionedEstimates,
    VersionedPayment,
    VersionedReturns,
    VersionedShipping,
    VersionedSummary,
    VersionedSupport,
    with_version,
)
from shopterms.store.errors import StoreError
from shopterms.store.records import VersionHistory

# Nothing here changes state or reaches beyond the policy file, and asking twice gives the same answer.
READ_ONLY = ToolAnnotations(
    read_only_hint=True, idempotent_hint=True, destructive_hint=False, open_world_hint=False
)

# Each argument publishes the form the answers layer checks it against (shopterms.policy.arguments).
# An optional argument's form sits inside its string branch: next to anyOf, a pattern or format would
# apply to null as well, and JSON Schema validators in strict mode reject a keyword without its type.
Country = Annotated[
    str,
    Field(
        description="Two-letter ISO 3166-1 country code of the buyer's address, in capitals.",
        examples=["DE", "AT"],
        json_schema_extra=COUNTRY.schema(),
    ),
]
Region = Annotated[
    Annotated[str, Field(json_schema_extra=REGION.schema())] | None,
    Field(
        description="ISO 3166-2 subdivision (state, province) of the address, country first; its regional "
        "public holidays are then counted.",
        examples=["DE-BY", "AT-9"],
    ),
]
PostalCode = Annotated[
    Annotated[str, Field(json_schema_extra=POSTAL_CODE.schema())] | None,
    Field(
        description="Postal code of the address; matters where a service serves only some areas.",
        examples=["80331"],
    ),
]
ServiceId = Annotated[
    Annotated[str, Field(json_schema_extra=SERVICE.schema())] | None,
    Field(
        description="Id of one delivery service (see get_shipping_options); leave out for all.",
        examples=["standard", "express"],
    ),
]
OrderedAt = Annotated[
    Annotated[str, Field(json_schema_extra=MOMENT.schema())] | None,
    Field(
        description="When the order is placed: RFC 3339 date and time WITH seconds and its UTC offset; "
        "leave out for now. The shop's cutoff time and business days decide whether that day counts.",
        examples=["2026-12-23T15:00:00+01:00"],
    ),
]
DeliveredOn = Annotated[
    str,
    Field(
        description="Day the buyer received the goods (the last parcel, if split), as an ISO date.",
        examples=["2026-12-11"],
        json_schema_extra=DAY.schema(),
    ),
]
OrderedOn = Annotated[
    Annotated[str, Field(json_schema_extra=DAY.schema())] | None,
    Field(
        description="Day the order was placed, as an ISO date; selects seasonal return windows.",
        examples=["2026-12-01"],
    ),
]
At = Annotated[
    Annotated[str, Field(json_schema_extra=MOMENT.schema())] | None,
    Field(
        description="The moment to check opening hours for: RFC 3339 date and time WITH seconds and its UTC "
        "offset; leave out for now.",
        examples=["2026-12-24T11:30:00+01:00"],
    ),
]


AsOf = Annotated[
    Annotated[str, Field(json_schema_extra=MOMENT.schema())] | None,
    Field(
        description="Answer with the terms in force at this moment: RFC 3339 date and time WITH seconds and "
        "its UTC offset; leave out for now. The answer's `version` names the version that answered.",
        examples=["2026-11-30T12:00:00+01:00"],
    ),
]


def register_tools(server: MCPServer, current: Callable[[], ShopTerms]) -> None:
    """Add the read-only tools to `server`; each asks `current()` for the shop's terms on every call and
    answers from the version in force at the moment asked about (server.selection)."""

    def answer(
        question: str,
        values: dict[str, str | None],
        key: Hashable | None,
        ask: Callable[[Policy], BaseModel],
    ) -> Any:
        """The answer of the version chosen for `values`, with that version named; kept under `key` in
        the version's memo unless `key` is None (the answer depends on now)."""
        try:
            state = select(question, values, current())
            found = ask(state.policy) if key is None else state.answers.get(state.policy, key, ask)
        except QueryError as error:
            raise ToolError(explain_query_error(error)) from None
        except StoreError as error:
            raise ToolError(
                f"The shop's terms cannot be read right now ({error.message}); try again shortly."
            ) from None
        return with_version(found, state.version)

    @server.tool(title="Policy summary", annotations=READ_ONLY)
    async def get_policy_summary(as_of: AsOf = None) -> VersionedSummary:  # type: ignore[valid-type]
        """The shop's post-purchase terms at a glance: who sells and to which countries, delivery services
        with transit times and lowest prices, the standard return window and who pays return postage,
        accepted payment methods, support channels, and links to the legal pages.

        Use it first, to learn what the shop offers and which countries it serves, before asking a
        detailed question. A section is null when the shop publishes none.
        Example: get_policy_summary()"""
        return answer("/summary", {AS_OF: as_of}, "summary", policy_summary)

    @server.tool(title="Shipping options", annotations=READ_ONLY)
    async def get_shipping_options(
        country: Country, region: Region = None, postal_code: PostalCode = None, as_of: AsOf = None
    ) -> VersionedShipping:  # type: ignore[valid-type]
        """Which delivery services reach a country (or one region or postal code of it), with each
        service's price in that country, free-shipping threshold, carriers, handling and transit days,
        order cutoff time and delivery options.

        Use it to compare shipping cost and speed to the buyer's address. For concrete delivery dates
        use estimate_delivery instead.
        Example: get_shipping_options(country="AT")"""
        where = (country, region, postal_code)
        return answer(
            "/shipping", {AS_OF: as_of}, ("shipping", *where), lambda policy: shipping_options(policy, *where)
        )

    @server.tool(title="Delivery date estimate", annotations=READ_ONLY)
    async def estimate_delivery(
        country: Country,
        region: Region = None,
        postal_code: PostalCode = None,
        service: ServiceId = None,
        ordered_at: OrderedAt = None,
        as_of: AsOf = None,
    ) -> VersionedEstimates:  # type: ignore[valid-type]
        """When an order placed at a given moment will be dispatched and delivered: earliest and latest
        delivery date per service, counting the warehouse's cutoff time, business days, closures and
        public holidays, and the destination's delivery days and regional holidays. The terms in force
        at ordered_at answer (at as_of, or now, when it is left out).

        Use it to answer "if I order now, when does it arrive?". Give the region for regional holidays.
        Example: estimate_delivery(country="DE", region="DE-BY", ordered_at="2026-12-23T15:00:00+01:00")"""
        where = (country, region, postal_code)
        moment = ordered_at or as_of
        if moment is None:  # an order placed now: kept until a cutoff, midnight or a new version
            try:
                terms = current()
                now = terms.clock()
                state = select("/delivery-estimate", {}, terms)
                return live_estimate(state, (*where, service), now, terms.next_change()).model(now)
            except QueryError as error:
                raise ToolError(explain_query_error(error)) from None
        key = ("estimate", *where, service, moment)
        values = {AS_OF: as_of, "ordered_at": moment}
        return answer(
            "/delivery-estimate",
            values,
            key,
            lambda policy: delivery_estimates(policy, *where, service, moment),
        )

    @server.tool(title="Return policy", annotations=READ_ONLY)
    async def get_return_policy(country: Country, as_of: AsOf = None) -> VersionedReturns:  # type: ignore[valid-type]
        """The return terms for buyers in one country: return window and what it counts from, who pays
        return postage, ways to send goods back, refund timing, exchanges, goods that cannot be returned,
        seasonal windows (e.g. Christmas) and the statutory withdrawal period.

        Use it to compare how easy and costly returning is. For the last day to return a delivered
        order use compute_return_deadline.
        Example: get_return_policy(country="DE")"""
        return answer(
            "/returns", {AS_OF: as_of}, ("returns", country), lambda policy: return_terms(policy, country)
        )

    @server.tool(title="Return deadline", annotations=READ_ONLY)
    async def compute_return_deadline(
        country: Country,
        delivered_on: DeliveredOn,
        region: Region = None,
        ordered_on: OrderedOn = None,
        as_of: AsOf = None,
    ) -> VersionedDeadline:  # type: ignore[valid-type]
        """The last day a buyer can send goods back: the shop's own return window and the statutory
        withdrawal period (EU, UK; moved past weekends and public holidays), side by side, and which of
        the two decides. With ordered_on, the terms in force when the order was placed decide (a window
        shortened later does not shorten it), and `version` names them.

        Use it once the delivery date is known. Give ordered_on when the order may fall in a seasonal
        period or before a change of terms, and the region for regional public holidays.
        Example: compute_return_deadline(country="DE", delivered_on="2026-12-11", ordered_on="2026-12-01")"""
        asked = (country, delivered_on, ordered_on, region)
        return answer(
            "/return-deadline",
            {AS_OF: as_of, "ordered_on": ordered_on},
            ("deadline", *asked),
            lambda policy: deadline_for_return(policy, *asked),
        )

    @server.tool(title="Payment terms", annotations=READ_ONLY)
    async def get_payment_terms(as_of: AsOf = None) -> VersionedPayment:  # type: ignore[valid-type]
        """How a buyer pays: accepted payment methods, when a card or wallet is charged (at order,
        at shipment or after delivery), and the invoice terms (when it is sent, days to pay).

        Use it when the buyer asks how or when they pay.
        Example: get_payment_terms()"""
        return answer("/payment", {AS_OF: as_of}, "payment", payment_terms)

    @server.tool(title="Support contacts", annotations=READ_ONLY)
    async def get_support_contacts(at: At = None, as_of: AsOf = None) -> VersionedSupport:  # type: ignore[valid-type]
        """How to reach the shop's customer support: every channel (phone, e-mail, chat, messaging) with
        its number or address, opening hours, languages and call cost, whether each is open at a given
        moment and when that next changes.

        Use it when the buyer needs help with an order or asks whether someone is reachable now.
        Example: get_support_contacts(at="2026-12-24T11:30:00+01:00")"""
        moment = at or as_of
        key = None if moment is None else ("support", moment)
        return answer("/support", {AS_OF: as_of}, key, lambda policy: support_contacts(policy, moment))

    @server.tool(title="Policy history", annotations=READ_ONLY)
    async def get_policy_history(as_of: AsOf = None) -> VersionHistory:
        """Every published version of the shop's terms, newest first: its content hash, number, when it
        took (or takes) effect, when it was published, the merchant's note, whether it is signed, and
        whether it is in force, scheduled or superseded at as_of (default now).

        Use it to learn whether and when the terms changed, or which terms applied to an earlier order;
        every other tool takes as_of (or the order's date) to answer with the terms of that moment.
        Example: get_policy_history()"""
        try:
            moment = checked_moment(as_of, AS_OF)
        except QueryError as error:
            raise ToolError(explain_query_error(error)) from None
        terms = current()
        return VersionHistory(shop=terms.shop_id, versions=terms.history(moment))
