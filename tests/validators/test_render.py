"""Renderers: the caret sits under the span whatever the line holds (tabs, wide or control characters)."""

from __future__ import annotations

from shopterms.policy.diagnostics import Diagnostic, Location
from shopterms.validators.render import RENDERERS_BY_NAME, full


def finding(location: Location | None, hint: str | None = "fix it") -> Diagnostic:
    return Diagnostic("SCHEMA005", "error", "bad value", "p.yaml", ("a",), location, hint)


def caret_line(source: str, location: Location) -> str:
    lines = full.render([finding(location)], {"p.yaml": source}).splitlines()
    return next(line for line in lines if "^" in line)


def test_full_shows_context_line_source_line_caret_and_help() -> None:
    out = full.render([finding(Location(2, 6, 2, 9))], {"p.yaml": "x: 1\na:   bad\n"})
    assert out == (
        "p.yaml:2:6: error[SCHEMA005] bad value\n"
        "  |\n"
        "1 | x: 1\n"
        "2 | a:   bad\n"
        "  |      ^^^\n"
        "  |\n"
        "help: fix it\n"
    )


def test_caret_accounts_for_wide_characters_before_the_span() -> None:
    assert caret_line("名前: bad\n", Location(1, 5, 1, 8)) == "  |       ^^^"


def test_caret_accounts_for_tabs_and_control_characters() -> None:
    assert caret_line("a:\tb\x00c\n", Location(1, 6, 1, 7)) == "  |         ^"


def test_multi_line_span_underlines_the_rest_of_its_first_line() -> None:
    assert caret_line("s:\n  - id: x   \n    to: y\n", Location(2, 5, 3, 10)) == "  |     ^^^^^"


def test_span_past_the_end_of_the_line_still_gets_one_caret() -> None:
    assert caret_line("a: b\n", Location(1, 5, 1, 6)) == "  |     ^"


def test_finding_without_a_place_or_source_is_headline_and_help() -> None:
    out = full.render([finding(None)], {"p.yaml": None})
    assert out == "p.yaml: error[SCHEMA005] bad value\nhelp: fix it\n"


def test_every_renderer_accepts_an_empty_list() -> None:
    for name, render in RENDERERS_BY_NAME.items():
        assert isinstance(render([], {}), str), name
