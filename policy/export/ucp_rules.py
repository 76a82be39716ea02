"""Field rules of the UCP pieces the ucp export writes.

Source: the Universal Commerce Protocol repository (github.com/Universal-Commerce-Protocol/ucp),
source/schemas/common/types/policy.json (the policies[] primitive: type as a reverse-domain name,
description required), source/schemas/shopping/policy_return.json (the dev.ucp.shopping.policy.return
body: window, supported_resolutions, methods, restocking_fee, final_sale), common/types/link.json,
reverse_domain_name.json, payment_term.json and payment_schedule.json. The return-policy extension is
a draft that keeps changing; docs/exports.md names the reading used here. Amounts are ISO 4217 minor
units, as UCP writes them. `python scripts/generate_export_schemas.py` publishes them in schemas/exports/.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

RETURN_TYPE = "dev.ucp.shopping.policy.return"
# UCP's second well-known policy type. Its body has no structured fields yet; the years travel in a
# field of our own reverse-domain namespace, which UCP policies admit (additionalProperties: true).
WARRANTY_TYPE = "dev.ucp.shopping.policy.warranty"
GUARANTEE_YEARS = "dev.shopterms.guarantee_years"
ReverseDomainName = Annotated[
    str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(?:\.[a-z](?:[a-z0-9_-]*[a-z0-9_])?)+$")
]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Piece(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Open(BaseModel):
    """UCP objects that allow further properties (policies, fees, payment terms and schedules)."""

    model_config = ConfigDict(extra="allow", frozen=True)


class Description(Piece):
    plain: Annotated[str, StringConstraints(min_length=1)]


class Window(Piece):
    days: int = Field(ge=1)
    anchor: Annotated[str, StringConstraints(min_length=1)]


class Fee(Open):
    type: Annotated[str, StringConstraints(min_length=1)]
    amount: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _fixed_has_amount(self) -> Fee:
        if self.type == "fixed_fee" and self.amount is None:
            raise ValueError("a fixed_fee needs its amount")
        return self


class ReturnMethod(Piece):
    type: Annotated[str, StringConstraints(min_length=1)]
    fee: Fee | None = None


class RestockingFee(Piece):
    percentage_bps: int | None = Field(default=None, ge=0, le=10_000)
    amount: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _some_fee(self) -> RestockingFee:
        if self.percentage_bps is None and self.amount is None:
            raise ValueError("a restocking fee needs percentage_bps, amount or both")
        return self


class Policy(Open):
    type: ReverseDomainName
    description: Description
    url: Url | None = None
    applies_to: list[str] | None = None


class ReturnPolicy(Policy):
    type: Literal["dev.ucp.shopping.policy.return"]
    final_sale: bool | None = None
    window: Window | None = None
    supported_resolutions: list[str] | None = Field(default=None, min_length=1)
    methods: list[ReturnMethod] | None = Field(default=None, min_length=1)
    restocking_fee: RestockingFee | None = None

    @model_validator(mode="after")
    def _final_sale_alone(self) -> ReturnPolicy:
        if self.final_sale and any(
            (self.window, self.supported_resolutions, self.methods, self.restocking_fee)
        ):
            raise ValueError("a final-sale policy carries no window, resolutions, methods or restocking fee")
        if self.supported_resolutions and len(set(self.supported_resolutions)) != len(
            self.supported_resolutions
        ):
            raise ValueError("supported_resolutions must not repeat")
        return self


class WarrantyPolicy(Policy):
    """The legal guarantee, as UCP's well-known warranty policy with the years in our own field."""

    type: Literal["dev.ucp.shopping.policy.warranty"]
    guarantee_years: float = Field(alias="dev.shopterms.guarantee_years", gt=0, le=10)


class Link(Piece):
    type: Annotated[str, StringConstraints(min_length=1)]
    url: Url
    title: str | None = None


class Schedule(Open):
    """A payment schedule without `amount`: the amount is the checkout's, filled in when one exists."""

    id: Annotated[str, StringConstraints(min_length=1)]
    type: Annotated[str, StringConstraints(min_length=1)]
    description: Description


class PaymentTerm(Open):
    id: Annotated[str, StringConstraints(min_length=1)]
    title: Annotated[str, StringConstraints(min_length=1)]
    schedules: list[Schedule] = Field(min_length=1)


class ItemPolicy(Piece):
    """A final-sale return policy for a group of goods; its applies_to (required here) names the goods."""

    items: Annotated[str, StringConstraints(min_length=1)]
    policy: ReturnPolicy

    @model_validator(mode="after")
    def _targeted(self) -> ItemPolicy:
        if not self.policy.applies_to:
            raise ValueError("a policy for some goods only needs applies_to naming them")
        return self


class Market(Piece):
    """Buyers' countries that share one return policy."""

    countries: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]] = Field(min_length=1)
    policies: list[ReturnPolicy] = Field(min_length=1)


class UcpExport(Piece):
    """What `shopterms export --to ucp` writes: pieces a UCP business embeds in its responses."""

    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None = None
    policies: list[WarrantyPolicy | Policy] = Field(default_factory=list)
    markets: list[Market] = Field(default_factory=list)
    item_policies: list[ItemPolicy] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    payment_terms: list[PaymentTerm] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _no_return_policy_in_shared(cls, data: Any) -> Any:
        policies = data.get("policies", []) if isinstance(data, dict) else []
        if any(isinstance(p, dict) and p.get("type") == RETURN_TYPE for p in policies):
            raise ValueError("return policies belong to markets or item_policies")
        return data
