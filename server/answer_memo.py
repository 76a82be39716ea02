"""Answers kept for the policy they were computed from, so a repeated question is not worked out again.

Only questions that do not depend on the clock are kept (an estimate for an order placed "now" is
not), and only successful answers. The memo belongs to one policy object: when a reload puts another
one in force, the next question starts afresh. Tools run on the event loop, so no lock is needed.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from shopterms.policy.model import Policy

T = TypeVar("T")


class AnswerMemo:
    """The most recently asked `size` answers about one policy, oldest dropped first."""

    def __init__(self, size: int = 1024) -> None:
        self.size = size
        self._policy: Policy | None = None
        self._items: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, policy: Policy, key: Hashable, ask: Callable[[Policy], T]) -> T:
        if policy is not self._policy:
            self._policy = policy
            self._items.clear()
        if key in self._items:
            self._items.move_to_end(key)
            answer: T = self._items[key]
            return answer
        answer = ask(policy)
        self._items[key] = answer
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return answer
