"""Legal statements: withdrawal right, legal guarantee, policy pages, dispute resolution."""

from __future__ import annotations

from pydantic import Field

from shopterms.policy.model.common import HttpsUrl, Strict
from shopterms.policy.model.scalars import DayCount, Flag, Years


class DisputeResolution(Strict):
    """Whether the shop takes part in consumer dispute resolution (VSBG § 36 in Germany)."""

    participates: Flag = Field(description="Willing or obliged to take part in proceedings before a board.")
    body: str | None = Field(
        default=None, description="Name of the dispute-resolution body, if it participates."
    )
    url: HttpsUrl | None = Field(default=None, description="Web address of that body.")


class Legal(Strict):
    """What the law makes the shop state, and where the full texts live."""

    withdrawal_days: DayCount | None = Field(
        default=None, description="Statutory withdrawal period in days (14 in the EU and UK)."
    )
    withdrawal_url: HttpsUrl | None = Field(
        default=None,
        description="The online withdrawal function ('withdraw from contract here'), EU since 2026-06-19.",
    )
    guarantee_years: Years | None = Field(default=None, description="Legal guarantee in years.")
    terms_url: HttpsUrl | None = Field(default=None, description="General terms and conditions.")
    returns_url: HttpsUrl | None = Field(default=None, description="Return or withdrawal policy page.")
    shipping_url: HttpsUrl | None = Field(default=None, description="Shipping information page.")
    privacy_url: HttpsUrl | None = Field(default=None, description="Privacy notice.")
    imprint_url: HttpsUrl | None = Field(default=None, description="Imprint (legal notice) page.")
    dispute_resolution: DisputeResolution | None = Field(
        default=None, description="Dispute-resolution statement."
    )
