"""docs/rules.md is generated from the catalogue; it must match, and every entry must be complete."""

from __future__ import annotations

from pathlib import Path

from shopterms.policy.codes import docs_anchor
from shopterms.validators.catalogue import load_catalogue, rules_markdown

RULES_DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_rules_doc_matches_the_catalogue() -> None:
    assert RULES_DOC.read_text(encoding="utf-8") == rules_markdown(load_catalogue()), (
        "docs/rules.md is out of date; run: python scripts/generate_rules_doc.py"
    )


def test_every_code_has_a_heading_matching_its_json_anchor() -> None:
    text = RULES_DOC.read_text(encoding="utf-8")
    for info in load_catalogue().values():
        assert f"\n### {info.code} {info.name}\n" in text
        assert f"(#{docs_anchor(info)})" in text


def test_every_loader_entry_says_what_why_and_gives_an_example_and_a_fix() -> None:
    for info in load_catalogue().values():
        if info.code.startswith(("YAML", "SCHEMA")):
            assert info.summary and info.why and info.example and info.instead, info.code
            assert info.name == info.name.lower() and " " not in info.name
