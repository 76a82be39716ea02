"""Tool-error texts in our words: which argument is wrong, and what the tool accepts instead.

A model reads these and corrects its call, so each names the parameter, says what was wrong with the
value, and repeats what the parameter takes (its description and an example) from the input schema.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from shopterms.policy.answers import NotPublishedError
from shopterms.policy.errors import NotCoveredError, QueryError, listing, suggest

# Longer lists of choices (every country code) are described in the message instead of spelled out.
_MAX_LISTED = 40
# JSON type names, by the Python type of a decoded value and by the JSON Schema keyword.
_GIVEN = {
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    list: "an array",
    dict: "an object",
}
_WANTED = {"string": "a string", "integer": "an integer", "number": "a number", "boolean": "a boolean"}


def explain_query_error(error: QueryError) -> str:
    """A question the engine refused: the parameter, the reason, and the allowed values when few."""
    if isinstance(error, NotPublishedError):
        # Not the caller's mistake: the shop's file has no such section, and no argument changes that.
        return f"Not published: {error.message}; get_policy_summary shows which sections exist."
    if "." in error.field:
        # A part of the policy (shipping.closed), not an argument: no other call gets an answer either.
        return f"The shop's terms cannot answer this: {error.message}"
    if isinstance(error, NotCoveredError):
        text, label = f"Not covered by these terms, argument '{error.field}': {error.message}", "Covered"
    else:
        text, label = f"Invalid argument '{error.field}': {error.message}", "Allowed values"
    shown = listing(error.allowed)
    if error.allowed and len(error.allowed) <= _MAX_LISTED and shown not in error.message:
        text += f" {label}: {shown}."
    return text


def explain_unknown_arguments(tool: str, unknown: list[str], accepted: tuple[str, ...]) -> str:
    """Arguments the tool does not take: silently dropping `zip` would answer another question."""
    named = ", ".join(f"'{name}'" for name in unknown)
    hints = "".join(suggest(name, accepted) for name in unknown)
    if not accepted:
        return f"Invalid arguments for {tool}: it takes no arguments, but was given {named}."
    verb = "is not a parameter" if len(unknown) == 1 else "are not parameters"
    return f"Invalid arguments for {tool}: {named} {verb}.{hints} Accepted parameters: {', '.join(accepted)}."


def explain_arguments(tool: str, error: ValidationError, input_schema: Mapping[str, Any]) -> str:
    """Arguments that do not fit the tool's input schema (missing, or of the wrong JSON type)."""
    properties: Mapping[str, Any] = input_schema.get("properties", {})
    problems = []
    for item in error.errors():
        name = str(item["loc"][0]) if item["loc"] else "arguments"
        if item["type"] == "missing":
            problem = f"'{name}' is required"
        else:
            given = _GIVEN.get(type(item["input"]), "null")
            problem = f"'{name}' must be {_expected(properties.get(name, {}))}, not {given}"
        problems.append(problem + _accepts(properties.get(name, {})))
    return (
        f"Invalid arguments for {tool}: "
        + " ".join(problems)
        + f" Accepted parameters: {', '.join(properties)}."
    )


def _expected(schema: Mapping[str, Any]) -> str:
    # An optional parameter is `anyOf: [{type: string}, {type: null}]`; null means "leave it out" to a model.
    kinds = (
        [schema.get("type")] if "type" in schema else [part.get("type") for part in schema.get("anyOf", [])]
    )
    words = [_WANTED.get(kind, "a value") for kind in kinds if kind and kind != "null"]
    return " or ".join(dict.fromkeys(words)) or "a value"


def _accepts(schema: Mapping[str, Any]) -> str:
    description = schema.get("description")
    if not description:
        return "."
    examples = schema.get("examples") or []
    example = f" Example: {examples[0]!r}." if examples else ""
    return f" ({description.rstrip('.')}).{example}"
