"""Support channels as ContactPoint nodes, one per channel (hours and languages differ by channel)."""

from __future__ import annotations

import re

from shopterms.policy.jsonld.hours import opening_hours_specification, weekly_hours
from shopterms.policy.jsonld.ids import NodeIds
from shopterms.policy.jsonld.values import iso_duration, one_or_many
from shopterms.policy.jsonld.vocabulary import JsonObject, member, ours
from shopterms.policy.model import Policy, SupportChannel

CONTACT_TYPE = "customer service"
# Channels reached by a telephone number that are not calls get their address form instead, so a
# reader that only knows `telephone` does not dial a messaging number.
_TELEPHONE_CHANNELS = {"phone", "sms"}


def contact_points(policy: Policy, ids: NodeIds) -> list[JsonObject]:
    if policy.support is None:
        return []
    seen: dict[str, int] = {}
    points = []
    for channel in policy.support.channels:
        seen[channel.type] = seen.get(channel.type, 0) + 1
        points.append(_contact_point(policy, channel, ids.contact_point(channel.type, seen[channel.type])))
    return points


def _contact_point(policy: Policy, channel: SupportChannel, node_id: str) -> JsonObject:
    assert policy.support is not None
    node: JsonObject = {
        "@type": "ContactPoint",
        "@id": node_id,
        "contactType": CONTACT_TYPE,
        ours("channelType"): channel.type,
    }
    if channel.type in _TELEPHONE_CHANNELS and channel.number:
        node["telephone"] = channel.number
    elif channel.type == "whatsapp" and channel.number:
        node["url"] = "https://wa.me/" + re.sub(r"\D", "", channel.number)
        node[ours("messagingNumber")] = channel.number
    if channel.address:
        node["email"] = channel.address
    if channel.url:
        node["url"] = channel.url
    languages = channel.languages if channel.languages is not None else policy.support.languages
    if languages:
        node["availableLanguage"] = one_or_many(languages)
    if policy.shop.sells_to:
        node["areaServed"] = one_or_many(policy.shop.sells_to)
    if channel.hours:
        node[ours("openingHours")] = channel.hours
        weekly = weekly_hours(channel.hours)
        if weekly is not None:
            node["hoursAvailable"] = opening_hours_specification(weekly)
    if channel.response_within is not None:
        node[ours("responseTimeTarget")] = iso_duration(channel.response_within)
    if channel.cost == "free":
        node["contactOption"] = member("TollFree")
    if channel.cost is not None:
        node[ours("callCost")] = channel.cost
    return node
