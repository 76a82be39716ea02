"""Core checks of a file drafted by `shopterms init` (DRAFT###): TODO lines left behind.

A TODO line stands where a required value was missing; while the value is missing the loader reports
the line as DRAFT001. Once the file is valid, a TODO line still in it no longer marks anything to do.
"""

from __future__ import annotations

from collections.abc import Iterator

from shopterms.policy.diagnostics import CodeInfo
from shopterms.policy.todos import todo_lines
from shopterms.policy.wording import dotted
from shopterms.validators.rules.rule import Finding, Rule, RuleInput, collect

RULES: list[Rule] = []
rule = collect(RULES, "core")


@rule(
    CodeInfo(
        code="DRAFT002",
        name="todo-line-kept",
        severity="warning",
        summary="A `# TODO` line that `shopterms init` wrote is still in a file that no longer lacks "
        "its value.",
        why="The line says a fact is still missing. Once the value is written (or its section is dropped), "
        "the line misleads whoever edits the file next and hides a real gap among stale ones.",
        example="shop:\n  timezone: Europe/Berlin\n  # TODO shop.timezone: IANA time zone of the warehouse",
        instead="shop:\n  timezone: Europe/Berlin",
    )
)
def todo_line_kept(given: RuleInput) -> Iterator[Finding]:
    for path, location in todo_lines(given.source).items():
        name = dotted(path)
        if given.written(path):
            message = f"the TODO line for {name} is still here, but {name} is written"
            hint = "check the value, then delete the TODO line"
        else:
            message = f"the TODO line for {name} is still here, but the file is complete without it"
            hint = "delete the TODO line, or write the value if it belongs in the file"
        yield Finding(path, message, hint=hint, location=location)
