"""Return terms as MerchantReturnPolicy nodes: one per group of countries whose terms are equal."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from shopterms.policy.jsonld.ids import NodeIds
from shopterms.policy.jsonld.values import money, number, one_or_many
from shopterms.policy.jsonld.vocabulary import JsonObject, member, ours
from shopterms.policy.model import Policy, Returns, Terms
from shopterms.policy.model.returns import Fee, Seasonal, Window

CATEGORY_BY_WINDOW = {
    "finite": "MerchantReturnFiniteReturnWindow",
    "none": "MerchantReturnNotPermitted",
    "unlimited": "MerchantReturnUnlimitedWindow",
}
# Handing a parcel to a carrier, at a drop-off point or by pick-up, is still a return by mail.
RETURN_METHOD_BY_METHOD = {
    "mail": "ReturnByMail",
    "drop_off": "ReturnByMail",
    "pickup": "ReturnByMail",
    "in_store": "ReturnInStore",
    "kiosk": "ReturnAtKiosk",
}
LABEL_SOURCE_BY_LABEL = {
    "in_box": "ReturnLabelInBox",
    "download": "ReturnLabelDownloadAndPrint",
    "customer": "ReturnLabelCustomerResponsibility",
}
REFUND_TYPES_BY_TARGET = {
    "original_payment": ["FullRefund"],
    "bank_transfer": ["FullRefund"],
    "store_credit": ["StoreCreditRefund"],
    "choice": ["FullRefund", "StoreCreditRefund"],
}
ITEM_CONDITION_BY_CONDITION = {
    "new": "NewCondition",
    "used": "UsedCondition",
    "refurbished": "RefurbishedCondition",
    "damaged": "DamagedCondition",
}


@dataclass(frozen=True)
class ReturnGroup:
    """Countries that share the same terms, and the @id of their policy node."""

    countries: tuple[str, ...]
    terms: Terms
    node_id: str


def return_groups(policy: Policy, ids: NodeIds) -> list[ReturnGroup]:
    """Countries grouped by equal terms; the group with the home country (else the first) comes first
    and gets the plain #return-policy id."""
    returns = policy.returns
    if returns is None:
        return []
    grouped: list[tuple[list[str], Terms]] = []
    for country in returns.countries:
        terms = returns.for_country(country)
        match = next((group for group in grouped if group[1] == terms), None)
        if match is None:
            grouped.append(([country], terms))
        else:
            match[0].append(country)
    if not grouped:
        grouped.append(([], returns.for_country(policy.shop.country)))
    main = next((i for i, (countries, _) in enumerate(grouped) if policy.shop.country in countries), 0)
    ordered = [grouped[main], *(group for i, group in enumerate(grouped) if i != main)]
    return [
        ReturnGroup(tuple(countries), terms, ids.return_policy(None if i == 0 else countries))
        for i, (countries, terms) in enumerate(ordered)
    ]


def return_policies(policy: Policy, ids: NodeIds) -> list[JsonObject]:
    return [_policy(policy, group) for group in return_groups(policy, ids)]


def _policy(policy: Policy, group: ReturnGroup) -> JsonObject:
    returns = policy.returns
    assert returns is not None
    currency = policy.shop.currency
    terms = group.terms
    node: JsonObject = {"@type": "MerchantReturnPolicy", "@id": group.node_id}
    if group.countries:
        node["applicableCountry"] = one_or_many(group.countries)
    node["returnPolicyCountry"] = policy.shop.country
    link = (policy.legal.returns_url if policy.legal else None) or returns.portal
    if link:
        node["merchantReturnLink"] = link
    if returns.portal:
        node[ours("returnPortal")] = returns.portal
    node.update(_window(terms.window))
    if terms.window is not None and terms.window.type != "none":
        node.update(_conditions(returns, terms, currency))
    if returns.seasonal:
        node["returnPolicySeasonalOverride"] = one_or_many([_seasonal(season) for season in returns.seasonal])
    if returns.not_returnable:
        node[ours("notReturnable")] = [
            {"@type": ours("ReturnExclusion"), "name": item.items, ours("exclusionReason"): item.reason}
            for item in returns.not_returnable
        ]
    return node


def _window(window: Window | None) -> JsonObject:
    if window is None:
        return {}
    node: JsonObject = {"returnPolicyCategory": member(CATEGORY_BY_WINDOW[window.type])}
    if window.type == "finite":
        node["merchantReturnDays"] = window.days
        # schema.org counts the days from delivery; ours says what the policy counts from.
        node[ours("returnWindowStart")] = window.after
    return node


