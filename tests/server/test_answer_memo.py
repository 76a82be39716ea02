"""Answers are worked out once per question and policy, and forgotten when another policy is in force."""

from __future__ import annotations

from shopterms.policy.loader import read_policy
from shopterms.policy.model import Policy
from shopterms.server.answer_memo import AnswerMemo
from tests.conftest import EXAMPLES_DIR


def test_a_repeated_question_is_answered_from_the_memo_until_the_policy_changes() -> None:
    asked: list[str] = []

    def ask(policy: Policy) -> str:
        asked.append(policy.shop.name)
        return policy.shop.name

    first, reloaded = (read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml") for _ in range(2))
    memo = AnswerMemo()
    assert [memo.get(first, "name", ask) for _ in range(3)] == ["Nordlicht Mode"] * 3
    assert len(asked) == 1
    memo.get(reloaded, "name", ask)
    assert len(asked) == 2


def test_the_oldest_answer_is_dropped_past_the_size() -> None:
    policy = read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml")
    memo = AnswerMemo(size=2)
    calls: list[int] = []
    for key in (1, 2, 3, 1):
        memo.get(policy, key, lambda _policy, key=key: calls.append(key))
    assert calls == [1, 2, 3, 1]
