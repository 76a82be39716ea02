"""Properties of the loader: no input, however broken, makes it raise; every failure says why."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from shopterms.policy.codes import CODES_BY_ID
from shopterms.policy.diagnostics import YamlPath
from shopterms.policy.document import read_document
from shopterms.policy.loader import LoadResult, load_policy_bytes, load_policy_text
from shopterms.policy.model_paths import allowed_keys, expectation_at

EXAMPLE_TEXT = (Path(__file__).resolve().parents[2] / "examples" / "nordlicht-mode.yaml").read_text(
    encoding="utf-8"
)
# Characters that steer YAML's parser; mixing them with text reaches far more parser states than letters.
YAML_ALPHABET = st.sampled_from(
    list(":-[]{},#&*!|>'\"%@`?\t\n\r ~.0123456789abcNOYe<=\\\x00\x85\u2028\ufeff")
)


def assert_well_formed(result: LoadResult) -> None:
    assert (result.policy is None) == bool(result.diagnostics)
    for item in result.diagnostics:
        assert item.code in CODES_BY_ID
        assert item.message and item.file
        if item.location is not None:
            assert item.location.line >= 1 and item.location.column >= 1


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    assert_well_formed(load_policy_text(text))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(YAML_ALPHABET, max_size=80))
def test_text_made_of_yaml_syntax_never_raises(text: str) -> None:
    assert_well_formed(load_policy_text(text))


@settings(max_examples=300)
@given(st.binary())
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    assert_well_formed(load_policy_bytes(data))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(EXAMPLE_TEXT) - 1), st.integers(0, 12), st.text(YAML_ALPHABET, max_size=6))
def test_edits_of_the_example_never_raise(start: int, length: int, insert: str) -> None:
    assert_well_formed(load_policy_text(EXAMPLE_TEXT[:start] + insert + EXAMPLE_TEXT[start + length :]))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)


def data_at(data: Any, path: YamlPath) -> Any:
    for part in path:
        data = data[part]
    return data


EXAMPLE_DATA = read_document(EXAMPLE_TEXT, "example").data
# Every place a key can go in the example: each written mapping, with each key its model allows there.
MAPPING_PATHS = [
    path
    for path in read_document(EXAMPLE_TEXT, "example").positions
    if isinstance(data_at(EXAMPLE_DATA, path), dict)
]
SLOTS = [
    (path, key)
    for path in MAPPING_PATHS
    if isinstance(model := expectation_at(path).annotation, type) and issubclass(model, BaseModel)
    for key in allowed_keys(model)
]


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SLOTS), json_values)
def test_any_value_under_any_key_gives_diagnostics_not_exceptions(
    slot: tuple[YamlPath, str], value: object
) -> None:
    path, key = slot
    data = copy.deepcopy(EXAMPLE_DATA)
    data_at(data, path)[key] = value
    # JSON is YAML 1.2 flow syntax, so the changed policy can be written as JSON and read back.
    result = load_policy_text(json.dumps(data, default=str, indent=1))
    assert_well_formed(result)
    assert all(item.code != "SCHEMA010" for item in result.diagnostics), result.diagnostics
