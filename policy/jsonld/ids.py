"""Stable node identifiers: fragments of the shop's own address.

Every named node gets `<shop url>#<fragment>`, so product pages can point at the organisation's
policies by @id and the identifiers stay the same from build to build:

    #organization                      the OnlineStore
    #return-policy                     return terms of the group that holds the home country
    #return-policy-AT, -AT-CH          other groups of countries with equal terms (codes sorted)
    #shipping-<service id>             one ShippingService per service
    #payment-<method>                  one PaymentMethod per accepted method (custom: names slugged)
    #contact-<channel type>[-<n>]      one ContactPoint per support channel (n from 2 on repeats)
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit, urlunsplit


class NodeIds:
    """Builds the @id of every named node under one shop address."""

    def __init__(self, shop_url: str) -> None:
        parts = urlsplit(shop_url)
        # A bare host gets the root path, so https://shop.example becomes https://shop.example/#...
        self._page = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))

    def fragment(self, name: str) -> str:
        return f"{self._page}#{name}"

    @property
    def organization(self) -> str:
        return self.fragment("organization")

    def return_policy(self, countries: list[str] | None = None) -> str:
        """The main policy without countries; a group's policy with its country codes."""
        if not countries:
            return self.fragment("return-policy")
        return self.fragment("return-policy-" + "-".join(sorted(countries)))

    def shipping_service(self, service_id: str) -> str:
        return self.fragment(f"shipping-{service_id}")

    def payment_method(self, method: str) -> str:
        return self.fragment(f"payment-{slug(method)}")

    def contact_point(self, channel_type: str, occurrence: int) -> str:
        suffix = "" if occurrence == 1 else f"-{occurrence}"
        return self.fragment(f"contact-{slug(channel_type)}{suffix}")


def slug(text: str) -> str:
    """Lower-case ASCII letters, digits and hyphens: `custom:Rechnung später` → `custom-rechnung-spater`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"
