"""Return policies in markup as the policy's returns section.

The compiler writes one MerchantReturnPolicy per group of countries with equal terms; the group with
the home country (else the most countries) is the policy's own terms, and every other group's
differences become `by_country` entries. Terms for defective goods that differ from a group's own
(itemDefect… properties) become `defective`. The seasonal windows, refunds, exchanges, item conditions,
returns portal and exclusions hold for every group alike and are read from the first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, get_args

from shopterms.policy.drafting import spelling
from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.markup_graph import MarkupGraph, Node
from shopterms.policy.drafting.markup_return_terms import KEYS, NodeTerms, terms_of
from shopterms.policy.drafting.markup_shop import country_code, ordered_countries
from shopterms.policy.jsonld.returns import ITEM_CONDITION_BY_CONDITION
from shopterms.policy.model.returns import REFUND_ANCHORS, NotReturnableReason, RefundTarget

CONDITION_BY_MEMBER = {member: condition for condition, member in ITEM_CONDITION_BY_CONDITION.items()}
REASONS = frozenset(get_args(NotReturnableReason))
TARGETS = frozenset(get_args(RefundTarget))


@dataclass(frozen=True)
class Group:
    node: Node
    countries: list[str]
    remorse: NodeTerms
    defect: NodeTerms


def draft_returns(
    graph: MarkupGraph, shop: Node | None, out: SourceDraft, sells_to: list[str], home: str | None
) -> None:
    nodes = graph.nodes(shop, "hasMerchantReturnPolicy") or graph.of_type("MerchantReturnPolicy")
    groups = []
    for node in (node for node in nodes if graph.states(node)):
        remorse = terms_of(graph, node)
        if "window" not in remorse.values:
            out.skip(f"{graph.where(node)} states no return window; left out")
            continue
        countries = [
            code for v in graph.values(node, "applicableCountry") if (code := country_code(graph, v))
        ]
        groups.append(Group(node, countries, remorse, terms_of(graph, node, defective=True)))
    if not groups:
        return
    base = next((g for g in groups if home in g.countries), max(groups, key=lambda g: len(g.countries)))
    for key in KEYS:
        out.add(("returns", key), base.remorse.values.get(key), base.remorse.places.get(key, ""))
    countries = [code for group in groups for code in group.countries]
    if countries and set(countries) != set(sells_to):
        place = graph.where(base.node, "applicableCountry")
        out.add(("returns", "countries"), ordered_countries(countries, home), place)
    for group in groups:
        if group is not base:
            _by_country(graph, base, group, out)
    _defective(groups, out)
    _policy_wide(graph, base.node, out)


def _by_country(graph: MarkupGraph, base: Group, group: Group, out: SourceDraft) -> None:
    lost = []
    for key in KEYS:
        value = group.remorse.values.get(key)
        if value is not None and value != base.remorse.values.get(key):
            for country in group.countries:
                out.add(("returns", "by_country", country, key), value, group.remorse.places[key])
        elif value is None and key in base.remorse.values and group.remorse.values["window"] != "no returns":
            lost.append(key)
    if lost:
        out.skip(
            f"{graph.where(group.node)} states no {', '.join(lost)} for {', '.join(group.countries)}; "
            "a policy cannot take a term away for some countries, so theirs are the other countries' terms"
        )


def _defective(groups: list[Group], out: SourceDraft) -> None:
    for key in KEYS:
        found: dict[str, tuple[Any, str]] = {}
        for group in groups:
            value = group.defect.values.get(key)
            if value is not None and value != group.remorse.values.get(key):
                found.setdefault(json.dumps(value), (value, group.defect.places[key]))
        if len(found) == 1:
            value, place = next(iter(found.values()))
            out.add(("returns", "defective", key), value, place)
        elif found:
            shown = " and ".join(str(value) for value, _ in found.values())
            out.skip(f"defective goods: {key} differs between countries ({shown}); a policy states one")


def _policy_wide(graph: MarkupGraph, node: Node, out: SourceDraft) -> None:
    seasons = sorted(
        graph.nodes(node, "returnPolicySeasonalOverride"), key=lambda s: str(graph.date(s, "startDate"))
    )
    entries = [entry for season in seasons if (entry := _season(graph, season, out))]
    out.add(("returns", "seasonal"), entries, graph.where(node, "returnPolicySeasonalOverride"))
    _refund(graph, node, out)
    exchange = graph.boolean(node, "shopterms:exchangeOffered")
    if exchange is not None:
        out.add(("returns", "exchange"), exchange, graph.where(node, "shopterms:exchangeOffered"))
    elif "ExchangeRefund" in graph.members(node, "refundType"):
        out.add(("returns", "exchange"), True, graph.where(node, "refundType"))
    conditions = [
        CONDITION_BY_MEMBER[m] for m in graph.members(node, "itemCondition") if m in CONDITION_BY_MEMBER
    ]
    ordered = [condition for condition in ITEM_CONDITION_BY_CONDITION if condition in conditions]
    if ordered and ordered != ["new"]:
        out.add(("returns", "item_conditions"), ordered, graph.where(node, "itemCondition"))
    portal = graph.text(node, "shopterms:returnPortal")
    out.add(("returns", "portal"), portal, graph.where(node, "shopterms:returnPortal"))
    link = graph.text(node, "merchantReturnLink")
    if link is not None and link != portal:
        out.add(("legal", "returns_url"), link, graph.where(node, "merchantReturnLink"))
    excluded = []
    for item in graph.nodes(node, "shopterms:notReturnable"):
        reason = graph.text(item, "shopterms:exclusionReason")
        if (items := graph.text(item, "name")) is None:
            continue
        if reason not in REASONS:
            out.skip(
                f"the exclusion '{items}' gives the reason '{reason}', which a policy does not know; set one"
            )
        excluded.append({"items": items, "reason": reason if reason in REASONS else "other"})
    out.add(("returns", "not_returnable"), excluded, graph.where(node, "shopterms:notReturnable"))


def _season(graph: MarkupGraph, season: Node, out: SourceDraft) -> dict[str, Any] | None:
    name, start, end = (
        graph.text(season, "name"),
        graph.date(season, "startDate"),
        graph.date(season, "endDate"),
    )
    days = graph.integer(season, "merchantReturnDays")
    until = graph.date(season, "merchantReturnDays") if days is None else None
    if start is None or end is None or (days is None and until is None):
        out.skip(
            f"a seasonal return window ({name or 'unnamed'}) states no order dates or no deadline; left out"
        )
        return None
    entry: dict[str, Any] = {"name": name or "Seasonal", "orders": spelling.date_span(start, end)}
    if until is not None:
        entry["until"] = until
    else:
        entry["days"] = days
    return entry


def _refund(graph: MarkupGraph, node: Node, out: SourceDraft) -> None:
    days = graph.integer(node, "shopterms:refundProcessingDays")
    after = graph.text(node, "shopterms:refundCountedFrom") or "arrival"
    if days is not None and after in REFUND_ANCHORS:
        where = graph.where(node, "shopterms:refundProcessingDays")
        out.add(("returns", "refund", "within"), spelling.period(days, after), where)
    target = graph.text(node, "shopterms:refundDestination")
    if target in TARGETS:
        out.add(("returns", "refund", "to"), target, graph.where(node, "shopterms:refundDestination"))
        return
    kinds = set(graph.members(node, "refundType"))
    guessed = (
        "choice"
        if {"FullRefund", "StoreCreditRefund"} <= kinds
        else "store_credit"
        if "StoreCreditRefund" in kinds
        else "original_payment"
        if "FullRefund" in kinds
        else None
    )
    if guessed is not None:
        note = "read from schema.org's refund types: check where the money goes"
        out.add(("returns", "refund", "to"), guessed, graph.where(node, "refundType"), note=note)
