"""The shop's identity: who sells, from where, in which currency and time zone."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator

from shopterms.policy.model.common import CountryCode, CurrencyCode, HttpsUrl, LanguageTag, Strict
from shopterms.policy.time_zones import MAX_NAME_LENGTH, ZONE_NAME_PATTERN, is_zone_name


class Address(Strict):
    """The seller's postal address (the imprint address in the EU)."""

    street: str | None = Field(default=None, description="Street and number.")
    postal_code: str | None = Field(
        default=None, description='Postal code, in quotes so leading zeros stay: "01067".'
    )
    city: str | None = Field(default=None, description="City.")
    region: str | None = Field(default=None, description="State or province, where addresses carry one.")
    country: CountryCode = Field(description="Country of the seat, ISO 3166-1 alpha-2.")


class Shop(Strict):
    """Who the terms belong to."""

    name: str = Field(min_length=1, description="Trading name shown to buyers.")
    url: HttpsUrl = Field(description="Home page of the shop; stable JSON-LD ids are built under it.")
    legal_name: str | None = Field(default=None, description="Registered company name, if different.")
    address: Address = Field(description="Postal address; its country is the shop's home country.")
    timezone: str = Field(
        description="IANA time zone of the warehouse and support, e.g. Europe/Berlin; "
        "cutoffs and hours use it.",
        examples=["Europe/Berlin"],
        # The form only: whether the zone exists is checked against the time-zone database.
        json_schema_extra={"pattern": ZONE_NAME_PATTERN, "maxLength": MAX_NAME_LENGTH},
    )
    currency: CurrencyCode = Field(description="Currency of every amount in this file.")
    languages: list[LanguageTag] = Field(
        default_factory=list, description="Languages of the shop and its terms page (first is primary)."
    )
    sells_to: list[CountryCode] = Field(
        default_factory=list,
        description="Countries the shop sells to. Default: the address country only. "
        "Chooses the legal rule packs.",
    )
    vat_id: str | None = Field(default=None, description="VAT identification number, e.g. DE123456789.")

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        # Checked against the database's list of names: a long or odd name never reaches the file system.
        if not is_zone_name(value):
            shown = value if len(value) <= 40 else value[:40] + "…"
            raise ValueError(f"'{shown}' is not an IANA time zone; write e.g. Europe/Berlin")
        return value

    @model_validator(mode="before")
    @classmethod
    def _sells_home_by_default(cls, data: Any) -> Any:
        # The default is written into the canonical form, so every reader sees the same explicit list.
        if isinstance(data, dict) and "sells_to" not in data:
            address = data.get("address")
            if isinstance(address, dict) and isinstance(address.get("country"), str):
                return {**data, "sells_to": [address["country"]]}
        return data

    @property
    def country(self) -> str:
        return self.address.country
