"""A page's stated time zone is looked up only when the time-zone database lists it."""

from __future__ import annotations

import pytest

from shopterms.policy.jsonld import compile_policy, dumps
from shopterms.policy.loader import read_policy
from shopterms.validators.compare.markup import read_jsonld_document
from shopterms.validators.compare.page_record import record_from_page
from tests.conftest import EXAMPLES_DIR

COMPILED = dumps(compile_policy(read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml")))


@pytest.mark.parametrize("zone", ["A" * 300, "Europe/" + "ö" * 200, "../../../../etc/passwd"])
def test_a_page_naming_no_real_zone_is_compared_without_computed_dates(zone: str) -> None:
    text = COMPILED.replace('"Europe/Berlin"', f'"{zone}"')
    page, notes = read_jsonld_document(text, "hostile.jsonld")
    record = record_from_page(page, "DE", "2026-03-09T10:00:00+01:00", notes)
    assert record.source.kind == "page"
    notes_said = " ".join(str(fact) for fact in record.delivery.model_dump().values())
    assert "not an IANA time zone" in notes_said
