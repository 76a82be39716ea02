"""Catalogue entries of the rule packs (SHIP, RET, PAY, SUP, LEG, EU, DE, UK, US), registered on import.

The entries live beside their rules in `validators.rules`; importing the registry registers them all.
"""

from __future__ import annotations

from shopterms.validators.rules.registry import RULES_BY_PACK

RULE_CODES = tuple(rule.info for rules in RULES_BY_PACK.values() for rule in rules)
