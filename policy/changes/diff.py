"""The changes between two policies, returns and shipping first, then every other section."""

from __future__ import annotations

from shopterms.policy.changes.change import Change
from shopterms.policy.changes.generic import other_changes
from shopterms.policy.changes.returns import return_changes
from shopterms.policy.changes.shipping import shipping_changes
from shopterms.policy.model import Policy

SECTION_ORDER = ("returns", "shipping", "payment", "support", "legal", "shop")


def diff_policies(before: Policy, after: Policy) -> list[Change]:
    """What a buyer would notice changed from `before` to `after`; empty when nothing did."""
    found = [
        *return_changes(before, after),
        *shipping_changes(before, after),
        *other_changes(before.model_dump(mode="json"), after.model_dump(mode="json")),
    ]
    rank = {name: index for index, name in enumerate(SECTION_ORDER)}
    return sorted(found, key=lambda change: rank.get(change.section, len(rank)))
