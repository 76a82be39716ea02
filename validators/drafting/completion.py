"""Asking on a terminal for the required facts no source had, instead of leaving TODO lines.

Each missing fact is asked with the blank-page interview's own question for its place (the seat's
country, the time zone guessed from it, a service's transit days …), with the same default and the
same checks by the loader's model; a place no question covers is asked with the model's description
of the field. Enter on a question without a default leaves the TODO line, so a merchant who does not
know a fact yet still gets the draft.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any, get_origin

from shopterms.policy.diagnostics import YamlPath
from shopterms.policy.drafting.draft import Draft, Fact, Origin
from shopterms.policy.drafting.nested import value_at
from shopterms.policy.drafting.required import missing
from shopterms.policy.model import Policy
from shopterms.policy.model_paths import expectation_at, unwrap
from shopterms.policy.wording import dotted
from shopterms.validators.drafting.interview import ANSWERS_SOURCE, answer_problem, meaning, placed
from shopterms.validators.drafting.questions import INTERVIEW, Group, Question

# ask(question, default, check) -> the accepted answer, or None to leave the TODO line.
Asker = Callable[[Question, Any, Callable[[Any], str | None]], Any]
# Answers the questions' defaults depend on, and where the draft holds each.
ANSWER_PATHS: dict[str, YamlPath] = {
    "country": ("shop", "address", "country"),
    "url": ("shop", "url"),
    "sells_to": ("shop", "sells_to"),
    "languages": ("shop", "languages"),
    "payment_methods": ("payment", "methods"),
}


def complete(draft: Draft, ask: Asker, announce: Callable[[str], None]) -> int:
    """Ask for each required fact the draft lacks, in the model's order; the number answered."""
    asked: set[YamlPath] = set()
    answered = 0
    todos = missing(draft.data())
    if todos:
        announce(
            f"{len(todos)} required fact(s) are in none of the sources. Answer them now; "
            "Enter on a question without a default leaves a TODO line in the file."
        )
    while True:
        data = draft.data()
        todo = next((path for path in _in_model_order(missing(data)) if path not in asked), None)
        if todo is None:
            return answered
        asked.add(todo)
        question, path = question_for(todo, data)
        answers = {key: value_at(data, place) for key, place in ANSWER_PATHS.items()}
        default = question.default_for({key: value for key, value in answers.items() if value is not None})

        def check(value: Any, path: YamlPath = path, data: dict[str, Any] = data) -> str | None:
            return answer_problem(data, path, value)

        value = ask(question, default, check)
        if value is None:
            continue
        for place, stored in placed(path, value, data):
            draft.fill(Fact(place, stored, Origin(ANSWERS_SOURCE, meaning(place), answered=True)))
        answered += 1


def _in_model_order(paths: dict[YamlPath, str]) -> list[YamlPath]:
    """The shop first, then shipping, returns … as the interview asks them (the draft's own order is
    the order its sources came in)."""
    sections = list(Policy.model_fields)
    return sorted(
        paths, key=lambda path: sections.index(str(path[0])) if path[0] in sections else len(sections)
    )


def question_for(todo: YamlPath, data: dict[str, Any]) -> tuple[Question, YamlPath]:
    """The interview's question for a missing fact and the place its answer goes (a missing section is
    asked by its first required question: `shipping.handling` by the handling days)."""
    for item in INTERVIEW:
        if isinstance(item, Group):
            found = _in_group(item, todo, data)
            if found is not None:
                return found
        elif item.path[: len(todo)] == todo and (item.required or item.path == todo):
            return item, item.path
    return _described(todo), todo


def _in_group(group: Group, todo: YamlPath, data: dict[str, Any]) -> tuple[Question, YamlPath] | None:
    size = len(group.path)
    if todo[:size] != group.path or len(todo) <= size + 1 or not isinstance(todo[size], int):
        return None
    index, rest = todo[size], todo[size + 1 :]
    for question in group.items:
        if question.path[: len(rest)] == rest and (question.required or question.path == rest):
            item = value_at(data, (*group.path, index)) or {}
            name = item.get("name") or item.get("id") if isinstance(item, dict) else None
            prompt = f"{question.prompt} for {name}" if name else question.prompt
            return replace(question, prompt=prompt), (*group.path, index, *question.path)
    return None


def _described(path: YamlPath) -> Question:
    """A question from the model itself, for a place the interview does not ask about."""
    where = expectation_at(path)
    annotation, _ = unwrap(where.annotation)
    kind = "text"
    if get_origin(annotation) is list:
        kind = "list"
    elif annotation is bool:
        kind = "yes-no"
    elif annotation in (int, float, Decimal):
        kind = "number"
    prompt = (where.field_description or dotted(path)).rstrip(".")
    return Question(dotted(path), path, f"{prompt} ({dotted(path)})", kind=kind)
