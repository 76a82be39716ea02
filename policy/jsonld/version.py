"""The published version a JSON-LD document was rendered from, as a node of its own graph.

schema.org gives `version` and `dateModified` to creative works, not to organisations, so the graph
gains a DigitalDocument about the OnlineStore: the terms as published, with the content hash of the
version as `version` and the moment it took effect as `dateModified`.
"""

from __future__ import annotations

import datetime as dt

from shopterms.policy.jsonld.ids import NodeIds
from shopterms.policy.jsonld.vocabulary import JsonObject
from shopterms.policy.model import Policy

TERMS_FRAGMENT = "terms"


def version_node(policy: Policy, version: str, modified: dt.datetime | None) -> JsonObject:
    """The node that names the version: its content hash and, when known, when it took effect."""
    ids = NodeIds(policy.shop.url)
    node: JsonObject = {
        "@id": ids.fragment(TERMS_FRAGMENT),
        "@type": "DigitalDocument",
        "name": f"{policy.shop.name}: post-purchase terms",
        "about": {"@id": ids.organization},
        "version": version,
    }
    if modified is not None:
        node["dateModified"] = modified.isoformat()
    return node


def stamp_version(
    document: JsonObject, policy: Policy, version: str, modified: dt.datetime | None
) -> JsonObject:
    """`document` (from compile_policy) with the version node appended to its graph."""
    return {**document, "@graph": [*document["@graph"], version_node(policy, version, modified)]}
