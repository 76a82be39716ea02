"""The OnlineStore node: identity, address, and every policy nested under it."""

from __future__ import annotations

from shopterms.policy.jsonld.contact import contact_points
from shopterms.policy.jsonld.ids import NodeIds
from shopterms.policy.jsonld.payment import payment_methods, payment_terms
from shopterms.policy.jsonld.returns import return_policies
from shopterms.policy.jsonld.shipping import shipping_services, shipping_terms
from shopterms.policy.jsonld.values import number, one_or_many
from shopterms.policy.jsonld.vocabulary import JsonObject, ours
from shopterms.policy.model import Address, Legal, Policy, Support


def organization(policy: Policy, ids: NodeIds) -> JsonObject:
    shop = policy.shop
    node: JsonObject = {"@type": "OnlineStore", "@id": ids.organization, "name": shop.name, "url": shop.url}
    if shop.legal_name:
        node["legalName"] = shop.legal_name
    node["address"] = postal_address(shop.address)
    if shop.vat_id:
        node["vatID"] = shop.vat_id
    if shop.sells_to:
        node["areaServed"] = one_or_many(shop.sells_to)
    node[ours("timeZone")] = shop.timezone
    points = contact_points(policy, ids)
    if points:
        node["contactPoint"] = one_or_many(points)
    if policy.support is not None:
        node.update(_support_terms(policy.support))
    if policy.payment is not None:
        node["acceptedPaymentMethod"] = one_or_many(payment_methods(policy.payment, ids))
        node.update(payment_terms(policy.payment))
    policies = return_policies(policy, ids)
    if policies:
        node["hasMerchantReturnPolicy"] = one_or_many(policies)
    services, local_only = shipping_services(policy, ids)
    if services:
        node["hasShippingService"] = one_or_many(services)
    if local_only:
        node[ours("localShippingService")] = local_only
    if policy.shipping is not None:
        node.update(shipping_terms(policy.shipping))
    if policy.legal is not None:
        node.update(_legal_terms(policy.legal))
    return node


def postal_address(address: Address) -> JsonObject:
    node: JsonObject = {"@type": "PostalAddress"}
    for key, value in (
        ("streetAddress", address.street),
        ("postalCode", address.postal_code),
        ("addressLocality", address.city),
        ("addressRegion", address.region),
    ):
        if value:
            node[key] = value
    node["addressCountry"] = address.country
    return node


def _support_terms(support: Support) -> JsonObject:
    node: JsonObject = {}
    if support.human is not None:
        node[ours("humanSupport")] = support.human
    if support.self_service:
        node[ours("selfServiceUrl")] = support.self_service
    return node


def _legal_terms(legal: Legal) -> JsonObject:
    node: JsonObject = {}
    for key, value in (
        ("withdrawalDays", legal.withdrawal_days),
        ("withdrawalUrl", legal.withdrawal_url),
        ("legalGuaranteeYears", None if legal.guarantee_years is None else number(legal.guarantee_years)),
        ("termsUrl", legal.terms_url),
        ("returnsUrl", legal.returns_url),
        ("shippingInfoUrl", legal.shipping_url),
        ("privacyUrl", legal.privacy_url),
        ("imprintUrl", legal.imprint_url),
    ):
        if value is not None:
            node[ours(key)] = value
    dispute = legal.dispute_resolution
    if dispute is not None:
        statement: JsonObject = {
            "@type": ours("DisputeResolution"),
            ours("participates"): dispute.participates,
        }
        if dispute.body:
            statement["name"] = dispute.body
        if dispute.url:
            statement["url"] = dispute.url
        node[ours("disputeResolution")] = statement
    return node
