"""Our words for YAML syntax errors: the parser's problem text is matched to a message and a hint.

The parser's own text goes to `detail` only. Unmatched problems get a general message; the location
still points at the place where the parser stopped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ruamel.yaml.error import MarkedYAMLError

from shopterms.policy.locate import source_lines


@dataclass(frozen=True)
class SyntaxProblem:
    code: str
    message: str
    hint: str
    # Where to point: the parser's problem mark (default) or the context mark (where the construct began).
    at_context: bool = False


_CANNOT_START = re.compile(r"found character '(.+)' that cannot start any token")


def describe(error: MarkedYAMLError, text: str) -> SyntaxProblem:
    problem = error.problem or ""
    context = error.context or ""
    context_line = error.context_mark.line + 1 if error.context_mark is not None else None
    if "\\t" in problem or "tab" in problem:
        return _tab(error, text)
    if "mapping values are not allowed here" in problem:
        return SyntaxProblem(
            "YAML001",
            "a ':' appears where no key can start",
            "put a value containing ': ' in quotes; otherwise check that the line above is 'key: value'",
        )
    if "could not find expected ':'" in problem:
        return SyntaxProblem(
            "YAML001", "this key is missing its ':'", "write 'key: value', with a space after the colon", True
        )
    if "unexpected end of stream" in problem and "quoted" in context:
        return SyntaxProblem(
            "YAML001",
            "this quoted value is never closed",
            "add the closing quote at the end of the value",
            True,
        )
    if "unknown escape character" in problem:
        return SyntaxProblem(
            "YAML001",
            "this double-quoted value contains an unknown escape sequence",
            "write a backslash as \\\\ or put the value in single quotes",
        )
    if "flow sequence" in context:
        return SyntaxProblem(
            "YAML001",
            f"the list opened with '[' on line {context_line} is not closed properly",
            "separate the items with commas and close the list with ']'",
        )
    if "flow mapping" in context:
        return SyntaxProblem(
            "YAML001",
            f"the mapping opened with '{{' on line {context_line} is not closed properly",
            "separate the entries with commas and close the mapping with '}'",
        )
    match = _CANNOT_START.search(problem)
    if match:
        return SyntaxProblem(
            "YAML001",
            f"a value cannot start with '{match.group(1)}' unless it is quoted",
            "put the whole value in quotes",
        )
    if "alias" in context or "anchor" in context:
        return SyntaxProblem(
            "YAML001",
            "'*' and '&' start YAML aliases and anchors and must be followed by a name",
            "put a value that starts with * or & in quotes",
        )
    if "expected <block end>" in problem or "expected key" in problem or "'-' indicator" in problem:
        if _text_before(error, text):
            return SyntaxProblem(
                "YAML001",
                "unexpected text after the value on this line",
                "put the whole value in quotes, or move the rest to its own line",
            )
        return SyntaxProblem(
            "YAML001",
            "this line is indented differently from the lines around it",
            "keys of one mapping, and items of one list, must start in the same column",
        )
    if "mapping keys are not allowed here" in problem:
        return SyntaxProblem("YAML001", "a '?' cannot start a value here", "put the value in quotes")
    return SyntaxProblem(
        "YAML001",
        "the YAML syntax is broken here",
        "check the indentation and the quoting of this line and of the line above",
    )


def _tab(error: MarkedYAMLError, text: str) -> SyntaxProblem:
    if _text_before(error, text):
        return SyntaxProblem(
            "YAML002", "a tab separates this value from what comes before it", "replace the tab with a space"
        )
    return SyntaxProblem(
        "YAML002", "this line is indented with a tab", "indent with spaces only, two per level of nesting"
    )


def _text_before(error: MarkedYAMLError, text: str) -> bool:
    """Whether anything but spaces and tabs stands before the problem on its line."""
    mark = error.problem_mark
    if mark is None:
        return False
    lines = source_lines(text)
    if not 0 <= mark.line < len(lines):
        return False
    return bool(lines[mark.line][: mark.column].strip(" \t"))
