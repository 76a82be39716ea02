"""Field rules of the shop-level columns of the OpenAI product feed that the openai-feed export writes.

Source: the OpenAI commerce product feed specification (developers.openai.com/commerce/specs/feed),
its Merchant info, Returns and Fulfillment rows: seller_name (at most 70 characters), seller_url,
seller_privacy_policy and seller_tos (URLs), return_policy (URL, required), accepts_returns and
accepts_exchanges (booleans), return_deadline_in_days (a positive integer), and shipping entries
written country:region:service_class:price with the price as an amount and an ISO 4217 code
("US:CA:Overnight:16.00 USD"). `python scripts/generate_export_schemas.py` publishes them in schemas/exports/.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
ShippingEntry = Annotated[
    str, StringConstraints(pattern=r"^[A-Z]{2}:[A-Z0-9]{0,3}:[^:;]+:\d+\.\d{2} [A-Z]{3}$")
]
COLUMNS = (
    "seller_name",
    "seller_url",
    "seller_privacy_policy",
    "seller_tos",
    "return_policy",
    "accepts_returns",
    "return_deadline_in_days",
    "accepts_exchanges",
    "shipping",
)


class OpenAiFeedShopFields(BaseModel):
    """What `shopterms export --to openai-feed` writes: the columns every product row of the shop repeats."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seller_name: Annotated[str, StringConstraints(min_length=1, max_length=70)]
    seller_url: Url
    seller_privacy_policy: Url | None = None
    seller_tos: Url | None = None
    return_policy: Url
    accepts_returns: bool | None = None
    return_deadline_in_days: int | None = Field(default=None, ge=1)
    accepts_exchanges: bool | None = None
    shipping: list[ShippingEntry] | None = None
