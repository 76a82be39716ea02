"""Running the questions: on a terminal (each answer checked at once, asked again when wrong), or from
given answers (an answers file, --set) with the defaults for the rest.

Every answer is checked by `policy.drafting.checking`, i.e. by the loader's own model, parsers and
messages, at the place it will have in the policy; a wrong answer is never written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from shopterms.policy.diagnostics import YamlPath
from shopterms.policy.drafting.checking import problems_at
from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.nested import put_at, with_value
from shopterms.policy.model_paths import expectation_at
from shopterms.validators.drafting.questions import INTERVIEW, Answers, Group, Question

# A number typed at a prompt: digits, with a decimal point or comma.
_NUMBER = re.compile(r"^[0-9]+(?:[.,][0-9]+)?$")

# The support questions fill channels of a fixed type: the first e-mail, the second phone.
CHANNEL_TYPES = {0: "email", 1: "phone"}
SECTION_TITLES = {
    "shop": "The shop",
    "shipping": "Shipping",
    "returns": "Returns",
    "payment": "Payment",
    "support": "Support",
    "legal": "Legal pages",
}
ANSWERS_SOURCE = "answers"


class AnswerError(ValueError):
    """Given answers that cannot be used: which question, and what is wrong (the loader's words)."""


# ask(question, default_text, check) -> the accepted answer (already converted), or None when skipped.
Asker = Callable[[Question, Any, Callable[[Any], str | None]], Any]
Confirm = Callable[[str], bool]


@dataclass
class Interview:
    given: Answers = field(default_factory=dict)
    ask: Asker | None = None
    confirm: Confirm | None = None
    announce: Callable[[str], None] = lambda title: None
    answers: Answers = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    out: SourceDraft = field(default_factory=lambda: SourceDraft(ANSWERS_SOURCE, answered=True))
    missing: list[str] = field(default_factory=list)
    only_given: bool = False  # take the given answers only: no defaults, nothing asked or missed

    def run(self) -> SourceDraft:
        section = None
        for item in INTERVIEW:
            head = item.path[0]
            if item.when(self.answers) and head != section:
                section = str(head)
                self.announce(SECTION_TITLES.get(section, section))
            if isinstance(item, Group):
                self._group(item)
            elif item.when(self.answers):
                self._question(item, item.path, item.key, self.given.get(item.key, _UNSET))
        if self.missing and not self.only_given:
            raise AnswerError(f"no answer for: {', '.join(self.missing)} (these have no default)")
        return self.out

    def _group(self, group: Group) -> None:
        given = self.given.get(group.key, _UNSET)
        if given is not _UNSET:
            if not isinstance(given, list) or not all(isinstance(entry, dict) for entry in given):
                raise AnswerError(f"{group.key}: write a list of mappings, one per item")
            for index, entry in enumerate(given):
                self._item(group, index, entry)
            return
        if self.only_given:
            return
        index = 0
        while True:
            self._item(group, index, {})
            index += 1
            if self.ask is None or self.confirm is None or not self.confirm(group.prompt_more):
                return

    def _item(self, group: Group, index: int, entry: dict[str, Any]) -> None:
        for question in group.items:
            key = f"{group.key}[{index}].{question.key}"
            default = question if index == 0 else _without_default(question)
            self._question(
                default, (*group.path, index, *question.path), key, entry.get(question.key, _UNSET)
            )

    def _question(self, question: Question, path: YamlPath, key: str, given: Any) -> None:
        default = question.default_for(self.answers)
        if isinstance(default, list) and not default:
            default = None

        def check(value: Any) -> str | None:
            return self._problem(path, value)

        if given is _UNSET and self.only_given:
            return
        if given is not _UNSET:
            value = convert(question, given)
            problem = check(value) if value is not None else None
            if problem:
                raise AnswerError(f"{key}: {problem}")
        elif self.ask is not None:
            value = self.ask(question, default, check)
        else:
            value = default
        if value is None:
            if question.required:
                self.missing.append(key)
            return
        self.answers[question.key] = value
        note = None
        if given is _UNSET and value == default and question.why:
            note = f"default: {question.why}"
        for place, stored in placed(path, value, self.data):
            put_at(self.data, place, stored)
            self.out.add(place, stored, meaning(place), note if place == path else None)

    def _problem(self, path: YamlPath, value: Any) -> str | None:
        return answer_problem(self.data, path, value)


def answer_problem(data: dict[str, Any], path: YamlPath, value: Any) -> str | None:
    """The loader's first finding about an answer placed at `path` of `data`, with its hint."""
    for place, stored in placed(path, value, data)[:-1]:
        data = with_value(data, place, stored)
    found = problems_at(data, path[:3] if _is_channel(path) else path, _channel(data, path, value))
    if not found:
        return None
    item = found[0]
    return item.message + (f" ({item.hint})" if item.hint else "")


class _Unset:
    pass


_UNSET: Any = _Unset()


def _without_default(question: Question) -> Question:
    from dataclasses import replace

    return replace(question, default=None) if question.key == "id" else question


def _is_channel(path: YamlPath) -> bool:
    return path[:2] == ("support", "channels") and len(path) == 4 and isinstance(path[2], int)


def placed(path: YamlPath, value: Any, data: dict[str, Any]) -> list[tuple[YamlPath, Any]]:
    """Support answers go into a channel of their type; everything else where the question says."""
    if not _is_channel(path):
        return [(path, value)]
    channels = data.get("support", {}).get("channels", [])
    index = path[2]
    assert isinstance(index, int)
    typed = index < len(channels) and isinstance(channels[index], dict) and "type" in channels[index]
    return ([] if typed else [((*path[:3], "type"), CHANNEL_TYPES[index])]) + [(path, value)]


def _channel(data: dict[str, Any], path: YamlPath, value: Any) -> Any:
    """For a channel answer: the whole channel with the answer in it, checked as one."""
    if not _is_channel(path):
        return value
    channels = data.get("support", {}).get("channels", [])
    index = path[2]
    assert isinstance(index, int)
    current = dict(channels[index]) if index < len(channels) and isinstance(channels[index], dict) else {}
    current.setdefault("type", CHANNEL_TYPES[index])
    return {**current, path[3]: value}


def meaning(path: YamlPath) -> str:
    """What the key means (the model's own description), as the comment beside the answer."""
    description = expectation_at(path).field_description or ""
    return description.rstrip(".")


def convert(question: Question, value: Any) -> Any:
    """An answer as policy data: blank is no answer, lists split on commas, yes/no as booleans, numbers as
    numbers (the model takes no number written as text, just as the file takes none in quotes)."""
    if isinstance(value, str):
        value = value.strip()
        if value == "":
            return None
        if question.kind == "list":
            return [part.strip() for part in value.split(",") if part.strip()]
        if question.kind == "yes-no":
            lowered = value.lower()
            if lowered in ("y", "yes", "true", "j", "ja"):
                return True
            if lowered in ("n", "no", "false", "nein"):
                return False
        if question.kind == "number" and _NUMBER.match(value):
            number = float(value.replace(",", "."))
            return int(number) if number.is_integer() else number
    if question.kind == "list" and value is not None and not isinstance(value, list):
        return [value]
    return value
