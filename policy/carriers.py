"""The curated carrier vocabulary (schemas/carriers.json) and the type a policy uses to name a carrier."""

from __future__ import annotations

import difflib
import json
from functools import cache
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

from shopterms.schemas.data import data_text

CUSTOM_PREFIX = "custom:"


class Carrier(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    countries: list[str] = Field(default_factory=list)
    tracking_url: str | None = None


@cache
def carriers_by_id() -> dict[str, Carrier]:
    raw = json.loads(data_text("carriers.json"))
    return {cid: Carrier(id=cid, **entry) for cid, entry in raw["carriers"].items()}


def carrier_name(ref: str) -> str:
    """Display name of a carrier reference: the vocabulary's name, or what follows `custom:`."""
    if ref.startswith(CUSTOM_PREFIX):
        return ref[len(CUSTOM_PREFIX) :]
    known = carriers_by_id().get(ref)
    return known.name if known else ref


def _known_carrier(value: str) -> str:
    if value.startswith(CUSTOM_PREFIX):
        if not value[len(CUSTOM_PREFIX) :].strip():
            raise ValueError("a custom carrier needs a name after custom:, e.g. custom:Kurier Schmidt")
        return value
    if value not in carriers_by_id():
        close = difflib.get_close_matches(value, list(carriers_by_id()), n=1)
        suggestion = f"did you mean '{close[0]}'? " if close else ""
        raise ValueError(
            f"'{value}' is not in the carrier vocabulary; {suggestion}"
            "write custom:<name> for a carrier not listed"
        )
    return value


def _carrier_ref_schema() -> dict[str, Any]:
    return {
        "anyOf": [
            {"enum": sorted(carriers_by_id())},
            {"type": "string", "pattern": "^custom:.+$"},
        ],
        "description": "A carrier id from the shopterms carrier vocabulary, or custom:<name>.",
    }


CarrierRef = Annotated[str, AfterValidator(_known_carrier), WithJsonSchema(_carrier_ref_schema())]
