"""Microdata and RDFa items (as extruct reads them) turned into JSON-LD, the graph form of every check."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

SCHEMA_PREFIXES = ("https://schema.org/", "http://schema.org/")


def microdata_document(item: dict[str, Any]) -> dict[str, Any]:
    """A top-level microdata item as a JSON-LD document in the schema.org context."""
    return {"@context": "https://schema.org", **_node(item)}


def _node(item: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {}
    types = item.get("type")
    if types:
        node["@type"] = types if isinstance(types, str) else list(types)
    if item.get("id"):
        node["@id"] = item["id"]
    for name, value in (item.get("properties") or {}).items():
        node[name] = [_value(v) for v in value] if isinstance(value, list) else _value(value)
    return node


def _value(value: Any) -> Any:
    if isinstance(value, dict) and ("properties" in value or "type" in value):
        return _node(value)
    return value


def _schema_typed(node: dict[str, Any]) -> bool:
    types = node.get("@type") or []
    return any(str(kind).startswith(SCHEMA_PREFIXES) for kind in types)


def rdfa_documents(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """RDFa nodes with a schema.org type, in expanded JSON-LD as extruct gives them (one document),
    together with the nodes they refer to; page metadata in other vocabularies is left out."""
    if not any(_schema_typed(node) for node in nodes):
        return
    by_id = {node.get("@id"): node for node in nodes}
    kept: dict[str, dict[str, Any]] = {}
    pending = [node for node in nodes if _schema_typed(node)]
    while pending:
        node = pending.pop()
        key = str(node.get("@id"))
        if key in kept:
            continue
        kept[key] = node
        for values in node.values():
            for value in values if isinstance(values, list) else []:
                target = by_id.get(value.get("@id")) if isinstance(value, dict) else None
                if target is not None:
                    pending.append(target)
    yield {"@graph": list(kept.values())}
