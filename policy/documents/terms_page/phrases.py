"""The wording of the terms page, by language; a language without wording falls back to English."""

from __future__ import annotations

from shopterms.policy.documents.terms_page import phrases_de, phrases_en

PHRASES_BY_LANGUAGE = {"de": phrases_de.PHRASES, "en": phrases_en.PHRASES}
CODES_BY_LANGUAGE = {"de": phrases_de.CODES, "en": phrases_en.CODES}
FALLBACK_LANGUAGE = "en"


def primary_subtag(tag: str) -> str:
    return tag.split("-")[0].lower()


def has_wording(tag: str) -> bool:
    return primary_subtag(tag) in PHRASES_BY_LANGUAGE


class Phrases:
    """Sentences and code labels in one language."""

    def __init__(self, tag: str) -> None:
        language = primary_subtag(tag) if has_wording(tag) else FALLBACK_LANGUAGE
        self.language = language
        self._phrases = PHRASES_BY_LANGUAGE[language]
        self._codes = CODES_BY_LANGUAGE[language]

    def __call__(self, key: str, **values: object) -> str:
        return self._phrases[key].format(**values)

    def template(self, key: str) -> str:
        """The sentence with its `{placeholders}` unfilled, for values that are markup."""
        return self._phrases[key]

    def count(self, key: str, amount: str, one: bool = False) -> str:
        """`count("days", "14")` → "14 days"; the singular form only when `one` says the amount is one."""
        return self._phrases[f"{key}.{'one' if one else 'other'}"].format(n=amount)

    def code(self, group: str, code: str) -> str:
        """The label of a policy code; unknown codes (custom: names) are shown as written."""
        return self._codes.get(group, {}).get(code, code.removeprefix("custom:"))
