"""`estimate` and `deadline` refuse dates outside the supported range as usage errors naming the range."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from shopterms.policy.supported_dates import RANGE_TEXT
from shopterms.validators.cli import main
from tests.conftest import EXAMPLES_DIR

NORDLICHT = str(EXAMPLES_DIR / "nordlicht-mode.yaml")


@pytest.mark.parametrize(
    ("arguments", "option"),
    [
        (["estimate", NORDLICHT, "--to", "DE", "--at", "9999-12-31T23:59+14:00"], "'--at'"),
        (["estimate", NORDLICHT, "--to", "DE", "--at", "1969-12-31T12:00+00:00"], "'--at'"),
        (["deadline", NORDLICHT, "--country", "DE", "--delivered", "9999-12-31"], "'--delivered'"),
        (
            [
                "deadline",
                NORDLICHT,
                "--country",
                "DE",
                "--delivered",
                "2026-12-11",
                "--ordered",
                "0001-01-01",
            ],
            "'--ordered'",
        ),
    ],
)
def test_a_date_outside_the_range_exits_2_naming_the_option_and_the_range(
    arguments: list[str], option: str
) -> None:
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 2, result.output
    assert option in result.stderr and RANGE_TEXT in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "arguments",
    [
        ["estimate", NORDLICHT, "--to", "DE-BY", "--at", "2199-12-31T23:59+14:00"],
        ["deadline", NORDLICHT, "--country", "DE", "--delivered", "2199-12-31"],
    ],
)
def test_the_last_day_of_the_range_is_answered(arguments: list[str]) -> None:
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
