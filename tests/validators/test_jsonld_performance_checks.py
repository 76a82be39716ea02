"""The JSON-LD with measured figures still passes the vocabulary check and Google's rules."""

from __future__ import annotations

from shopterms.policy.jsonld import compile_policy, dumps
from shopterms.policy.jsonld.performance import with_performance
from shopterms.validators.conformance import check_jsonld_conformance
from shopterms.validators.shapes import check_jsonld_google_rules
from tests.policy.evidence.figures_examples import example_figures
from tests.policy.evidence.judging_harness import example_policy


def test_figures_pass_the_vocabulary_and_google_checks() -> None:
    policy = example_policy()
    text = dumps(with_performance(compile_policy(policy), policy, example_figures()))
    assert "shopterms:DeliveryPerformance" in text
    assert check_jsonld_conformance(text) == []
    assert check_jsonld_google_rules(text) == []
