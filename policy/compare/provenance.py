"""Where a value in a comparison record was read: a policy file, a shopterms API, or a shop page's markup.

Every known value names at least one place, so an agent can quote it or a person can check it; values
worked out from several statements (a delivery date, a free-shipping threshold) name each of them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class Part(BaseModel):
    """Base of every piece of a comparison record: immutable and strict about its fields."""

    # Every field is always written, so the published schema lists them all as required.
    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_serialization_defaults_required=True)


class YamlSource(Part):
    """A value written in a shopterms policy file."""

    kind: Literal["yaml"] = "yaml"
    file: str = Field(description="Path of the policy file, as it was given.")
    path: str = Field(
        description="YAML path of the value as the file writes it, e.g. shipping.services[0].rate."
    )
    line: int | None = Field(default=None, description="Line of the value (from 1).")
    column: int | None = Field(default=None, description="Column of the value (from 1).")


class ApiSource(Part):
    """A value in the canonical policy a shopterms HTTP API serves at /policy."""

    kind: Literal["api"] = "api"
    url: str = Field(description="The /policy address that was read.")
    path: str = Field(description="Path of the value in that JSON document, e.g. returns.refund.days.")


class PageSource(Part):
    """A value in the schema.org markup (JSON-LD, microdata or RDFa) embedded in a shop page."""

    kind: Literal["page"] = "page"
    url: str = Field(description="Address (or file path) of the page.")
    syntax: Literal["json-ld", "microdata", "rdfa"] = Field(
        description="The markup the value was written in."
    )
    node: str | None = Field(
        description="@id of the node that holds the value or, for a node without one, of the nearest node "
        "above it that has one; null when none on the way has an @id."
    )
    via: str = Field(
        description="Properties leading from `node` (or from the top-level item) to the node holding the "
        "value, joined by /; empty when `node` holds it."
    )
    type: str = Field(description="Type of the node holding the value, e.g. MerchantReturnPolicy.")
    property: str = Field(
        description="The property holding the value: a schema.org term (merchantReturnDays) or a shopterms "
        "term (shopterms:refundProcessingDays)."
    )


Provenance = Annotated[YamlSource | ApiSource | PageSource, Field(discriminator="kind")]
SourceKind = Literal["yaml", "api", "page"]
