"""Diagnostics and scores link documentation the user has: the installed pages, or a base address set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from shopterms.policy.codes import CODES_BY_ID, docs_anchor
from shopterms.validators.cli import main
from shopterms.validators.docs_links import DOCS_URL_VARIABLE, docs_url, installed_docs
from tests.conftest import EXAMPLES_DIR

BROKEN = EXAMPLES_DIR / "invalid" / "SCHEMA005-invalid-format.yaml"


def _page(url: str) -> Path:
    assert url.startswith("file://")
    return Path(url.removeprefix("file://").partition("#")[0])


def test_the_default_link_is_an_installed_page_that_has_the_anchor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DOCS_URL_VARIABLE, raising=False)
    info = CODES_BY_ID["SCHEMA005"]
    url = docs_url("rules.md", docs_anchor(info))
    assert _page(url) == installed_docs() / "rules.md"
    assert f"### {info.code} {info.name}" in _page(url).read_text(encoding="utf-8")


def test_a_base_address_replaces_the_installed_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DOCS_URL_VARIABLE, "https://github.com/acme/shop-terms/blob/main/docs/")
    assert (
        docs_url("rules.md", "eu001-x")
        == "https://github.com/acme/shop-terms/blob/main/docs/rules.md#eu001-x"
    )


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_validate_output_links_the_installed_rules_page(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DOCS_URL_VARIABLE, raising=False)
    result = CliRunner().invoke(main, ["validate", "--format", fmt, str(BROKEN)])
    text = result.stdout
    links = [value for value in _strings(json.loads(text)) if "rules.md" in value]
    assert links and all(_page(link).is_file() for link in links)


def test_score_names_the_installed_criteria_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DOCS_URL_VARIABLE, raising=False)
    result = CliRunner().invoke(main, ["score", str(EXAMPLES_DIR / "kleinkram.yaml"), "--format", "json"])
    assert _page(json.loads(result.stdout)["docs"]) == installed_docs() / "score.md"


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []
