"""libyaml reads a policy exactly as ruamel.yaml does: the same data, the same places, the same findings.

`read_document` scans with libyaml's C parser where that is safe and lets ruamel.yaml read everything
else (and explain every error); these properties compare it with a ruamel.yaml-only reading on edited
examples, on YAML-token soup and on data written out in every style PyYAML has.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopterms.policy import libyaml_events
from shopterms.policy.document import Document, _read_with_ruamel, read_document
from tests.conftest import example_files

EXAMPLES = [path.read_text(encoding="utf-8") for path in example_files()]
PIECES = [*":-[]{},#&*!|>'\"%@`?~.0123456789abcNOYeß", "  ", "\n", "\n  ", "- ", ": ", "---\n", "\r\n"]
TOKENS = [
    "a", "key", ":", " ", "\n", "\r\n", "- ", "[", "]", "{", "}", ",", "#c", "'s q'", '"d\\tq"', "|", ">",
    "|-", ">+", "? ", "&x ", "*x", "!!str ", "---", "...", "1.5", "1_000", "030", "NO", "yes", "~", "14:00",
    "2026-12-24", ".inf", "ä", "😀", "\n  ", "\n    ", "x y", "'it''s'", " #", "a: b: c", "{a: 1, b}",
]  # fmt: skip
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def assert_read_alike(text: str) -> Document:
    fast, reference = read_document(text, "f.yaml"), _read_with_ruamel(text, "f.yaml")
    assert fast.diagnostics == reference.diagnostics
    assert _same(fast.data, reference.data)
    assert list(fast.positions) == list(reference.positions)
    for path in reference.positions:
        assert fast.positions.key(path) == reference.positions.key(path), path
        assert fast.positions.value(path) == reference.positions.value(path), path
    return fast


@SETTINGS
@given(
    st.sampled_from(EXAMPLES),
    st.lists(
        st.tuples(st.integers(0, 6000), st.integers(0, 8), st.lists(st.sampled_from(PIECES), max_size=4)),
        max_size=3,
    ),
)
def test_edited_examples_are_read_alike(text: str, edits: list[tuple[int, int, list[str]]]) -> None:
    for start, length, pieces in edits:
        start %= len(text) + 1
        text = text[:start] + "".join(pieces) + text[start + length :]
    assert_read_alike(text)


@SETTINGS
@given(
    st.sampled_from(EXAMPLES),
    st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), min_size=1, max_size=3),
)
def test_examples_with_repeated_lines_are_read_alike(text: str, moves: list[tuple[int, int]]) -> None:
    # A line copied elsewhere: repeated keys, which libyaml's reading reports itself (ruamel.yaml is
    # asked only for other findings), and broken indentation.
    lines = text.splitlines(keepends=True)
    for source, target in moves:
        lines.insert(target % (len(lines) + 1), lines[source % len(lines)])
    assert_read_alike("".join(lines))


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map("".join))
def test_token_soup_is_read_alike(text: str) -> None:
    assert_read_alike(text)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, width=32),
    st.text(max_size=12),
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=25,
)


@SETTINGS
@given(
    documents,
    st.sampled_from([None, True, False]),
    st.booleans(),
    st.sampled_from([20, 80, 1000]),
    st.sampled_from([None, '"', "'", "|", ">"]),
    st.booleans(),
)
def test_data_written_in_every_style_is_read_alike(
    value: Any, flow: bool | None, unicode: bool, width: int, style: str | None, crlf: bool
) -> None:
    text = yaml.safe_dump(
        {"root": value}, default_flow_style=flow, allow_unicode=unicode, width=width, default_style=style
    )
    assert_read_alike(text.replace("\n", "\r\n") if crlf else text)


@pytest.mark.parametrize("text", EXAMPLES, ids=[path.name for path in example_files()])
def test_the_examples_are_scanned_by_libyaml_and_read_alike(text: str) -> None:
    assert libyaml_events.usable(text)
    assert_read_alike(text)


@pytest.mark.parametrize(
    "text",
    [
        "%YAML 1.1\n---\ncutoff: 14:00\n",  # a directive: ruamel.yaml reads 14:00 as the YAML 1.1 number 840
        "a:\tb\n",
        "a: b\u2028c\n",
        "a: b\x85c\n",
        "a: x\ufeffb\n",
    ],
)
def test_texts_libyaml_reads_by_other_rules_go_to_ruamel_yaml(text: str) -> None:
    assert not libyaml_events.usable(text)
    assert_read_alike(text)


def test_a_yaml_1_1_document_keeps_its_sexagesimal_reading() -> None:
    assert read_document("%YAML 1.1\n---\ncutoff: 14:00\n", "f.yaml").data == {"cutoff": 840}


def test_a_folded_scalar_reads_as_its_folded_text_without_fold_marks() -> None:
    text = "a: >\n  Nordlicht\n\n  Mode\n  GmbH\n"
    assert read_document(text, "f.yaml").data == {"a": "Nordlicht\nMode GmbH\n"}
    assert _read_with_ruamel(text, "f.yaml").data == {"a": "Nordlicht\nMode GmbH\n"}


def test_a_key_without_value_is_placed_where_ruamel_yaml_places_it() -> None:
    found = assert_read_alike("a: {x, y: 1}\nb:\nc: 2\n")
    assert found.data == {"a": {"x": None, "y": 1}, "b": None, "c": 2}


@SETTINGS
@given(
    st.one_of(
        st.text(st.sampled_from("aAeEnNtTfFyYoOlLsSrRuU .:-_+/0123456789"), min_size=1, max_size=8),
        st.integers(0, 10**17).map(str),
        st.sampled_from(["true", "True", "TRUE", "false", "Null", "NULL", "null", "yes", "No", "FALSE"]),
    )
)
def test_plain_scalars_read_directly_mean_what_the_yaml_1_2_resolver_says(value: str) -> None:
    from ruamel.yaml.constructor import SafeConstructor

    from shopterms.policy.document import _YAML_1_2, _plain_1_2, _plain_value

    expected = _plain_value(value, _YAML_1_2.resolver, SafeConstructor(loader=_YAML_1_2))
    assert _same(_plain_1_2(value), expected)


def test_a_thousand_open_brackets_are_reported_where_the_nesting_passes_the_limit() -> None:
    # libyaml stops at its own limit of 1,000; the finding is the reader's, at the same place.
    text = "x: " + "[" * 2000 + "\n"
    [found] = read_document(text, "f.yaml").diagnostics
    assert found.code == "YAML014" and found.location is not None
    assert (found.location.line, found.location.column) == (1, 35)
    assert read_document(text, "f.yaml").diagnostics == _read_with_ruamel(text, "f.yaml").diagnostics
