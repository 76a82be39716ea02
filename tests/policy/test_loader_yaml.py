"""Reading YAML: every kind of unreadable or unsafe text gives a located diagnostic, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopterms.policy.diagnostics import Diagnostic, Location
from shopterms.policy.document import MAX_DEPTH, read_document
from shopterms.policy.loader import load_policy, load_policy_text

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "nordlicht-mode.yaml"


def codes(text: str) -> list[str]:
    return [item.code for item in load_policy_text(text, "p.yaml").diagnostics]


def single(text: str) -> Diagnostic:
    result = load_policy_text(text, "p.yaml")
    assert result.policy is None
    assert len(result.diagnostics) == 1, result.diagnostics
    return result.diagnostics[0]


def at(diagnostic: Diagnostic) -> tuple[int, int]:
    assert diagnostic.location is not None
    return diagnostic.location.line, diagnostic.location.column


def test_example_policy_loads_without_diagnostics() -> None:
    result = load_policy(EXAMPLE)
    assert result.policy is not None
    assert result.diagnostics == ()
    assert result.checked


def test_positions_cover_keys_and_values_of_the_example() -> None:
    result = load_policy(EXAMPLE)
    assert result.locate_key(("shop",)) == Location(3, 1, 3, 5)
    assert result.locate(("shop", "currency")) == Location(9, 13, 9, 16)
    express_transit = result.locate(("shipping", "services", 1, "transit"))
    assert express_transit is not None and express_transit.line == 32
    assert result.locate(("shipping", "services", 9)) is None


def test_block_mapping_span_ends_with_its_last_value_not_the_next_key() -> None:
    result = load_policy_text("shop:\n  name: A\n  url: b\n\n# note\nnext: 1\n")
    assert result.locate(("shop",)) == Location(2, 3, 3, 9)


def test_block_scalar_span_ends_with_its_last_character() -> None:
    result = load_policy_text("note: |\n  first\n  second\n\nnext: 1\n")
    assert result.locate(("note",)) == Location(1, 7, 3, 9)


def test_yaml_1_2_keeps_norway_times_and_dates_as_text_and_reads_numbers() -> None:
    document = read_document("a: [NO, 14:00, 'x', 01067, 2026-12-24, 2026-02-30, true, ~, 1.5]\n", "p.yaml")
    assert document.data == {"a": ["NO", "14:00", "x", 1067, "2026-12-24", "2026-02-30", True, None, 1.5]}


def test_tab_indentation_is_reported_at_the_tab() -> None:
    found = single("shop:\n\tname: x\n")
    assert (found.code, at(found)) == ("YAML002", (2, 1))
    assert "tab" in found.message and found.hint is not None and "spaces" in found.hint


def test_tab_between_key_and_value_is_its_own_message() -> None:
    found = single("shop:\n  name:\tx\n")
    assert found.code == "YAML002"
    assert found.message == "a tab separates this value from what comes before it"


def test_duplicate_key_points_at_the_second_and_names_the_first_line() -> None:
    found = single("shop:\n  name: A\n  name: B\n")
    assert (found.code, at(found), found.path) == ("YAML003", (3, 3), ("shop", "name"))
    assert found.hint is not None and "line 2" in found.hint


def test_every_duplicate_key_is_reported_in_one_pass() -> None:
    assert codes("a: 1\na: 2\nb: {x: 1, x: 2}\n") == ["YAML003", "YAML003"]


def test_anchor_and_alias_are_both_reported() -> None:
    result = load_policy_text("a: &base 1\nb: *base\n")
    assert [(d.code, at(d)) for d in result.diagnostics] == [("YAML004", (1, 4)), ("YAML004", (2, 4))]


def test_alias_bomb_is_refused_without_expanding_it() -> None:
    lines = ["a: &a ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x']"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    result = load_policy_text("\n".join(lines) + "\n")
    assert result.policy is None
    assert {item.code for item in result.diagnostics} == {"YAML004"}


def test_merge_key_is_refused() -> None:
    found = single("express:\n  <<: {to: [DE]}\n  id: express\n")
    assert (found.code, at(found)) == ("YAML005", (2, 3))


def test_python_object_tag_is_refused_and_nothing_is_constructed() -> None:
    found = single("shop: !!python/object/apply:os.system ['echo hacked']\n")
    assert found.code == "YAML006"
    assert "!!python/object/apply:os.system" in found.message


def test_str_tag_is_allowed_and_reads_as_text() -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace('postal_code: "20457"', "postal_code: !!str 20457")
    result = load_policy_text(text)
    assert result.policy is not None
    assert result.policy.shop.address.postal_code == "20457"


def test_control_character_is_located() -> None:
    found = single("shop:\n  name: Nord\x00licht\n")
    assert (found.code, at(found)) == ("YAML008", (2, 13))
    assert "U+0000" in found.message


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n", "---\n...\n"])
def test_empty_file_is_reported_once(text: str) -> None:
    found = single(text)
    assert (found.code, at(found)) == ("YAML009", (1, 1))


@pytest.mark.parametrize(
    ("text", "kind"),
    [("- a\n- b\n", "a list"), ("hello\n", "a single text"), ("42\n", "a single number"), ("~\n", "empty")],
)
def test_top_level_that_is_not_a_mapping_is_reported(text: str, kind: str) -> None:
    found = single(text)
    assert found.code == "YAML010"
    assert kind in found.message


def test_complex_key_is_refused() -> None:
    found = single("? [AT, CH]\n: 7.95\n")
    assert (found.code, at(found)) == ("YAML011", (1, 3))


def test_second_document_is_refused_at_its_marker() -> None:
    found = single("shop: {name: A}\n---\nshop: {name: B}\n")
    assert (found.code, at(found)) == ("YAML012", (2, 1))


def test_deep_nesting_stops_at_the_limit_without_recursion_error() -> None:
    found = single("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert found.code == "YAML014"
    assert at(found) == (1, 4 + MAX_DEPTH - 1)


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ('shop:\n  name: "Nordlicht\n', (2, 9), "never closed"),
        ("shop:\n  name x\n  url: y\n", (3, 6), "':'"),
        ("shop:\n    name: x\n  url: y\n", (3, 3), "indented differently"),
        ("shop: [a, b\nnext: 1\n", (2, 5), "'['"),
        ("shop: {a: 1, b\n", (2, 1), "'{'"),
        ("name: @nordlicht\n", (1, 7), "'@'"),
        ('name: "a\\qb"\n', (1, 10), "escape"),
        ('name: "a" b\n', (1, 11), "unexpected text"),
        ("a:\n- 1\nb\n", (3, 1), "missing its ':'"),
    ],
)
def test_syntax_errors_are_located_and_worded_by_us(text: str, where: tuple[int, int], words: str) -> None:
    found = single(text)
    assert found.code == "YAML001"
    assert at(found) == where
    assert words in found.message
    assert found.hint
    # The parser's own words are kept only as detail.
    assert found.detail and found.detail not in found.message


def test_json_style_surrogate_pair_escapes_join_into_one_character() -> None:
    assert read_document('name: "Nordlicht \\ud83d\\ude00"\n', "p.yaml").data == {
        "name": "Nordlicht \U0001f600"
    }


def test_lone_surrogate_escape_is_reported_at_its_value() -> None:
    found = single('shop:\n  name: "half \\ud800 a character"\n')
    assert (found.code, at(found)) == ("YAML001", (2, 9))


def test_a_value_the_model_derives_from_a_written_one_fails_once_where_it_is_written() -> None:
    # returns.countries defaults to sells_to: the misspelt countries must not fail a second time at returns:.
    text = (
        "shop:\n  name: Shop\n  url: https://shop.example\n  address: {country: DE}\n"
        "  sells_to: [Austria, Germany]\n  timezone: Europe/Berlin\n  currency: EUR\n"
        "returns:\n  window: 14 days after delivery\n"
    )
    result = load_policy_text(text, "shop.yaml")
    assert [
        (item.dotted_path, item.location.line if item.location else None) for item in result.diagnostics
    ] == [
        ("shop.sells_to[0]", 5),
        ("shop.sells_to[1]", 5),
    ]
