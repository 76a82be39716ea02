"""Comparing shops on their post-purchase terms: the record, the readers of policies, and the ranking.

Re-exports only."""

from shopterms.policy.compare.fact import Fact
from shopterms.policy.compare.policy_record import record_from_file, record_from_policy
from shopterms.policy.compare.ranking import DEFAULT_PREFERENCES, PREFERENCE_NAMES, Comparison, compare
from shopterms.policy.compare.record import RECORD_VERSION, ComparisonRecord

__all__ = [
    "DEFAULT_PREFERENCES",
    "PREFERENCE_NAMES",
    "RECORD_VERSION",
    "Comparison",
    "ComparisonRecord",
    "Fact",
    "compare",
    "record_from_file",
    "record_from_policy",
]
