"""Every rule has a complete catalogue entry under a code of its pack's families."""

from __future__ import annotations

import re

from shopterms.policy.codes import CODES_BY_ID
from shopterms.validators.rules.registry import RULES_BY_PACK
from shopterms.validators.rules.selection import PACK_NAMES

FAMILIES_BY_PACK = {
    "core": ("SHIP", "RET", "PAY", "SUP", "LEG", "DRAFT"),
    "eu": ("EU",),
    "de": ("DE",),
    "uk": ("UK",),
    "us": ("US",),
}


def test_every_pack_has_rules_and_a_family() -> None:
    assert sorted(RULES_BY_PACK) == sorted(PACK_NAMES) == sorted(FAMILIES_BY_PACK)
    assert all(RULES_BY_PACK.values())


def test_rule_codes_belong_to_their_pack_and_are_registered_once() -> None:
    codes = [rule.code for rules in RULES_BY_PACK.values() for rule in rules]
    assert len(codes) == len(set(codes))
    for pack, rules in RULES_BY_PACK.items():
        for rule in rules:
            assert re.fullmatch(rf"(?:{'|'.join(FAMILIES_BY_PACK[pack])})\d{{3}}", rule.code)
            assert CODES_BY_ID[rule.code] == rule.info
            assert rule.info.packs == (pack,)


def test_every_entry_says_what_why_and_shows_an_example_and_a_fix() -> None:
    names = [rule.info.name for rules in RULES_BY_PACK.values() for rule in rules]
    for rules in RULES_BY_PACK.values():
        for rule in rules:
            info = rule.info
            assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", info.name), info.code
            assert info.summary.endswith(".") and info.why.endswith("."), info.code
            assert info.example and info.instead and info.example != info.instead, info.code
    assert len(names) == len(set(names))


def test_rule_names_are_unique_in_the_whole_catalogue() -> None:
    from shopterms.validators.catalogue import load_catalogue

    names = [info.name for info in load_catalogue().values()]
    assert len(names) == len(set(names))
