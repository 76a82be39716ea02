"""Mapping files: which column of an export holds which field, how its values translate, what is ignored.

    name: Shopify order export
    format: csv                 # csv or jsonl; default: from the file's extension
    timezone: Europe/Berlin     # for times written without a UTC offset
    columns: {order_id: Name, ordered_at: Created at, service: Shipping Method, ...}
    values: {service: {Standard: standard, Express: express}}
    ignore: [Email, Billing Name, ...]   # columns with personal data: declared, never read
    skip: {Cancelled at: ["*"]}          # rows to leave out: column → values ("*": any non-empty)
    extends: shopify                     # start from a ready-made mapping and change what differs

Ready-made mappings ship in shopterms.schemas (evidence/*.yaml) and are named by their file stem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from shopterms.policy.errors import suggest
from shopterms.policy.evidence.fields import FIELDS, MAX_POSTAL_PREFIX, STATUSES
from shopterms.policy.time_zones import is_zone_name
from shopterms.schemas.data import data_text

READY_MADE: tuple[str, ...] = ("shopterms", "shopify", "carrier")
FieldName = Literal[
    "order_id",
    "parcel",
    "ordered_at",
    "service",
    "country",
    "region",
    "postal_code",
    "carrier",
    "status",
    "shipped_at",
    "delivered_at",
    "return_requested_at",
    "return_shipped_at",
    "return_received_at",
    "refunded_at",
]
TranslatedField = Literal["service", "status", "carrier", "country", "region"]
ANY_VALUE = "*"


class MappingError(ValueError):
    """A mapping file that cannot be used: unreadable, not YAML, or not a mapping of the documented form."""


class Mapping(BaseModel):
    """How the columns of one kind of export become shipment records."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(default="", description="What export this mapping reads, for messages.")
    format: Literal["csv", "jsonl"] | None = Field(
        default=None, description="csv or jsonl; default: from the file's extension."
    )
    delimiter: Annotated[str, Field(min_length=1, max_length=1)] = Field(
        default=",", description="Column separator of a CSV file."
    )
    encoding: str = Field(
        default="utf-8", description="Text encoding of the file (utf-8, with or without BOM; cp1252, …)."
    )
    timezone: str | None = Field(
        default=None, description="IANA time zone of times written without a UTC offset."
    )
    postal_prefix: int = Field(
        default=MAX_POSTAL_PREFIX,
        ge=0,
        le=MAX_POSTAL_PREFIX,
        description="How many leading characters of a postal code are kept (0 to 3).",
    )
    columns: dict[FieldName, str] = Field(description="Field → the column (CSV) or key (JSON) holding it.")
    values: dict[TranslatedField, dict[str, str]] = Field(
        default_factory=dict, description="Field → {value in the export: value shopterms uses}."
    )
    ignore: list[str] = Field(default_factory=list, description="Columns never read (personal data).")
    skip: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Column → values whose rows are left out; '*' is any non-empty value.",
    )

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        if value is not None and not is_zone_name(value):
            raise ValueError(f"'{value}' is not an IANA time zone; write e.g. Europe/Berlin")
        return value

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value: str) -> str:
        import codecs

        try:
            codecs.lookup(value)
        except LookupError:
            raise ValueError(f"'{value}' is not a text encoding Python knows; write e.g. utf-8") from None
        return value

    @field_validator("columns")
    @classmethod
    def _order_id_mapped(cls, value: dict[str, str]) -> dict[str, str]:
        if "order_id" not in value:
            raise ValueError("order_id must be mapped: records are matched by order (and parcel)")
        return value

    @field_validator("values")
    @classmethod
    def _known_statuses(cls, value: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        for theirs, ours in value.get("status", {}).items():
            if ours not in STATUSES:
                raise ValueError(
                    f"status value '{theirs}' maps to '{ours}'; use one of {', '.join(STATUSES)}"
                )
        return value

    def translation(self, field: TranslatedField) -> dict[str, str]:
        """The value map of a field, keyed case-insensitively (trimmed, lower case)."""
        return {key.strip().lower(): ours for key, ours in self.values.get(field, {}).items()}


def _yaml_data(text: str, origin: str) -> Any:
    try:
        return YAML(typ="safe", pure=True).load(text)
    except YAMLError as error:
        raise MappingError(f"{origin} is not readable YAML: {' '.join(str(error).split())}") from None


def _merged(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """`own` laid over `base`: columns, values and skip merged key by key, ignore lists joined."""
    result = {**base, **{key: value for key, value in own.items() if key != "extends"}}
    for key in ("columns", "skip"):
        if isinstance(base.get(key), dict) and isinstance(own.get(key), dict):
            result[key] = {**base[key], **own[key]}
    if isinstance(base.get("values"), dict) and isinstance(own.get("values"), dict):
        values = dict(base["values"])
        for field, table in own["values"].items():
            merged = values.get(field)
            if isinstance(merged, dict) and isinstance(table, dict):
                table = {**merged, **table}
            values[field] = table
        result["values"] = values
    if isinstance(base.get("ignore"), list) and isinstance(own.get("ignore"), list):
        result["ignore"] = list(dict.fromkeys([*base["ignore"], *own["ignore"]]))
    return result


def _validated(data: Any, origin: str) -> Mapping:
    if not isinstance(data, dict):
        raise MappingError(f"{origin} must be a YAML mapping with at least `columns: {{order_id: ...}}`")
    try:
        return Mapping.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            where = ".".join(str(part) for part in item["loc"]) or "(top level)"
            message = item["msg"].removeprefix("Value error, ")
            if item["type"] == "extra_forbidden":
                known = list(Mapping.model_fields)
                message = f"unknown key.{suggest(str(item['loc'][-1]), known)} Keys: {', '.join(known)}"
            elif item["type"] == "literal_error" and len(item["loc"]) >= 2 and item["loc"][0] == "columns":
                close = suggest(str(item["loc"][-1]), FIELDS)
                message = f"not a record field.{close} Fields: {', '.join(FIELDS)}"
            problems.append(f"{where}: {message}")
        raise MappingError(f"{origin}: {'; '.join(problems)}") from None


def _raw(spec: str, seen: tuple[str, ...]) -> dict[str, Any]:
    if spec in READY_MADE:
        text, origin = data_text(f"evidence/{spec}.yaml"), f"the ready-made mapping {spec}"
    else:
        path = Path(spec)
        try:
            text, origin = path.read_text(encoding="utf-8"), str(path)
        except FileNotFoundError:
            raise MappingError(
                f"there is no mapping file {spec}; the ready-made mappings are {', '.join(READY_MADE)}"
            ) from None
        except (OSError, UnicodeDecodeError) as error:
            raise MappingError(f"cannot read the mapping file {spec}: {error}") from None
    data = _yaml_data(text, origin)
    if isinstance(data, dict) and isinstance(data.get("extends"), str):
        parent = data["extends"]
        if parent in seen:
            raise MappingError(f"{origin} extends {parent}, which extends it again")
        return _merged(_raw(parent, (*seen, spec)), data)
    return data if isinstance(data, dict) else {"__not_a_mapping__": data}


def load_mapping(spec: str) -> Mapping:
    """A ready-made mapping by name (shopterms, shopify, carrier) or a mapping file by path.

    Raises MappingError with the file and the key path of every problem."""
    data = _raw(spec, ())
    if "__not_a_mapping__" in data:
        data = data["__not_a_mapping__"]
    return _validated(data, spec if spec not in READY_MADE else f"the ready-made mapping {spec}")
