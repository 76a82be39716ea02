"""One change between two policies: where, what it was, what it is, and a sentence a buyer understands."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Change(BaseModel):
    """A difference a buyer would notice, e.g. "return window 30 → 14 days after delivery for AT"."""

    model_config = ConfigDict(frozen=True)

    section: str = Field(description="shop, shipping, returns, payment, support or legal.")
    subject: list[str] = Field(
        description="What the change applies to: countries for return terms, service ids for shipping; "
        "empty when it applies to the whole section."
    )
    field: str = Field(description="The term that changed, e.g. window, cutoff, rate.")
    before: Any = Field(description="The value before (canonical JSON form); null when it was absent.")
    after: Any = Field(description="The value after (canonical JSON form); null when it is gone.")
    text: str = Field(
        description="The change in words.", examples=["return window 30 → 14 days after delivery for AT"]
    )
