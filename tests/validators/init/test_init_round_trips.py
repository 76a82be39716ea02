"""Export, then `init --from` the export: the drafted policy states every fact the format can carry
exactly as the original did, for every example and every format the export writes.

Where a format does not carry a required fact (transit times in a feed, payment methods in UCP), the
draft has a TODO line; the tests write a value there, as the merchant would, before exporting again.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopterms.policy.documents.artefacts import BuildInput, render_artefacts
from shopterms.policy.drafting.compose import compose
from shopterms.policy.drafting.derive import derive
from shopterms.policy.drafting.draft import merged
from shopterms.policy.drafting.problems import ImportProblem
from shopterms.policy.export import EXPORTERS_BY_NAME, export
from shopterms.policy.jsonld import compile_policy
from shopterms.policy.loader import load_policy_text, read_policy
from shopterms.policy.model import Policy
from shopterms.validators.cli import main
from shopterms.validators.drafting.page import read_jsonld_source
from shopterms.validators.file_report import check_loaded
from shopterms.validators.jsonld_graph import parse_jsonld
from tests.conftest import EXAMPLES_DIR, example_files

EXAMPLES = example_files()
# A value for each required key a format may lack; none of them is a fact the format states.
FILLED_IN = {
    "name": "Filled In",
    "url": "https://filled-in.example",
    "timezone": "Europe/Berlin",
    "currency": "EUR",
    "handling": "{days: 1}",
    "transit": "1-2",
    "methods": "[card, invoice]",
}
_TODO = re.compile(r"^(?P<indent>\s*)# TODO (?P<path>[\w.\[\]-]+):.*$", re.MULTILINE)


def _fill_in(text: str) -> str:
    """The draft with a value written in place of every TODO line."""

    def value(match: re.Match[str]) -> str:
        key = re.sub(r"\[\d+\]$", "", match.group("path").rsplit(".", 1)[-1])
        return f"{match.group('indent')}{key}: {FILLED_IN[key]}"

    return _TODO.sub(value, text)


def _draft(tmp_path: Path, source: Path, *answers: str) -> Policy:
    out = tmp_path / f"{source.name}.yaml"
    result = CliRunner().invoke(main, ["init", "-o", str(out), "--from", str(source), *answers])
    assert result.exit_code in (0, 1), result.output
    loaded = load_policy_text(_fill_in(out.read_text(encoding="utf-8")), out.name)
    assert loaded.policy is not None, [item.headline for item in loaded.diagnostics]
    return loaded.policy


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("name", ["google", "ucp", "openai-feed"])
def test_an_export_drafts_back_every_fact_its_format_states(name: str, path: Path, tmp_path: Path) -> None:
    target = EXPORTERS_BY_NAME[name]
    policy = read_policy(path)
    if name == "openai-feed" and (policy.legal is None or policy.legal.returns_url is None):
        # The feed's return_policy column is required: such a policy is refused (docs/exports.md).
        assert policy.returns is None or policy.returns.portal is None
        return
    original = export(policy, target, allow_lossy=True)
    expected = original.narrowed.only(target.families)
    # No format names the shop's seat, and Merchant API bodies name no shop at all: the merchant answers.
    answers = ["--set", f"country={policy.shop.country}"]
    if name == "google":
        answers += ["--set", f"name={policy.shop.name}", "--set", f"url={policy.shop.url}"]
    for fmt in target.formats:
        source = tmp_path / f"{path.stem}.{fmt}"
        source.write_text(target.render(original.payload, fmt), encoding="utf-8")
        drafted = _draft(tmp_path, source, *answers)
        again = export(drafted, target, allow_lossy=True).narrowed.only(target.families)
        for family in sorted(target.families):
            assert getattr(again, family) == getattr(expected, family), f"{fmt}: {family}"


def _triples(graph: Any) -> list[str]:
    return sorted(" ".join(term.n3() for term in triple) for triple in graph)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("built", ["policy.jsonld", "index.html"])
def test_our_json_ld_drafts_back_a_policy_that_compiles_to_the_same_graph(
    built: str, path: Path, tmp_path: Path
) -> None:
    """Everything our JSON-LD states (schema.org and our vocabulary) comes back: the drafted policy
    compiles to a graph isomorphic to the original's, from the JSON-LD file `build` writes and from
    the terms page that embeds it."""
    from rdflib.compare import graph_diff, to_isomorphic

    policy = read_policy(path)
    files = render_artefacts(BuildInput(policy, str(path)), ["jsonld", "terms-page"])
    source = tmp_path / built
    source.write_bytes(files[built])
    out = tmp_path / "drafted.yaml"
    result = CliRunner().invoke(main, ["init", "-o", str(out), "--from", str(source)])
    assert result.exit_code == 0, result.output
    drafted = read_policy(out)
    original = to_isomorphic(parse_jsonld(compile_policy(policy)))
    again = to_isomorphic(parse_jsonld(compile_policy(drafted)))
    if original != again:
        _both, only_original, only_drafted = graph_diff(original, again)
        assert _triples(only_original) == _triples(only_drafted)


ODD_VALUES = [
    "NaN",
    "-Infinity",
    "1e999999",
    -5,
    0,
    "",
    "ab:cd",
    "ÄÖ",
    "2027-02-30",
    "P-1D",
    None,
    [],
    {},
    True,
]


def _leaves(document: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(document, dict):
        return [
            leaf
            for key, value in document.items()
            if key != "@context"
            for leaf in _leaves(value, (*path, key))
        ]
    if isinstance(document, list):
        return [leaf for index, value in enumerate(document) for leaf in _leaves(value, (*path, index))]
    return [path]


_VOLTWERK = compile_policy(read_policy(EXAMPLES[-1]))
_LEAVES = _leaves(_VOLTWERK)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(_LEAVES), st.sampled_from(ODD_VALUES), min_size=1, max_size=12))
def test_odd_values_in_our_json_ld_are_drafted_or_named_never_a_fault(
    changes: dict[tuple[Any, ...], Any],
) -> None:
    """Whatever a page writes where our JSON-LD has a value, drafting it gives a file (with findings at
    worst) or a clear refusal; it never fails."""
    document = copy.deepcopy(_VOLTWERK)
    for path, value in changes.items():
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = value
    try:
        part = read_jsonld_source(json.dumps(document), "odd.jsonld")
    except ImportProblem:
        return
    draft = merged([part])
    derive(draft)
    composed = compose(draft, "shop.yaml")
    result = load_policy_text(composed.text, "shop.yaml")
    assert result.checked
    check_loaded(result)


def test_a_ucp_response_s_merged_policies_draft_the_terms_and_the_goods_that_cannot_be_returned(
    tmp_path: Path,
) -> None:
    """What a business embeds in a response: one policies[] with the response-wide return policy of a
    market and a final-sale policy per group of goods, told apart only by applies_to."""
    path = EXAMPLES_DIR / "nordlicht-mode.yaml"
    policy = read_policy(path)
    payload = export(policy, EXPORTERS_BY_NAME["ucp"], allow_lossy=True).payload
    [germany] = [market for market in payload["markets"] if market["countries"] == ["DE"]]
    scoped = [item["policy"] for item in payload["item_policies"]]
    assert all(p["applies_to"] for p in scoped)
    response = {"policies": [*payload["policies"], *germany["policies"], *scoped], "links": payload["links"]}
    source = tmp_path / "checkout-policies.json"
    source.write_text(json.dumps(response), encoding="utf-8")
    drafted = _draft(tmp_path, source, "--set", f"country={policy.shop.country}")
    assert drafted.returns is not None and policy.returns is not None
    assert [group.items for group in drafted.returns.not_returnable] == sorted(
        group.items for group in policy.returns.not_returnable
    )
    assert drafted.returns.window == policy.returns.window
