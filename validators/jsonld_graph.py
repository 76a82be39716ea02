"""Read a JSON-LD document into an RDF graph without touching the network, in one spelling of schema.org.

The schema.org context is replaced by schemas/schemaorg-context.jsonld; any other remote context is
refused. Afterwards `http://schema.org/X` becomes `https://schema.org/X`, and an enumeration value written
as `X`, `schema:X` or a schema.org IRI in a plain string (the official context types none of the
enumeration properties as IRIs) becomes the member's IRI, so every spelling reads the same.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from shopterms.schemas.data import data_text
from shopterms.validators.vocabulary import SCHEMA, Vocabulary, default_vocabulary

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

HTTP_SCHEMA = "http://schema.org/"
# Relative @id values resolve against this when the caller names no base (never the working directory);
# messages print such IRIs relative again.
DEFAULT_BASE = "https://document.invalid/"
# The values that make "@context" mean schema.org, with or without trailing slash or scheme variant.
_SCHEMA_CONTEXT_RE = re.compile(r"^https?://schema\.org(/|/docs/jsonldcontext\.jsonld?)?$")
_IDENTIFIER_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_SCHEMA_VALUE_RE = re.compile(r"^(?:https?://schema\.org/|schema:)([A-Za-z][A-Za-z0-9_]*)$")


class JsonLdError(ValueError):
    """A document that cannot be read as JSON-LD; the message says why and where."""


@cache
def local_context() -> dict[str, Any]:
    """The term definitions standing in for "https://schema.org" (see scripts/derive_schemaorg_index.py)."""
    text = data_text("schemaorg-context.jsonld")
    context: dict[str, Any] = json.loads(text)["@context"]
    return context


def is_schemaorg_context(value: str) -> bool:
    return bool(_SCHEMA_CONTEXT_RE.match(value.strip()))


def localise_contexts(document: Any, where: str = "$") -> Any:
    """A copy of the document whose every @context refers to no remote document."""
    if isinstance(document, list):
        return [localise_contexts(item, f"{where}[{i}]") for i, item in enumerate(document)]
    if not isinstance(document, Mapping):
        return document
    result: dict[str, Any] = {}
    for key, value in document.items():
        if key == "@context":
            result[key] = _local_context_value(value, f"{where}.@context")
        else:
            result[key] = localise_contexts(value, f"{where}.{key}")
    return result


def _local_context_value(value: Any, where: str) -> Any:
    if isinstance(value, list):
        return [_local_context_value(item, f"{where}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, str):
        if is_schemaorg_context(value):
            return local_context()
        raise JsonLdError(
            f"{where}: the context {value!r} would have to be fetched; only schema.org is known"
        )
    if isinstance(value, Mapping) and "@import" in value:
        raise JsonLdError(
            f"{where}: @import would fetch {value['@import']!r}; write the terms inline instead"
        )
    return value


def parse_jsonld(
    document: str | bytes | Mapping[str, Any] | list[Any],
    *,
    base: str | None = None,
    vocabulary: Vocabulary | None = None,
) -> Graph:
    """The RDF graph of a JSON-LD document (text or already-parsed JSON), normalised to https://schema.org/.

    Enumeration values are recognised by the ranges in `vocabulary` (default: schema.org plus our own
    ontology when present). Raises JsonLdError for text that is not JSON, contexts that would need the
    network, and documents from which nothing can be read."""
    from rdflib import Dataset, Graph
    from rdflib.plugins.shared.jsonld.errors import JSONLDException

    data = _load_json(document) if isinstance(document, str | bytes) else document
    if not isinstance(data, Mapping | list):
        raise JsonLdError("a JSON-LD document is an object or an array of objects")
    bare = _bare_terms(data)
    if bare:
        raise JsonLdError(
            f'no @context says what {", ".join(sorted(bare)[:3])} mean; add "@context": "https://schema.org"'
        )
    localised = localise_contexts(data)
    dataset = Dataset()
    try:
        with warnings.catch_warnings():
            # rdflib's own JSON-LD parser still calls its deprecated ConjunctiveGraph API.
            warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib(\.|$)")
            dataset.parse(data=json.dumps(localised), format="json-ld", base=base or DEFAULT_BASE)
    except (JSONLDException, ValueError, TypeError, KeyError) as error:
        raise JsonLdError(f"not valid JSON-LD: {error}") from error
    graph = Graph()
    graph.bind("schema", SCHEMA)
    for subject, predicate, obj, _ in dataset.quads():
        graph.add((subject, predicate, obj))
    if len(graph) == 0 and _has_content(data):
        raise JsonLdError("nothing in the document reads as JSON-LD; is @context missing?")
    return normalise(graph, vocabulary or default_vocabulary(), base or DEFAULT_BASE)


def _load_json(text: str | bytes) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise JsonLdError(f"line {error.lineno}, column {error.colno}: not JSON ({error.msg})") from error
    except UnicodeDecodeError as error:
        raise JsonLdError(f"not UTF-8 text ({error.reason})") from error


def _bare_terms(data: Any) -> set[str]:
    """Keys that are neither keywords nor IRIs, in a document that has no @context anywhere."""
    found: set[str] = set()
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, Mapping):
            if "@context" in item:
                return set()
            found.update(k for k in item if not k.startswith("@") and ":" not in k)
            stack.extend(item.values())
    return found


def _has_content(data: Mapping[str, Any] | list[Any]) -> bool:
    items = data if isinstance(data, list) else [data]
    return any(isinstance(i, Mapping) and any(k != "@context" for k in i) for i in items)


def normalise(graph: Graph, vocabulary: Vocabulary, base: str = DEFAULT_BASE) -> Graph:
    """One spelling for schema.org: https IRIs, and enumeration values as member IRIs."""
    from rdflib import Graph

    result = Graph()
    for prefix, namespace in graph.namespaces():
        result.bind(prefix, namespace, override=True)
    for subject, predicate, obj in graph:
        predicate = _https(predicate)
        value = _enumeration_value(_https(obj), str(predicate), vocabulary, base)
        result.add((_https(subject), predicate, value))
    return result


def _https(node: Node) -> Any:
    from rdflib import Literal, URIRef

    if isinstance(node, URIRef) and str(node).startswith(HTTP_SCHEMA):
        return URIRef(SCHEMA + str(node)[len(HTTP_SCHEMA) :])
    if isinstance(node, Literal) and node.datatype is not None and str(node.datatype).startswith(HTTP_SCHEMA):
        return Literal(str(node), datatype=_https(node.datatype))
    return node


def _enumeration_value(obj: Node, predicate: str, vocabulary: Vocabulary, base: str) -> Node:
    """`X`, `schema:X` or a schema.org IRI given as a string to a property that takes an enumeration."""
    from rdflib import Literal, URIRef

    facts = vocabulary.properties.get(predicate)
    if facts is None or not any(vocabulary.is_enumeration(r) for r in facts.range):
        return obj
    text = str(obj)
    if isinstance(obj, Literal) and obj.language is None:
        spelled = _SCHEMA_VALUE_RE.match(text)
        if spelled:
            return URIRef(SCHEMA + spelled.group(1))
        accepts_text = bool(facts.range & vocabulary.datatypes)
        if _IDENTIFIER_RE.match(text) and (SCHEMA + text in vocabulary.member_types or not accepts_text):
            return URIRef(SCHEMA + text)
    elif isinstance(obj, URIRef) and text.startswith(base) and _IDENTIFIER_RE.match(text[len(base) :]):
        return URIRef(SCHEMA + text[len(base) :])  # {"@id": "ReturnByMail"}: a relative IRI meant as a member
    return obj
