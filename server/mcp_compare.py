"""The comparison tool of a shop's MCP server: this shop beside other shops the same server serves.

Sources are shop ids, never paths or addresses. The server compares only policies it has already
loaded and checked, so a caller can neither make it read a file nor fetch an address (no server-side
request forgery, no reading beyond the served directory). Comparing pages elsewhere on the web is the
client's job: `shopterms compare` runs where the caller's own network rules apply.

Each record is read from the shop's canonical policy, the document the HTTP API serves at /policy, so
its provenance names that address (relative to the server) and a path in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Protocol

from mcp.server import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import ToolAnnotations
from pydantic import Field

from shopterms.policy.arguments import MOMENT, POSTAL_CODE, checked, checked_moment
from shopterms.policy.compare.policy_record import record_from_policy
from shopterms.policy.compare.ranking import PREFERENCE_NAMES, Comparison, check_preferences, compare
from shopterms.policy.errors import QueryError, listing, suggest
from shopterms.policy.loader import load_policy_text
from shopterms.policy.moment import aware
from shopterms.policy.queries import DestinationQuery
from shopterms.server.mcp_errors import explain_query_error

READ_ONLY = ToolAnnotations(
    read_only_hint=True, idempotent_hint=True, destructive_hint=False, open_world_hint=False
)
_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|[/\\]")


class Served(Protocol):
    """What the tool needs of each shop served: its canonical policy text."""

    @property
    def policy_json(self) -> str: ...


@dataclass(frozen=True)
class CompareScope:
    """The shops a server's comparison tool may name: `shops()` by id (read on every call, so reloads
    count), the id of the server's own shop (or a function that says which shop the request is about,
    when one server answers for every shop), and where each shop's canonical policy is served."""

    shops: Callable[[], Mapping[str, Served]]
    this: str | Callable[[], str]
    policy_path: Callable[[str], str]

    def own(self) -> str:
        return self.this if isinstance(self.this, str) else self.this()


def register_compare(server: MCPServer, scope: CompareScope) -> None:
    """Add `compare_with` to the server of shop `scope.own()`."""
    shops, policy_path = scope.shops, scope.policy_path

    def resolve(sources: list[str]) -> list[str]:
        served = shops()
        this = scope.own()
        others = sorted(shop_id for shop_id in served if shop_id != this)
        chosen: list[str] = []
        for source in sources:
            if _ADDRESS.search(source):
                raise ToolError(
                    f"Invalid argument 'sources': '{source}' is a path or address; this server compares only "
                    f"the shops it serves, by id: {listing(others)}. Compare other shops with `shopterms "
                    "compare` on your side."
                )
            if source not in served:
                raise ToolError(
                    f"Invalid argument 'sources': no shop '{source}' is served here."
                    f"{suggest(source, others)} Allowed values: {listing(others)}."
                )
            if source != this and source not in chosen:
                chosen.append(source)
        return [this, *chosen]

    @server.tool(title="Compare with other shops", annotations=READ_ONLY)
    async def compare_with(
        sources: Annotated[
            list[str],
            Field(
                description="Ids of other shops served by this server to compare this shop with (the file "
                "names without .yaml, as /shops lists them). This shop is always included.",
                examples=[["voltwerk-electronics", "kleinkram"]],
            ),
        ],
        destination: Annotated[
            str,
            Field(
                description="Where the goods go: a country (DE) or an ISO 3166-2 subdivision (DE-BY).",
                examples=["DE-BY"],
            ),
        ],
        preferences: Annotated[
            list[str],
            Field(
                description="What matters, most important first; later ones only break ties. "
                "Leave empty for fast, cheap.",
                examples=[["free-returns", "fast"]],
                # Checked by the tool, so a wrong name is answered with the allowed ones.
                json_schema_extra={"items": {"type": "string", "enum": list(PREFERENCE_NAMES)}},
            ),
        ] = [],  # noqa: B006 - the SDK reads the default into the schema; nothing mutates it
        postal_code: Annotated[
            Annotated[str, Field(json_schema_extra=POSTAL_CODE.schema())] | None,
            Field(
                description="Destination postal code, for services that serve only some.", examples=["80331"]
            ),
        ] = None,
        ordered_at: Annotated[
            # The form sits in the string branch: beside anyOf it would apply to null too (see mcp_tools).
            Annotated[str, Field(json_schema_extra=MOMENT.schema())] | None,
            Field(
                description="Order moment, RFC 3339 WITH seconds and its UTC offset; leave out for now. "
                "Delivery dates and seasonal return windows depend on it.",
                examples=["2026-12-23T15:00:00+01:00"],
            ),
        ] = None,
    ) -> Comparison:
        """Compare this shop with other shops on this server on their post-purchase terms for one
        destination, and rank them under stated preferences: fast (delivery date), cheap (delivery
        price, then free-shipping threshold), free-returns, long-returns, invoice (pay after delivery).

        Every shop gets a rank and a one-line reason; every fact in the records names where in the
        shop's canonical policy it was read, and facts a shop does not state are "unknown" and rank
        below known ones. Only shops served here can be compared (see their ids at /shops).
        Example: compare_with(sources=["voltwerk-electronics"], destination="DE-BY", preferences=["fast"])"""
        try:
            chosen = check_preferences(preferences)
        except ValueError as error:
            raise ToolError(f"Invalid argument 'preferences': {error}.") from None
        ids = resolve(sources)
        query = DestinationQuery.parse(destination).model_copy(update={"postal_code": postal_code})
        served = shops()
        try:
            if postal_code is not None:
                checked("postal_code", postal_code, POSTAL_CODE)
            # One moment for every shop, even when it is now; a given one has the published form.
            moment = aware(checked_moment(ordered_at, "ordered_at"), "ordered_at")
            records = [
                record_from_policy(
                    load_policy_text(served[shop_id].policy_json, policy_path(shop_id)),
                    query,
                    moment,
                    kind="api",
                    location=policy_path(shop_id),
                )
                for shop_id in ids
            ]
        except QueryError as error:
            if error.field in {"country", "region"}:
                error = QueryError("destination", error.message, error.allowed)
            raise ToolError(explain_query_error(error)) from None
        return compare(records, chosen)
