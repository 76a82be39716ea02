"""Every rule, by pack. Importing this module registers every rule's catalogue entry."""

from __future__ import annotations

from shopterms.validators.rules import (
    core_drafts,
    core_identity,
    core_payment,
    core_rates,
    core_returns,
    core_shipping,
    core_support,
    de,
    eu,
    uk,
    us,
)
from shopterms.validators.rules.rule import Rule

RULES_BY_PACK: dict[str, tuple[Rule, ...]] = {
    "core": (
        *core_rates.RULES,
        *core_shipping.RULES,
        *core_returns.RULES,
        *core_payment.RULES,
        *core_support.RULES,
        *core_identity.RULES,
        *core_drafts.RULES,
    ),
    "eu": tuple(eu.RULES),
    "de": tuple(de.RULES),
    "uk": tuple(uk.RULES),
    "us": tuple(us.RULES),
}