def _conditions(returns: Returns, terms: Terms, currency: str) -> JsonObject:
    node: JsonObject = {}
    if terms.methods:
        node["returnMethod"] = one_or_many(
            _distinct(member(RETURN_METHOD_BY_METHOD[m]) for m in terms.methods)
        )
        node[ours("returnOption")] = one_or_many(list(terms.methods))
    defective = _defective_terms(returns, terms)
    if terms.cost is not None:
        if defective.cost is not None and defective.cost != terms.cost:
            node.update(
                _fees(
                    terms.cost,
                    currency,
                    "customerRemorseReturnFees",
                    "customerRemorseReturnShippingFeesAmount",
                )
            )
            node.update(
                _fees(defective.cost, currency, "itemDefectReturnFees", "itemDefectReturnShippingFeesAmount")
            )
        else:
            node.update(_fees(terms.cost, currency, "returnFees", "returnShippingFeesAmount"))
    if terms.label is not None:
        if defective.label is not None and defective.label != terms.label:
            node["customerRemorseReturnLabelSource"] = member(LABEL_SOURCE_BY_LABEL[terms.label])
            node["itemDefectReturnLabelSource"] = member(LABEL_SOURCE_BY_LABEL[defective.label])
        else:
            node["returnLabelSource"] = member(LABEL_SOURCE_BY_LABEL[terms.label])
    fee = restocking_fee(terms.restocking_fee, terms.restocking_fee_amount, currency)
    if fee is not None:
        node["restockingFee"] = fee
    node.update(_defect_extras(terms, defective, currency))
    refund_types = list(REFUND_TYPES_BY_TARGET[returns.refund.to]) if returns.refund else []
    if returns.exchange:
        refund_types.append("ExchangeRefund")
    if refund_types:
        node["refundType"] = one_or_many([member(name) for name in refund_types])
    if returns.exchange is not None:
        node[ours("exchangeOffered")] = returns.exchange
    if returns.refund is not None:
        node[ours("refundDestination")] = returns.refund.to
        if returns.refund.days is not None:
            node[ours("refundProcessingDays")] = returns.refund.days
            node[ours("refundCountedFrom")] = returns.refund.after
    if returns.item_conditions:
        node["itemCondition"] = one_or_many(
            [member(ITEM_CONDITION_BY_CONDITION[c]) for c in returns.item_conditions]
        )
    return node


def _defective_terms(returns: Returns, terms: Terms) -> Terms:
    """The group's terms with the defective-goods overrides laid over them."""
    if returns.defective is None:
        return terms
    given = returns.defective
    return terms.model_copy(
        update={key: getattr(given, key) for key in given.model_fields_set if getattr(given, key) is not None}
    )


def _defect_extras(terms: Terms, defective: Terms, currency: str) -> JsonObject:
    """Defective-goods terms schema.org has no itemDefect* property for: window, methods, restocking."""
    node: JsonObject = {}
    if defective.window is not None and defective.window != terms.window:
        # Our properties are not in schema.org's context, so enumeration members are written as IRIs.
        node[ours("itemDefectReturnPolicyCategory")] = {
            "@id": member(CATEGORY_BY_WINDOW[defective.window.type])
        }
        if defective.window.days is not None:
            node[ours("itemDefectReturnDays")] = defective.window.days
    if defective.methods and defective.methods != terms.methods:
        node[ours("itemDefectReturnMethod")] = one_or_many(
            _distinct({"@id": member(RETURN_METHOD_BY_METHOD[m])} for m in defective.methods)
        )
    fee = restocking_fee(defective.restocking_fee, defective.restocking_fee_amount, currency)
    if fee != restocking_fee(terms.restocking_fee, terms.restocking_fee_amount, currency):
        node[ours("itemDefectRestockingFee")] = fee if fee is not None else 0.0
    return node


def _fees(fee: Fee, currency: str, fees_key: str, amount_key: str) -> JsonObject:
    if fee.type == "free":
        return {fees_key: member("FreeReturn")}
    if fee.type == "customer_pays":
        return {fees_key: member("ReturnFeesCustomerResponsibility")}
    assert fee.amount is not None
    return {fees_key: member("ReturnShippingFees"), amount_key: money(fee.amount, currency)}


def restocking_fee(percent: Decimal | None, amount: Decimal | None, currency: str) -> Any:
    """A percentage is a plain number, a flat fee a MonetaryAmount (schema.org's two readings)."""
    fees: list[Any] = []
    if percent is not None:
        fees.append(number(percent))
    if amount is not None:
        fees.append(money(amount, currency))
    return one_or_many(fees) if fees else None


def _seasonal(season: Seasonal) -> JsonObject:
    node: JsonObject = {
        "@type": "MerchantReturnPolicySeasonalOverride",
        "name": season.name,
        "startDate": season.orders.start.isoformat(),
        "endDate": season.orders.end.isoformat(),
        "returnPolicyCategory": member("MerchantReturnFiniteReturnWindow"),
    }
    node["merchantReturnDays"] = season.days if season.days is not None else season.until.isoformat()  # type: ignore[union-attr]
    return node


def _distinct(values: Any) -> list[Any]:
    result: list[Any] = []
    for value in values:
        if value not in result:
            result.append(value)
    return result
