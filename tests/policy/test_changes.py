"""`diff_policies`: what changed between two policies, in the words a buyer would use."""

from __future__ import annotations

import pytest

from shopterms.policy.changes import diff_policies
from shopterms.policy.loader import load_policy_text
from shopterms.policy.model import Policy
from tests.conftest import EXAMPLES_DIR

EXAMPLE = (EXAMPLES_DIR / "nordlicht-mode.yaml").read_text(encoding="utf-8")


def _policy(*replacements: tuple[str, str]) -> Policy:
    text = EXAMPLE
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    result = load_policy_text(text)
    assert result.policy is not None, result.diagnostics
    return result.policy


def _texts(*replacements: tuple[str, str]) -> list[str]:
    return [change.text for change in diff_policies(_policy(), _policy(*replacements))]


def test_identical_policies_have_no_changes() -> None:
    assert diff_policies(_policy(), _policy(("# ", "#  "))) == []


def test_a_window_shortened_for_one_country_names_the_country() -> None:
    changes = diff_policies(
        _policy(),
        _policy(
            (
                "cost: {default: free, AT: 6.95}",
                "cost: {default: free, AT: 6.95}\n  by_country: {AT: {window: 14 days after delivery}}",
            )
        ),
    )
    assert [(c.section, c.subject, c.field, c.text) for c in changes] == [
        ("returns", ["AT"], "window", "return window 30 → 14 days after delivery for AT")
    ]
    assert changes[0].before == {"type": "finite", "days": 30, "after": "delivery"}


def test_a_window_changed_everywhere_names_no_country() -> None:
    assert _texts(("window: 30 days after delivery", "window: 60 days after delivery")) == [
        "return window 30 → 60 days after delivery"
    ]


@pytest.mark.parametrize(
    ("replacement", "expected"),
    [
        (('cutoff: "12:00"', 'cutoff: "11:00"'), "express cutoff 12:00 → 11:00"),
        (("rate: 4.95", "rate: 5.95"), "standard price 4.95 EUR → 5.95 EUR"),
        (("free_from: 50.00", "free_from: 60.00"), "standard free shipping from 50.00 EUR → 60.00 EUR"),
        (("transit: 1-2 ", "transit: 2-3 "), "standard transit 1-2 → 2-3 business days"),
        (
            ("cost: {default: free, AT: 6.95}", "cost: {default: free, AT: 4.95}"),
            "return postage 6.95 EUR → 4.95 EUR for AT",
        ),
        (("methods: [card, paypal, invoice", "methods: [card, invoice"), "payment methods: removed paypal"),
        (("withdrawal_days: 14", "withdrawal_days: 30"), "legal withdrawal days 14 → 30"),
    ],
)
def test_single_changes_read_as_a_buyer_would_say_them(replacement: tuple[str, str], expected: str) -> None:
    assert _texts(replacement) == [expected]


def test_the_warehouse_cutoff_changes_every_service_without_its_own() -> None:
    texts = _texts(('cutoff: "14:00"', 'cutoff: "13:00"'))
    assert len(texts) == 1 and texts[0].endswith("cutoff 14:00 → 13:00")
    assert "express" not in texts[0]  # it keeps its own 12:00


def test_a_changed_support_channel_is_named_by_its_type() -> None:
    texts = _texts(('hours: "Mo-Su 08:00-22:00"', 'hours: "Mo-Su 09:00-21:00"'))
    assert texts == ["support channels chat hours Mo-Su 08:00-22:00 → Mo-Su 09:00-21:00"]


def test_returns_are_listed_before_shipping_and_other_sections() -> None:
    sections = [
        change.section
        for change in diff_policies(
            _policy(),
            _policy(
                ("methods: [card, paypal", "methods: [card"),
                ('cutoff: "12:00"', 'cutoff: "11:00"'),
                ("window: 30 days", "window: 28 days"),
            ),
        )
    ]
    assert sections == ["returns", "shipping", "payment"]
