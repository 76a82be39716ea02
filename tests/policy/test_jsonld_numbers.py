"""Whole numbers are written as integers, so every JSON-LD processor reads the same graph.

JSON-LD makes a number with a fraction an xsd:double and one without an xsd:integer; written as 50.0
a whole number is read as a double by pyld and as an integer by rdflib. Written as 50, both agree.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from shopterms.policy.jsonld import compile_offer_shipping_details, compile_policy, dumps
from shopterms.policy.loader import read_policy
from shopterms.validators.jsonld_graph import localise_contexts
from tests.conftest import example_files


def _no_network_loader(url: str, options: dict[str, Any]) -> dict[str, Any]:
    raise AssertionError(f"pyld tried to load {url}: every context must be local")


def _pyld_graph(document: Any) -> Graph:
    quads = jsonld.to_rdf(
        localise_contexts(document), {"format": "application/n-quads", "documentLoader": _no_network_loader}
    )
    return Graph().parse(data=quads, format="nt")  # the default graph only: N-Quads lines are N-Triples


def _rdflib_graph(document: Any) -> Graph:
    dataset = Dataset()
    with warnings.catch_warnings():
        # rdflib's own JSON-LD parser still calls its deprecated ConjunctiveGraph API.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib(\.|$)")
        dataset.parse(data=json.dumps(localise_contexts(document)), format="json-ld")
    graph = Graph()
    for subject, predicate, obj, _ in dataset.quads():
        graph.add((subject, predicate, obj))
    return graph


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.stem)
def test_no_whole_number_is_written_with_a_fraction(path: Path) -> None:
    policy = read_policy(path)
    for document in (compile_policy(policy), compile_offer_shipping_details(policy)):
        assert re.findall(r": -?\d+\.0\b", dumps(document)) == []


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.stem)
def test_pyld_and_rdflib_read_the_same_graph(path: Path) -> None:
    policy = read_policy(path)
    for document in (compile_policy(policy), compile_offer_shipping_details(policy)):
        pyld_graph, rdflib_graph = _pyld_graph(document), _rdflib_graph(document)
        assert len(pyld_graph) == len(rdflib_graph) > 20
        assert isomorphic(pyld_graph, rdflib_graph)


def test_a_fractional_amount_stays_a_decimal_number() -> None:
    policy = read_policy(example_files()[0].parent / "nordlicht-mode.yaml")
    assert '"value": 4.95' in dumps(compile_policy(policy))
