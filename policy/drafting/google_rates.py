"""A ShippingSettings service's rate groups as one a policy can state: the group for every product (no
shipping labels), with weights in kilograms. What a policy has no rate for (carrier rates, subtables,
percentages) is named in a note and the service's rate left to the merchant."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.export.google_rules import RateGroup

POUND_IN_KG = Decimal("0.45359237")


def rate_group(groups: list[Any], at: str, name: str, out: SourceDraft) -> dict[str, Any] | None:
    """The rate group that applies to every product (no shipping labels), in kilograms."""
    general = [g for g in groups if isinstance(g, dict) and not g.get("applicableShippingLabels")]
    if len(groups) > len(general):
        out.skip(f"{at} ({name}): rate groups for shipping labels have no place in a policy; left out")
    if not general:
        out.skip(f"{at} ({name}) has no rate group for all products; write its rate by hand")
        return None
    group = general[0]
    for key, what in (
        ("carrierRates", "carrier-calculated rates"),
        ("subtables", "rate subtables"),
        ("multipleOfSubtables", "rate subtables"),
    ):
        if group.get(key):
            out.skip(
                f"{at} ({name}): {what} ({key}) cannot be stated as a policy rate; write the rate by hand"
            )
            return None
    clean = {k: v for k, v in group.items() if k in ("singleValue", "mainTable")}
    value = clean.get("singleValue") or {}
    if "pricePercentage" in value or "carrierRate" in value or "subtable" in value:
        out.skip(
            f"{at} ({name}): a rate as a percentage or a carrier rate cannot be stated; "
            "write the rate by hand"
        )
        return None
    clean = _in_kilograms(clean, at, name, out)
    try:
        RateGroup.model_validate({"applicableShippingLabels": [], **clean})
    except ValidationError as error:
        out.skip(f"{at} ({name}): the rate group is left out: {first_error(error)}")
        return None
    return clean


def _in_kilograms(group: dict[str, Any], at: str, name: str, out: SourceDraft) -> dict[str, Any]:
    table = group.get("mainTable")
    if not isinstance(table, dict):
        return group
    converted = False
    for headers_key in ("rowHeaders", "columnHeaders"):
        headers = table.get(headers_key) or {}
        weights = headers.get("weights") if isinstance(headers, dict) else None
        if not weights:
            continue
        for weight in weights:
            if isinstance(weight, dict) and weight.get("unit") == "POUND":
                micros = int(weight.get("amountMicros", "0"))
                if micros != -1:
                    weight["amountMicros"] = str(int((Decimal(micros) * POUND_IN_KG).to_integral_value()))
                weight["unit"] = "KILOGRAM"
                converted = True
    if converted:
        out.skip(f"{at} ({name}): weights in pounds are drafted in kilograms (1 lb = 0.45359237 kg)")
    return group


def first_error(error: ValidationError) -> str:
    """The first of pydantic's findings, as `where: what`."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])
