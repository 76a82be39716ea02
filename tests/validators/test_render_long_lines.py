"""A finding on a very long line shows the part of the line around it, with the caret under the span."""

from __future__ import annotations

from shopterms.policy.diagnostics import Diagnostic, Location
from shopterms.validators.render import full

DAYS = ", ".join(f"2030-01-{i % 28 + 1:02d}" for i in range(2000))
SOURCE = f"shipping:\n  closed: [{DAYS}]\n"


def _finding(column: int) -> Diagnostic:
    return Diagnostic("SHIP011", "warning", "overlap", "f.yaml", location=Location(2, column, 2, column + 10))


def test_the_shown_part_of_a_long_line_is_short_and_the_caret_is_under_the_span() -> None:
    column = SOURCE.splitlines()[1].index("2030-01-17", 5000) + 1
    block = full.render([_finding(column)], {"f.yaml": SOURCE})
    lines = block.splitlines()
    shown, caret = lines[3], lines[4]
    assert max(len(line) for line in lines) < 200
    assert shown.startswith("2 | …") and shown.endswith("…")
    start = caret.index("^")
    assert shown[start : start + 10] == "2030-01-17" and caret.count("^") == 10


def test_a_short_line_of_context_is_shown_whole() -> None:
    block = full.render([_finding(5000)], {"f.yaml": SOURCE})
    assert "1 | shipping:" in block.splitlines()


def test_thousands_of_findings_on_one_line_each_show_only_their_part() -> None:
    findings = [_finding(column) for column in range(100, 30000, 15)]
    rendered = full.render(findings, {"f.yaml": SOURCE})
    assert len(rendered) < 400 * len(findings)
