"""Google's structured-data rules: run schemas/google-shapes.ttl with pyshacl over a JSON-LD graph and
translate each SHACL result into a GOOG### diagnostic in our words.

No inference runs (every type must be stated, as Google also requires); nothing is fetched.
"""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from shopterms.policy.diagnostics import Diagnostic, Severity
from shopterms.schemas.data import data_text
from shopterms.validators.codes_google import GOOG_CODE_BY_SHAPE, GOOG_CODES, SHAPES_NAMESPACE
from shopterms.validators.jsonld_graph import JsonLdError, parse_jsonld
from shopterms.validators.node_labels import NodeLabels, term_name

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

SH = "http://www.w3.org/ns/shacl#"
_SEVERITY_BY_SHACL: dict[str, Severity] = {
    SH + "Violation": "error",
    SH + "Warning": "warning",
    SH + "Info": "info",
}
# The catalogue's "use instead" example makes the hint, where it is a JSON-LD snippet.
_HINT_BY_CODE = {
    info.code: f"for example {info.instead}" for info in GOOG_CODES if info.instead.startswith("{")
}


@cache
def google_shapes_text() -> str:
    return data_text("google-shapes.ttl")


@cache
def _parsed_shapes() -> Graph:
    """The shapes graph parsed once per process; read from, never handed to pyshacl."""
    from rdflib import Graph

    return Graph().parse(data=google_shapes_text(), format="turtle")


def google_shapes() -> Graph:
    """A fresh copy of the shapes graph, to read without touching the one the checks use."""
    from rdflib import Graph

    copy = Graph()
    for prefix, namespace in _parsed_shapes().namespaces():
        copy.bind(prefix, namespace, override=True)
    copy += _parsed_shapes()
    return copy


@cache
def _working_shapes() -> Graph:
    """The copy pyshacl is handed on every run. pyshacl adds two fixed RDFS/OWL axioms to the shapes
    graph it is given (the same two every time), so one copy serves every run of the process; a fresh
    copy per run cost about 45 ms, which counted on pages with many JSON-LD blocks."""
    return google_shapes()


def check_google_rules(graph: Graph, *, source: str = "<jsonld>") -> list[Diagnostic]:
    """GOOG### findings for a graph from `validators.jsonld_graph.parse_jsonld`, in a stable order."""
    if len(graph) == 0:
        return []  # every shape targets a node of the data (a type, a subject, an object): none here
    from pyshacl import validate

    with warnings.catch_warnings():
        # pyshacl and rdflib still use rdflib's deprecated ConjunctiveGraph internally.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"(rdflib|pyshacl)(\.|$)")
        _, results, _ = validate(
            graph,
            shacl_graph=_working_shapes(),
            inference="none",
            abort_on_first=False,
            allow_warnings=True,
            advanced=False,
            meta_shacl=False,
        )
    return _diagnostics(graph, results, source)


def check_jsonld_google_rules(
    document: str | bytes | Mapping[str, Any] | list[Any],
    *,
    source: str = "<jsonld>",
    base: str | None = None,
) -> list[Diagnostic]:
    """Parse a JSON-LD document and apply Google's rules; an unreadable document is one LD007 finding."""
    from shopterms.validators.conformance import check_jsonld_conformance

    try:
        graph = parse_jsonld(document, base=base)
    except JsonLdError:
        return check_jsonld_conformance(document, source=source, base=base)
    return check_google_rules(graph, source=source)


def _diagnostics(data: Graph, results: Graph, source: str) -> list[Diagnostic]:
    from rdflib import Literal, URIRef

    sh = {
        name: URIRef(SH + name)
        for name in (
            "result",
            "sourceShape",
            "focusNode",
            "resultMessage",
            "resultSeverity",
            "value",
            "sourceConstraintComponent",
        )
    }
    label = NodeLabels(data)
    shapes = _parsed_shapes()
    found: dict[tuple[str, str, str], Diagnostic] = {}
    # Only the report's own results: those under sh:detail explain a nested shape and repeat the finding.
    for result in results.objects(None, sh["result"]):
        shape = str(results.value(result, sh["sourceShape"]))
        code = (
            GOOG_CODE_BY_SHAPE.get(shape[len(SHAPES_NAMESPACE) :])
            if shape.startswith(SHAPES_NAMESPACE)
            else None
        )
        if code is None:
            raise LookupError(f"the Google shapes reported through {shape}, which has no GOOG code")
        focus = results.value(result, sh["focusNode"])
        assert focus is not None, "every SHACL result names its focus node"
        text = str(
            results.value(result, sh["resultMessage"]) or shapes.value(URIRef(shape), URIRef(SH + "message"))
        )
        value = results.value(result, sh["value"])
        shown = _shown(value) if value is not None and value != focus else ""
        # A literal focus node comes from sh:targetObjectsOf; name it through that property.
        via = _targeted_property(shapes, URIRef(shape)) if isinstance(focus, Literal) else None
        where = label(focus, via)
        message = f"{where}: {text}" + (f"; found {shown}" if shown else "")
        severity = _SEVERITY_BY_SHACL.get(str(results.value(result, sh["resultSeverity"])), "error")
        component = str(results.value(result, sh["sourceConstraintComponent"]))
        hint = (
            _closest_allowed(shapes, URIRef(shape), value)
            if component == SH + "InConstraintComponent"
            else None
        )
        diagnostic = Diagnostic(
            code=code,
            severity=severity,
            message=message,
            file=source,
            hint=hint or _HINT_BY_CODE.get(code),
            detail=f"SHACL {term_name(component)} of {shape}",
        )
        found[(where, code, message)] = diagnostic
    return [found[key] for key in sorted(found)]


def _targeted_property(shapes: Graph, shape: Node) -> str | None:
    """The property whose values a shape targets, itself or through the node shape that holds it."""
    from rdflib import URIRef

    target, holds = URIRef(SH + "targetObjectsOf"), URIRef(SH + "property")
    for candidate in (shape, *shapes.subjects(holds, shape)):
        found = shapes.value(candidate, target)
        if found is not None:
            return str(found)
    return None


def _shown(value: Node) -> str:
    from rdflib import Literal

    return repr(str(value)) if isinstance(value, Literal) else term_name(str(value))


def _closest_allowed(shapes: Graph, shape: Node, value: Node | None) -> str | None:
    """ "did you mean …?" among the values an sh:in list allows."""
    from rdflib import URIRef
    from rdflib.collection import Collection

    in_list = shapes.value(shape, URIRef(SH + "in"))
    if in_list is None or value is None:
        return None
    allowed = [term_name(str(v)) for v in Collection(shapes, in_list)]
    close = difflib.get_close_matches(term_name(str(value)), allowed, n=1, cutoff=0.6)
    return f"did you mean {close[0]}?" if close else "use one of " + ", ".join(allowed)
