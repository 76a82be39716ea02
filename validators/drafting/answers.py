"""Answers given without a terminal: a YAML file of answers by question key, and --set KEY=VALUE."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shopterms.policy.document import read_document
from shopterms.policy.wording import did_you_mean
from shopterms.validators.drafting.questions import QUESTIONS_BY_KEY


class AnswersError(ValueError):
    """Answers that cannot be read: the file or key, and what is wrong."""


def _known(key: str, where: str) -> None:
    if key not in QUESTIONS_BY_KEY:
        hint = did_you_mean(key, list(QUESTIONS_BY_KEY))
        raise AnswersError(f"{where}: '{key}' is no question of init" + (f"; {hint}" if hint else ""))


def read_answers(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise AnswersError(f"{path}: cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise AnswersError(f"{path}: is not UTF-8 text") from None
    document = read_document(text, str(path))
    if document.diagnostics:
        first = document.diagnostics[0]
        raise AnswersError(first.headline)
    if not isinstance(document.data, dict):
        raise AnswersError(f"{path}: write the answers as a mapping of question keys to answers")
    for key in document.data:
        _known(str(key), str(path))
    return dict(document.data)


def read_settings(settings: tuple[str, ...]) -> dict[str, Any]:
    given: dict[str, Any] = {}
    for setting in settings:
        key, sep, value = setting.partition("=")
        if not sep:
            raise AnswersError(f"--set {setting}: write KEY=VALUE, e.g. --set country=DE")
        _known(key.strip(), "--set")
        given[key.strip()] = value
    return given
