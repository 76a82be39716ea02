"""The core's markup readers on a graph written by hand: no RDF library, only statements."""

from __future__ import annotations

import pytest

from shopterms.policy.drafting.draft import merged
from shopterms.policy.drafting.markup import draft_from_markup
from shopterms.policy.drafting.markup_graph import RDF_TYPE, MarkupGraph, Node, term
from shopterms.policy.drafting.markup_hours import osm_hours
from shopterms.policy.drafting.problems import ImportProblem

SHOP = Node("https://laden.example/#shop")


def _graph(*statements: tuple[Node, str, Node | str]) -> MarkupGraph:
    return MarkupGraph(
        [(subject, term(name), value) for subject, name, value in statements],
        ancestors={term("OnlineStore"): frozenset({term("Organization")})},
    )


def _typed(node: Node, kind: str) -> tuple[Node, str, Node | str]:
    return (node, RDF_TYPE, Node(term(kind)))


def test_opening_hours_specifications_become_opening_hours_text() -> None:
    weekdays, saturday, holidays = Node("a", blank=True), Node("b", blank=True), Node("c", blank=True)
    graph = _graph(
        *((weekdays, "dayOfWeek", Node(term(day))) for day in ("Monday", "Tuesday", "Wednesday", "Thursday")),
        (weekdays, "dayOfWeek", Node(term("Friday"))),
        (weekdays, "opens", "09:00:00"),
        (weekdays, "closes", "18:00:00"),
        (saturday, "dayOfWeek", "Saturday"),
        (saturday, "opens", "10:00:00"),
        (saturday, "closes", "23:59:59"),
        (holidays, "dayOfWeek", Node(term("PublicHolidays"))),
    )
    assert osm_hours(graph, [weekdays, saturday, holidays]) == "Mo-Fr 09:00-18:00; Sa 10:00-24:00; PH off"


def test_prices_that_differ_within_a_country_are_named_and_the_first_kept() -> None:
    service, north, south = Node("https://laden.example/#paket"), Node("n", blank=True), Node("s", blank=True)
    statements = [_typed(SHOP, "OnlineStore"), (SHOP, "name", "Laden"), (SHOP, "hasShippingService", service)]
    statements += [_typed(service, "ShippingService"), (service, "name", "Paket")]
    for condition, region, price in ((north, "CA", "5"), (south, "NY", "7")):
        where, rate = Node(f"{region}-where", blank=True), Node(f"{region}-rate", blank=True)
        statements += [
            (service, "shippingConditions", condition),
            (condition, "shippingDestination", where),
            (where, "addressCountry", "US"),
            (where, "addressRegion", region),
            (condition, "shippingRate", rate),
            (rate, "value", price),
        ]
    part = draft_from_markup(_graph(*statements), "page", "page's markup")
    service_data = merged([part]).data()["shipping"]["services"][0]
    assert service_data["to"] == ["US-CA", "US-NY"]
    assert service_data["rate"] == 5
    assert part.notes == [
        "ShippingService #paket: prices that differ within US (by region or postal code) cannot be stated; "
        "the first prices are kept"
    ]


def test_a_graph_with_no_terms_is_refused_naming_what_it_has() -> None:
    product = Node("https://laden.example/p/1")
    graph = _graph(_typed(product, "Product"), (product, "name", "Becher"))
    with pytest.raises(ImportProblem) as refused:
        draft_from_markup(graph, "page", "page's markup")
    assert str(refused.value) == (
        "the page's markup names no shop, return policy, shipping service or contact point "
        "(found: no post-purchase types)"
    )
