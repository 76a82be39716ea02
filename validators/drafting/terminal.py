"""Asking on a terminal: one prompt per question with its default, the answer checked at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from shopterms.validators.drafting.interview import convert
from shopterms.validators.drafting.questions import Question


def shown_default(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def ask(
    question: Question, default: Any, check: Callable[[Any], str | None], leave_todo: bool = False
) -> Any:
    """Prompt until the answer passes the loader's checks; blank takes the default or skips. With
    `leave_todo`, blank on a required question without a default leaves it unanswered (a TODO line)."""
    skippable = not question.required or (leave_todo and default is None)
    text = question.prompt + ("" if question.required else " (optional)")
    if leave_todo and question.required and default is None:
        text += " (Enter leaves a TODO)"
    if question.kind == "yes-no":
        return click.confirm(text, default=bool(default))

    def accept(raw: str) -> Any:
        value = convert(question, raw)
        if value is None:
            if not skippable:
                raise click.UsageError("an answer is needed here")
            return None
        problem = check(value)
        if problem:
            raise click.UsageError(problem)
        return value

    shown = shown_default(default)
    return click.prompt(
        text,
        default=shown if shown is not None else ("" if skippable else None),
        show_default=shown is not None,
        value_proc=accept,
        err=True,
    )


def confirm(text: str) -> bool:
    return click.confirm(text, default=False, err=True)


def announce(title: str) -> None:
    click.secho(f"\n{title}", bold=True, err=True)
