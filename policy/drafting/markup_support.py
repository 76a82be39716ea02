"""Support in markup: ContactPoint nodes as the policy's channels, with hours, languages, response
times and call costs (the inverse of `policy.jsonld.contact`).

Our shopterms:channelType says what a channel is; without it a telephone is a phone channel, an e-mail
an e-mail channel, and a bare address a contact form. The languages most channels share become the
support languages; a channel with others keeps its own.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, get_args

from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.markup_graph import MarkupGraph, Node
from shopterms.policy.drafting.markup_hours import osm_hours
from shopterms.policy.model.support import ChannelType

TYPES = frozenset(get_args(ChannelType))
_TAG = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")
_WA_ME = "https://wa.me/"
_ISO_TIME = re.compile(r"^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$")


def draft_support(graph: MarkupGraph, shop: Node | None, out: SourceDraft) -> None:
    points = graph.nodes(shop, "contactPoint") or graph.of_type("ContactPoint")
    channels: list[tuple[dict[str, Any], list[str], str]] = []
    for point in points:
        channels += _channels(graph, point, out)
    if not channels and shop is not None:
        channels = _channels(graph, shop, out)
    common = Counter(tuple(languages) for _, languages, _ in channels if languages).most_common(1)
    shared = list(common[0][0]) if common else []
    out.add(("support", "languages"), shared, "ContactPoint availableLanguage (most channels')")
    for index, (channel, languages, place) in enumerate(channels):
        if languages and languages != shared:
            channel["languages"] = languages
        out.add(("support", "channels", index), channel, place)
    if shop is not None:
        out.add(
            ("support", "human"),
            graph.boolean(shop, "shopterms:humanSupport"),
            graph.where(shop, "shopterms:humanSupport"),
        )
        self_service = graph.text(shop, "shopterms:selfServiceUrl")
        out.add(("support", "self_service"), self_service, graph.where(shop, "shopterms:selfServiceUrl"))


def _channels(
    graph: MarkupGraph, point: Node, out: SourceDraft
) -> list[tuple[dict[str, Any], list[str], str]]:
    place = graph.where(point)
    phone = graph.text(point, "telephone")
    email = (graph.text(point, "email") or "").removeprefix("mailto:") or None
    url = graph.text(point, "url")
    stated = graph.text(point, "shopterms:channelType")
    if stated in TYPES:
        kinds = [stated]
    else:
        kinds = [kind for kind, value in (("phone", phone), ("email", email)) if value]
        if not kinds and url and graph.is_a(point, "ContactPoint"):
            kinds = ["contact_form"]
            place += " (a page address: taken as a contact form)"
    found = []
    for kind in kinds:
        channel: dict[str, Any] = {"type": kind}
        if kind in ("phone", "sms"):
            channel["number"] = (phone or "").removeprefix("tel:") or None
        elif kind == "whatsapp":
            channel["number"] = graph.text(point, "shopterms:messagingNumber") or phone
        if email and (kind == "email" or stated in TYPES):
            channel["address"] = email
        if url and not url.startswith(_WA_ME) and (kind not in ("phone", "email") or stated in TYPES):
            channel["url"] = url
        channel.update(_details(graph, point, str(kind)))
        found.append(({k: v for k, v in channel.items() if v is not None}, _languages(graph, point), place))
    return found


def _details(graph: MarkupGraph, point: Node, kind: str) -> dict[str, Any]:
    details: dict[str, Any] = {}
    hours = graph.text(point, "shopterms:openingHours") or osm_hours(
        graph, graph.nodes(point, "hoursAvailable")
    )
    details["hours"] = hours
    target = graph.text(point, "shopterms:responseTimeTarget")
    details["response_within"] = _duration(target) if target else None
    cost = graph.text(point, "shopterms:callCost")
    if cost is None and "TollFree" in graph.members(point, "contactOption") and kind in ("phone", "sms"):
        cost = "free"
    details["cost"] = cost
    return details


def _duration(text: str) -> str:
    """`PT24H` → `1 day`, `PT5M` → `5 minutes`; other ISO 8601 durations stay as they are (the policy
    reads those too)."""
    match = _ISO_TIME.match(text.strip())
    if match is None:
        return text
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    if hours and not minutes and not seconds:
        days, rest = divmod(hours, 24)
        if days and not rest:
            return f"{days} day{'s' if days != 1 else ''}"
        return f"{hours} hour{'s' if hours != 1 else ''}"
    if minutes and not seconds:
        total = hours * 60 + minutes
        return f"{total} minute{'s' if total != 1 else ''}"
    return text


def _languages(graph: MarkupGraph, point: Node) -> list[str]:
    found = []
    for value in graph.values(point, "availableLanguage"):
        tag = (
            value
            if isinstance(value, str)
            else graph.text(value, "alternateName") or graph.text(value, "name")
        )
        if tag and _TAG.match(tag.strip()) and tag.strip() not in found:
            found.append(tag.strip())
    return found
