"""The terms one MerchantReturnPolicy node states, for a change of mind and for defective goods.

These are the keys a country (`by_country`) or defective goods (`defective`) may override: window,
cost, methods, label and restocking fees, in the policy's own spelling. schema.org states the cost and
label for both cases at once (returnFees) or apart (customerRemorse… / itemDefect…); the window,
methods and restocking fee for defective goods only our vocabulary states (shopterms:itemDefect…).
Every mapping is the inverse of the one the compiler writes (`policy.jsonld.returns`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shopterms.policy.drafting import spelling
from shopterms.policy.drafting.markup_graph import MarkupGraph, Node, decimal
from shopterms.policy.jsonld.returns import CATEGORY_BY_WINDOW, LABEL_SOURCE_BY_LABEL
from shopterms.policy.model.returns import WINDOW_ANCHORS

WINDOW_BY_CATEGORY = {category: window for window, category in CATEGORY_BY_WINDOW.items()}
LABEL_BY_SOURCE = {source: label for label, source in LABEL_SOURCE_BY_LABEL.items()}
# ReturnByMail also covers drop-off and pick-up; only shopterms:returnOption tells them apart.
METHOD_BY_RETURN_METHOD = {"ReturnByMail": "mail", "ReturnInStore": "in_store", "ReturnAtKiosk": "kiosk"}
METHOD_ORDER = ("mail", "drop_off", "in_store", "kiosk", "pickup")
KEYS = ("window", "cost", "methods", "label", "restocking_fee", "restocking_fee_amount")


@dataclass
class NodeTerms:
    """What one policy node says, each key with the property it was read from."""

    values: dict[str, Any] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)

    def put(self, key: str, value: Any, place: str) -> None:
        if value is not None and value != []:
            self.values[key] = value
            self.places[key] = place


def terms_of(graph: MarkupGraph, node: Node, defective: bool = False) -> NodeTerms:
    """The node's terms for a change of mind, or (`defective`) for defective goods."""
    terms = NodeTerms()
    _window(graph, node, terms, defective)
    if terms.values.get("window") == "no returns":
        return terms
    _cost(graph, node, terms, defective)
    _methods(graph, node, terms, defective)
    sources = ["returnLabelSource", "customerRemorseReturnLabelSource"]
    for prop in (["itemDefectReturnLabelSource"] if defective else []) + sources:
        label = LABEL_BY_SOURCE.get(graph.member(node, prop) or "")
        if label is not None:
            terms.put("label", label, graph.where(node, prop))
            break
    _restocking(graph, node, terms, defective)
    return terms


def _window(graph: MarkupGraph, node: Node, terms: NodeTerms, defective: bool) -> None:
    category_term, days_term = "returnPolicyCategory", "merchantReturnDays"
    if defective and graph.values(node, "shopterms:itemDefectReturnPolicyCategory"):
        category_term, days_term = (
            "shopterms:itemDefectReturnPolicyCategory",
            "shopterms:itemDefectReturnDays",
        )
    days = graph.integer(node, days_term)
    window = WINDOW_BY_CATEGORY.get(
        graph.member(node, category_term) or "", "finite" if days is not None else None
    )
    if window == "none":
        terms.put("window", "no returns", graph.where(node, category_term))
    elif window == "unlimited":
        terms.put("window", "unlimited", graph.where(node, category_term))
    elif window == "finite" and days is not None:
        stated = graph.text(node, "shopterms:returnWindowStart")
        anchor = stated if stated in WINDOW_ANCHORS and days_term == "merchantReturnDays" else "delivery"
        terms.put("window", spelling.period(days, anchor), graph.where(node, days_term))


def _cost(graph: MarkupGraph, node: Node, terms: NodeTerms, defective: bool) -> None:
    pairs = [
        ("returnFees", "returnShippingFeesAmount"),
        ("customerRemorseReturnFees", "customerRemorseReturnShippingFeesAmount"),
    ]
    if defective:
        pairs.insert(0, ("itemDefectReturnFees", "itemDefectReturnShippingFeesAmount"))
    for fees_term, amount_term in pairs:
        fees = graph.member(node, fees_term)
        if fees == "FreeReturn":
            terms.put("cost", "free", graph.where(node, fees_term))
        elif fees == "ReturnFeesCustomerResponsibility":
            terms.put("cost", "customer_pays", graph.where(node, fees_term))
        elif fees == "ReturnShippingFees":
            amount = graph.number(graph.node(node, amount_term), "value")
            cost = "customer_pays" if amount is None else "free" if amount == 0 else spelling.number(amount)
            terms.put("cost", cost, graph.where(node, amount_term if amount is not None else fees_term))
        if "cost" in terms.values:
            return


def _methods(graph: MarkupGraph, node: Node, terms: NodeTerms, defective: bool) -> None:
    if defective and graph.values(node, "shopterms:itemDefectReturnMethod"):
        found = [
            METHOD_BY_RETURN_METHOD.get(m) for m in graph.members(node, "shopterms:itemDefectReturnMethod")
        ]
        place = graph.where(node, "shopterms:itemDefectReturnMethod")
    elif options := [m for m in graph.texts(node, "shopterms:returnOption") if m in METHOD_ORDER]:
        found, place = list(options), graph.where(node, "shopterms:returnOption")
    else:
        found = [METHOD_BY_RETURN_METHOD.get(m) for m in graph.members(node, "returnMethod")]
        place = graph.where(node, "returnMethod")
    terms.put("methods", [method for method in METHOD_ORDER if method in found], place)


def _restocking(graph: MarkupGraph, node: Node, terms: NodeTerms, defective: bool) -> None:
    prop = "restockingFee"
    if defective and graph.values(node, "shopterms:itemDefectRestockingFee"):
        prop = "shopterms:itemDefectRestockingFee"
    for value in graph.values(node, prop):
        if isinstance(value, Node):
            amount = graph.number(value, "value")
            if amount is not None:
                terms.put("restocking_fee_amount", spelling.number(amount), graph.where(node, prop))
        else:
            percent = decimal(value)
            if percent is not None:
                terms.put("restocking_fee", f"{spelling.number(percent)}%", graph.where(node, prop))
