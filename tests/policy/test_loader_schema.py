"""Model errors in our words: each pydantic error becomes a coded, located diagnostic with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopterms.policy.codes import CODES_BY_ID
from shopterms.policy.diagnostics import Diagnostic
from shopterms.policy.loader import load_policy_text

EXAMPLE_TEXT = (Path(__file__).resolve().parents[2] / "examples" / "nordlicht-mode.yaml").read_text(
    encoding="utf-8"
)


def broken(old: str, new: str) -> list[Diagnostic]:
    assert old in EXAMPLE_TEXT, old
    result = load_policy_text(EXAMPLE_TEXT.replace(old, new, 1), "nordlicht.yaml")
    assert result.policy is None
    return list(result.diagnostics)


def single(old: str, new: str) -> Diagnostic:
    found = broken(old, new)
    assert len(found) == 1, found
    return found[0]


def line_of(text: str) -> int:
    return EXAMPLE_TEXT.splitlines().index(text) + 1


def test_unknown_key_suggests_the_close_key_and_absorbs_the_missing_twin() -> None:
    found = single("transit: 1-2 ", "trasit: 1-2 ")
    assert found.code == "SCHEMA001"
    assert found.message == "unknown key 'trasit' in shipping.services[0]"
    assert found.hint == "did you mean 'transit'? It is required here."
    assert found.path == ("shipping", "services", 0, "trasit")
    assert found.location is not None and (found.location.column, found.location.end_column) == (7, 13)


def test_unknown_key_without_a_close_match_lists_the_allowed_keys() -> None:
    found = single("  tracking: true\n", "  tracking: true\n  carrier_pigeon: true\n")
    assert found.code == "SCHEMA001"
    assert found.hint is not None and found.hint.startswith(
        "shipping takes these keys: handling, closed, services"
    )


def test_unknown_top_level_section_is_found_from_the_root_model() -> None:
    found = single("payment:\n", "paymant:\n")
    assert (found.code, found.hint) == ("SCHEMA001", "did you mean 'payment'?")
    assert found.message == "unknown key 'paymant' in the top level"


def test_missing_key_points_at_the_parent_and_describes_the_key() -> None:
    found = single("  timezone: Europe/Berlin\n", "")
    assert found.code == "SCHEMA002"
    assert found.message == "shop is missing the required key 'timezone'"
    assert found.path == ("shop", "timezone")
    assert found.location is not None and found.location.line == line_of("shop:")
    assert found.hint is not None and found.hint.startswith("add the key 'timezone': IANA time zone")


def test_unquoted_postal_code_says_to_quote_it_and_shows_the_written_token() -> None:
    found = single('postal_code: "20457"', "postal_code: 01067")
    assert found.code == "SCHEMA003"
    assert found.message == "postal_code must be text, but 01067 is read as the number 1067"
    assert found.hint == 'put the value in quotes: postal_code: "01067"'
    assert found.location is not None
    written = EXAMPLE_TEXT.replace('postal_code: "20457"', "postal_code: 01067").splitlines()
    line = written[found.location.line - 1]
    assert line[found.location.column - 1 : found.location.end_column - 1] == "01067"


def test_empty_section_says_it_is_empty_and_lists_what_it_needs() -> None:
    found = single(
        "payment:\n  methods: [card, paypal, invoice, sepa_direct_debit]\n", "payment:\n  methods:\n"
    )
    assert found.code == "SCHEMA003"
    assert found.message == "methods is empty, but it must be a list"


def test_text_where_a_list_belongs_suggests_brackets() -> None:
    found = single("sells_to: [DE, AT, CH]", "sells_to: DE")
    assert (found.code, found.hint) == ("SCHEMA003", "write a list in brackets: sells_to: [DE]")


def test_invalid_choice_suggests_the_close_choice_and_lists_all() -> None:
    found = single("neighbour, redirect", "neighbor, redirect")
    assert found.code == "SCHEMA004"
    assert found.message == "'neighbor' is not one of the choices for delivery_options[3]"
    assert found.hint is not None and found.hint.startswith("did you mean 'neighbour'? Allowed: home,")


def test_union_alternatives_are_merged_into_one_finding() -> None:
    found = single("holidays: DE-HH", "holidays: XX1")
    assert found.code == "SCHEMA005"
    assert found.message == "'XX1' is not a valid value for holidays"
    assert found.hint is not None and "or 'none'" in found.hint
    assert "string_pattern_mismatch" in (found.detail or "") and "literal_error" in (found.detail or "")


def test_bad_code_format_uses_the_type_description_as_hint() -> None:
    found = single("currency: EUR", "currency: EURO")
    assert (found.code, found.hint) == ("SCHEMA005", "ISO 4217 currency code, e.g. EUR.")


def test_bad_dictionary_key_is_located_at_the_key() -> None:
    found = single("cost: {default: free, AT: 6.95}", "cost: free\n  by_country: {AUT: {cost: free}}")
    assert found.code == "SCHEMA005"
    assert found.message == "'AUT' is not a valid key in returns.by_country"
    assert found.path == ("returns", "by_country", "AUT")


def test_impossible_date_is_an_invalid_format() -> None:
    found = single("until: 2027-01-15", "until: 2027-02-30")
    assert (found.code, found.path) == ("SCHEMA005", ("returns", "seasonal", 0, "until"))
    assert found.message == "'2027-02-30' is not a valid date for until"


def test_number_out_of_range_names_the_limit() -> None:
    found = single("on_time_rate: 0.96", "on_time_rate: 96")
    assert (found.code, found.message) == ("SCHEMA006", "on_time_rate must be at most 1, not 96")


def test_empty_list_needs_an_entry() -> None:
    found = single("methods: [card, paypal, invoice, sepa_direct_debit]", "methods: []")
    assert (found.code, found.message) == ("SCHEMA007", "methods needs at least one entry")


def test_shorthand_value_error_is_used_as_written_without_the_pydantic_prefix() -> None:
    found = single("transit: 2-4", "transit: soon")
    assert found.code == "SCHEMA008"
    assert found.message == "'soon' is not a day range; write a number such as 2 or a range such as 1-3"
    assert "Value error" in (found.detail or "")


def test_shorthand_expansion_is_traced_back_to_the_written_value() -> None:
    found = single("{AT: 7.95, CH: 14.95}", "{AT: 7.95, CH: abc}")
    assert found.code == "SCHEMA008"
    assert found.path == ("shipping", "services", 2, "rate", "CH")
    assert found.location is not None and found.location.line == line_of("      rate: {AT: 7.95, CH: 14.95}")
    assert (found.location.column, found.location.end_column) == (28, 31)


def test_unsupported_version_is_its_own_code() -> None:
    found = single("shop:\n", "version: 2\nshop:\n")
    assert (found.code, found.message) == (
        "SCHEMA009",
        "version 2 is not supported; this shopterms reads version 1",
    )


def test_many_errors_are_reported_at_once_in_file_order() -> None:
    text = (
        EXAMPLE_TEXT.replace("currency: EUR", "currency: EURO")
        .replace("transit: 1-2 ", "trasit: 1-2 ")
        .replace("on_time_rate: 0.96", "on_time_rate: 96")
    )
    found = load_policy_text(text, "p.yaml").diagnostics
    assert [item.code for item in found] == ["SCHEMA005", "SCHEMA001", "SCHEMA006"]
    lines = [item.location.line for item in found if item.location]
    assert lines == sorted(lines)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("currency: EUR", "currency: EURO"),
        ("transit: 1-2 ", "trasit: 1-2 "),
        ('postal_code: "20457"', "postal_code: 01067"),
        ("on_time_rate: 0.96", "on_time_rate: [1]"),
        ("shipping:\n", "shipping: fast\nx:\n"),
    ],
)
def test_every_translated_diagnostic_is_catalogued_located_and_in_our_words(old: str, new: str) -> None:
    for item in broken(old, new):
        assert item.code in CODES_BY_ID
        assert item.severity == CODES_BY_ID[item.code].severity
        assert item.location is not None
        assert "Input should" not in item.message and "Value error" not in item.message
        assert item.hint


def test_absurdly_long_duration_is_a_finding_not_a_crash() -> None:
    found = single("response_within: 24 hours", "response_within: 99999999999 days")
    assert found.code == "SCHEMA008"
    assert "far too long a duration" in found.message and "at most 9999" in found.message
