"""Measured figures in the JSON-LD: on the ShippingService they measure, the overall figures on the
OnlineStore, every figure with its sample size, period and method; withheld cells nowhere."""

from __future__ import annotations

from shopterms.policy.jsonld import compile_policy
from shopterms.policy.jsonld.performance import with_performance
from tests.policy.evidence.figures_examples import example_figures
from tests.policy.evidence.judging_harness import example_policy

ORGANIZATION = "https://nordlicht-mode.example/#organization"


def _measured() -> dict:
    policy = example_policy()
    return with_performance(compile_policy(policy), policy, example_figures())


def _services(document: dict) -> dict[str, dict]:
    organization = document["@graph"][0]
    return {service["identifier"]: service for service in organization["hasShippingService"]}


def test_each_published_cell_is_a_node_on_its_service_with_sample_sizes_period_and_method() -> None:
    standard = _services(_measured())["standard"]["shopterms:deliveryPerformance"]
    assert [node["shopterms:measuredDestination"] for node in standard] == [
        {"@type": "DefinedRegion", "addressCountry": "DE"},
        {"@type": "DefinedRegion", "addressCountry": "DE", "addressRegion": "BY"},
    ]
    country = standard[0]
    assert country["@type"] == "shopterms:DeliveryPerformance"
    assert (country["shopterms:sampleSize"], country["shopterms:onTimeDeliveryRate"]) == (400, 0.9)
    assert (
        country["shopterms:medianLeadTimeBusinessDays"],
        country["shopterms:p90LeadTimeBusinessDays"],
    ) == (2, 4)
    assert (country["shopterms:refundSampleSize"], country["shopterms:p90RefundDays"]) == (40, 7)
    assert country["shopterms:measurementPeriod"] == "2026-09-02/2026-11-30"
    assert country["shopterms:minimumSampleSize"] == 30
    assert (
        "judged against the delivery promise of the terms in force" in country["shopterms:measurementMethod"]
    )
    assert "shopterms:refundSampleSize" not in standard[1]  # no refunds measured there: nothing written


def test_a_withheld_cell_is_not_in_the_graph_at_all() -> None:
    assert "shopterms:deliveryPerformance" not in _services(_measured())["express"]


def test_the_overall_figures_sit_on_the_online_store() -> None:
    organization = _measured()["@graph"][0]
    assert organization["@id"] == ORGANIZATION
    overall = organization["shopterms:deliveryPerformance"]
    assert "shopterms:measuredDestination" not in overall and overall["shopterms:sampleSize"] == 412


def test_without_figures_the_document_is_the_terms_alone() -> None:
    policy = example_policy()
    assert with_performance(compile_policy(policy), policy, None) == compile_policy(policy)
