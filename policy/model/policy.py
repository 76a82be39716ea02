"""The root of a policy file: one shop's post-purchase terms."""

from __future__ import annotations

from typing import Annotated, Any, Final, Literal

from pydantic import BeforeValidator, Field, model_validator

from shopterms.policy.model.common import Strict
from shopterms.policy.model.legal import Legal
from shopterms.policy.model.payment import Payment
from shopterms.policy.model.returns import Returns
from shopterms.policy.model.shipping import Shipping
from shopterms.policy.model.shop import Shop
from shopterms.policy.model.support import Support

SCHEMA_VERSION: Final = 1


def _no_flag(value: Any) -> Any:
    # Python counts true as 1; a version is a number, so `version: true` is refused as the text it reads as.
    return str(value).lower() if isinstance(value, bool) else value


class Policy(Strict):
    """A shop's post-purchase terms: the single source for JSON-LD, the API and the MCP server."""

    version: Annotated[Literal[1], BeforeValidator(_no_flag)] = Field(
        default=SCHEMA_VERSION, description="Version of the policy-file format."
    )
    shop: Shop = Field(description="Who sells.")
    shipping: Shipping | None = Field(
        default=None, description="Handling, delivery services, rates and times."
    )
    returns: Returns | None = Field(default=None, description="Return window, costs, methods and refunds.")
    payment: Payment | None = Field(default=None, description="Payment methods and timing.")
    support: Support | None = Field(default=None, description="Customer-support channels and hours.")
    legal: Legal | None = Field(default=None, description="Withdrawal, guarantee and policy pages.")

    @model_validator(mode="before")
    @classmethod
    def _fill_home_defaults(cls, data: Any) -> Any:
        # Defaults that depend on the shop (holiday calendar, return countries) are written into the
        # canonical form, so every reader sees one explicit value instead of re-deriving it.
        if not isinstance(data, dict) or not isinstance(data.get("shop"), dict):
            return data
        shop = data["shop"]
        address = shop.get("address")
        home = address.get("country") if isinstance(address, dict) else None
        if not isinstance(home, str):
            return data
        data = dict(data)
        shipping = data.get("shipping")
        handling = shipping.get("handling") if isinstance(shipping, dict) else None
        if isinstance(shipping, dict) and isinstance(handling, dict) and "holidays" not in handling:
            data["shipping"] = {**shipping, "handling": {**handling, "holidays": home.upper()}}
        returns = data.get("returns")
        if isinstance(returns, dict) and "countries" not in returns:
            sells_to = shop.get("sells_to", [home])
            data["returns"] = {**returns, "countries": sells_to if isinstance(sells_to, list) else [home]}
        return data
