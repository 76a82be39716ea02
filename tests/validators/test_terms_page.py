"""Pieces of the terms page: wording per language, locale formats and safe markup."""

from __future__ import annotations

import datetime as dt

import pytest

from shopterms.policy.documents.markup import element, fill, link
from shopterms.policy.documents.terms_page.formatter import Formatter
from shopterms.policy.documents.terms_page.phrases import CODES_BY_LANGUAGE, PHRASES_BY_LANGUAGE, Phrases
from shopterms.policy.model.common import DayRange


def test_every_language_has_the_same_sentences_and_code_labels() -> None:
    reference = PHRASES_BY_LANGUAGE["en"]
    for language, phrases in PHRASES_BY_LANGUAGE.items():
        assert phrases.keys() == reference.keys(), language
        for group, labels in CODES_BY_LANGUAGE["en"].items():
            assert CODES_BY_LANGUAGE[language][group].keys() == labels.keys(), (language, group)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("de", "Mo.\u2013Fr., So."), ("en", "Mon\u2013Fri, Sun"), ("de-CH", "Mo.\u2013Fr., So.")],
)
def test_weekdays_are_runs_and_single_days_in_the_locale(tag: str, expected: str) -> None:
    fmt = Formatter(tag, "EUR", Phrases(tag))
    assert fmt.weekday_names(["mon", "tue", "wed", "thu", "fri", "sun"]) == expected


def test_day_counts_take_the_singular_only_for_exactly_one() -> None:
    german = Formatter("de", "EUR", Phrases("de"))
    assert german.days(DayRange(min=1, max=1)) == "1 Werktag"
    assert german.days(DayRange(min=0, max=1)) == "0\u20131 Werktagen"
    assert Formatter("en", "EUR", Phrases("en")).days(DayRange(min=2, max=2)) == "2 business days"


def test_hours_are_read_into_lines_or_shown_as_written() -> None:
    fmt = Formatter("en", "EUR", Phrases("en"))
    assert fmt.hours("Mo-Fr 09:00-18:00; PH off") == [
        "Mon\u2013Fri 9:00\u202fAM\u20136:00\u202fPM",
        "public holidays: closed",
    ]
    assert fmt.hours("Jan-Mar Mo-Fr 09:00-12:00") == ["Jan-Mar Mo-Fr 09:00-12:00"]
    assert Formatter("de", "EUR", Phrases("de")).time(dt.time(14)) == "14:00"


def test_unknown_language_falls_back_to_english_wording() -> None:
    assert Phrases("fr")("section.returns") == "Returns"


def test_text_is_escaped_and_markup_is_kept() -> None:
    assert element("p", "<b>&", class_="x") == '<p class="x">&lt;b&gt;&amp;</p>'
    assert element("a", "x", href='"><script>') == '<a href="&quot;&gt;&lt;script&gt;">x</a>'
    assert fill("before {body} & after", body=link("https://e.example", "E")) == (
        'before <a href="https://e.example">E</a> &amp; after'
    )
