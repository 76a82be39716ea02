"""Who the MCP server says it is, decided per request: the shop whose terms answer that request.

One MCP server answers for every shop of a directory or store (the shop is chosen by the request's path,
server.mcp_shops), yet each shop's server card names that shop, and a client connecting to
/shops/{id}/mcp/ must hear the same name, title and description as the card says. The SDK's `Server`
keeps its identity in plain attributes fixed at construction (`name`, `title`, `description`,
`instructions`, `website_url`) and reads them on every request (the initialize result, the 2026
`serverInfo` stamp, server/discover), so `follow_identity` turns them into properties that ask a
function for the identity of the shop in force. A server for one fixed shop asks the same function:
its answer simply never changes.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mcp.server import MCPServer
from mcp.server.lowlevel.server import Server

from shopterms.policy.documents.server_card import server_description, server_name, server_title
from shopterms.policy.model import Policy


@dataclass(frozen=True)
class Identity:
    """What the server reports on connect; the card and registry entry announce the same."""

    name: str
    title: str
    description: str
    instructions: str
    website_url: str | None


def instructions(shop: str) -> str:
    return (
        f"Answers questions about the post-purchase terms of {shop}: shipping (services, prices, "
        "delivery dates), returns (window, cost, deadline for a delivered order), payment and customer "
        "support. Start with get_policy_summary to see which countries and services exist, then ask the "
        "specific tool. Dates are ISO 8601; moments need their UTC offset. The answers come from the "
        "shop's own policy file; its schema.org JSON-LD, the full policy and a Markdown summary are "
        "available as resources."
    )


def identity_of(policy: Policy) -> Identity:
    return Identity(
        server_name(policy),
        server_title(policy),
        server_description(policy),
        instructions(policy.shop.name),
        policy.shop.url,
    )


# Who the server is outside any shop's request (read, if at all, by the SDK's own start-up and logging).
NO_SHOP = Identity("shopterms", "Shop terms", "Post-purchase terms of shops, for shopping agents.", "", None)


def memoised(policy: Callable[[], Policy], outside: Identity = NO_SHOP) -> Callable[[], Identity]:
    """`identity_of(policy())`, computed again only when the policy object changes (a reload); `outside`
    when no shop is in scope."""
    last: list[tuple[Policy, Identity]] = []

    def identity() -> Identity:
        try:
            found = policy()
        except LookupError:
            return outside
        kept = last[0] if last else None  # one read: other threads may replace it meanwhile
        if kept is not None and kept[0] is found:
            return kept[1]
        made = identity_of(found)
        last[:] = [(found, made)]
        return made

    return identity


class _ShopServer(Server[Any]):
    """The SDK's server with its identity read from `_identity()` on every access.

    The constructor's own values land in the instance dictionary; these properties (data descriptors)
    take precedence over it, and their setters keep the constructor working unchanged.
    """

    _identity: Callable[[], Identity]

    @property
    def name(self) -> str:  # type: ignore[override]
        return self._identity().name

    @name.setter
    def name(self, value: str) -> None:
        pass

    @property
    def title(self) -> str | None:  # type: ignore[override]
        return self._identity().title

    @title.setter
    def title(self, value: str | None) -> None:
        pass

    @property
    def description(self) -> str | None:  # type: ignore[override]
        return self._identity().description

    @description.setter
    def description(self, value: str | None) -> None:
        pass

    @property
    def instructions(self) -> str | None:  # type: ignore[override]
        return self._identity().instructions

    @instructions.setter
    def instructions(self, value: str | None) -> None:
        pass

    @property
    def website_url(self) -> str | None:  # type: ignore[override]
        return self._identity().website_url

    @website_url.setter
    def website_url(self, value: str | None) -> None:
        pass

    @property
    def _server_info_stamp_source(self) -> dict[str, Any]:  # type: ignore[override]
        # The SDK caches this dump once per server; here it belongs to the shop of the request.
        return self.server_info.model_dump(by_alias=True, mode="json", exclude_none=True)

    @property
    def server_info_stamp(self) -> dict[str, Any]:
        return copy.deepcopy(self._server_info_stamp_source)


def follow_identity(server: MCPServer, identity: Callable[[], Identity]) -> None:
    """Make `server` report `identity()` (asked on every request) as its name, title, description,
    instructions and website."""
    lowlevel = server._lowlevel_server
    lowlevel.__class__ = _ShopServer
    assert isinstance(lowlevel, _ShopServer)
    lowlevel._identity = identity
