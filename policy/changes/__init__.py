"""What changed between two policies, in the words a buyer would use: re-exports only."""

from shopterms.policy.changes.change import Change
from shopterms.policy.changes.diff import diff_policies

__all__ = ["Change", "diff_policies"]
