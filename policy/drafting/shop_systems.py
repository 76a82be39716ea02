"""Rate rules built from a shop system's price or weight tiers, written the way a merchant would.

Shopify and WooCommerce state tiers as separate rates; the rules are turned into the neutral table
(`policy.export.rates.table`) and back (`rate_rules.rate_value`), which merges equal tiers and turns
a free top tier into `free_from`.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from shopterms.policy.drafting.rate_rules import rate_value
from shopterms.policy.export import rates
from shopterms.policy.export.loss import ExportError
from shopterms.policy.model.shipping import RateRule


def decimal(value: Any) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None


def tiers_to_rate(rules: list[dict[str, Any]], where: str) -> tuple[Any, Any, str | None]:
    """`(rate, free_from, problem)`: the policy's spelling of tier rules, or a problem in words."""
    try:
        models = [RateRule.model_validate(rule) for rule in rules]
        table = rates.table(models, None, where)
    except (ValidationError, ExportError) as error:
        return None, None, str(error).splitlines()[0]
    rate, free_from = rate_value(table)
    return rate, free_from, None
