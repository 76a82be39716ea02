"""Time-zone names are checked against the database's list before any zone file is opened."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopterms.policy.loader import load_policy_text
from shopterms.policy.time_zones import is_zone_name, zone_names, zone_or_none
from tests.conftest import EXAMPLES_DIR

EXAMPLE = (EXAMPLES_DIR / "nordlicht-mode.yaml").read_text(encoding="utf-8")
HOSTILE_NAMES = [
    "A" * 300,  # "file name too long" when opened
    "Europe/" + "ä" * 200,
    "Europe/" + "/".join(["x" * 250] * 3),
    "../../../../etc/passwd",
    "/etc/localtime",
    "Europe/Berlin\x00",
    "localtime",
    "",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=lambda name: repr(name[:20]))
def test_an_unlisted_zone_name_is_a_located_schema_error_not_an_internal_fault(name: str) -> None:
    text = EXAMPLE.replace("timezone: Europe/Berlin", f"timezone: {name!r}".replace("'", '"'))
    assert text != EXAMPLE
    result = load_policy_text(text, "shop.yaml")
    [problem] = result.diagnostics
    assert problem.code == "SCHEMA008", problem
    assert problem.path == ("shop", "timezone") and problem.location is not None
    assert "is not an IANA time zone" in problem.message and len(problem.message) < 120


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=lambda name: repr(name[:20]))
def test_an_unlisted_name_is_no_zone_without_a_look_up(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_file_access(*_: object, **__: object) -> None:
        raise AssertionError("a zone file was opened")

    zone_names()  # the list itself is read once, from the tzdata package

    monkeypatch.setattr(Path, "open", no_file_access)
    monkeypatch.setattr("builtins.open", no_file_access)
    assert not is_zone_name(name)
    assert zone_or_none(name) is None


@pytest.mark.parametrize("name", ["Europe/Berlin", "America/Argentina/ComodRivadavia", "UTC", "Etc/GMT+5"])
def test_listed_zone_names_are_zones(name: str) -> None:
    zone = zone_or_none(name)
    assert zone is not None and zone.key == name
