"""Customer support: channels with contact details, opening hours, languages and response times."""

from __future__ import annotations

from typing import Literal

import opening_hours
from pydantic import Field, field_validator, model_validator

from shopterms.policy.model.common import Duration, HttpsUrl, LanguageTag, Strict
from shopterms.policy.model.scalars import Flag

ChannelType = Literal["phone", "email", "whatsapp", "chat", "contact_form", "sms", "messenger", "store"]
# Which contact field each channel type needs; the model names the missing one instead of guessing.
CONTACT_FIELD_BY_TYPE: dict[str, str] = {
    "phone": "number",
    "sms": "number",
    "whatsapp": "number",
    "email": "address",
    "chat": "url",
    "contact_form": "url",
    "messenger": "url",
    "store": "url",
}


class SupportChannel(Strict):
    """One way to reach the shop."""

    type: ChannelType = Field(description="Kind of channel.")
    number: str | None = Field(
        default=None, description="Phone number in international form, e.g. +49 40 1234567."
    )
    address: str | None = Field(default=None, description="E-mail address.")
    url: HttpsUrl | None = Field(default=None, description="Web address of the chat, form or store page.")
    hours: str | None = Field(
        default=None,
        description="Opening hours in OpenStreetMap opening_hours syntax, e.g. 'Mo-Fr 09:00-18:00; PH off'. "
        "Empty: always available (e-mail, forms).",
    )
    response_within: Duration | None = Field(default=None, description="Target time to a first answer.")
    languages: list[LanguageTag] | None = Field(
        default=None, description="Languages on this channel. Default: the support languages."
    )
    cost: Literal["free", "basic_rate", "premium_rate"] | None = Field(
        default=None, description="What a call costs the buyer (phone channels)."
    )

    @field_validator("hours")
    @classmethod
    def _parseable_hours(cls, value: str | None) -> str | None:
        if value is not None and not opening_hours.validate(value):
            raise ValueError(
                f"'{value}' is not in opening_hours syntax; "
                "write e.g. 'Mo-Fr 09:00-18:00; Sa 10:00-14:00; PH off'"
            )
        return value

    @model_validator(mode="after")
    def _has_contact(self) -> SupportChannel:
        needed = CONTACT_FIELD_BY_TYPE[self.type]
        if getattr(self, needed) is None:
            raise ValueError(f"a {self.type} channel needs its {needed}")
        return self

    @property
    def contact(self) -> str:
        return str(getattr(self, CONTACT_FIELD_BY_TYPE[self.type]))


class Support(Strict):
    """How buyers get help after the purchase."""

    languages: list[LanguageTag] = Field(default_factory=list, description="Languages support answers in.")
    human: Flag | None = Field(default=None, description="Whether a person (not only a bot) can be reached.")
    self_service: HttpsUrl | None = Field(default=None, description="Order status and self-service page.")
    channels: list[SupportChannel] = Field(min_length=1, description="Ways to reach support.")
