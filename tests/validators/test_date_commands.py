"""`shopterms estimate` and `shopterms deadline`: output, exit codes and messages for bad input."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from shopterms.validators.cli import main
from tests.conftest import EXAMPLES_DIR

NORDLICHT = str(EXAMPLES_DIR / "nordlicht-mode.yaml")


def _run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    return result.exit_code, result.stdout, result.stderr


def test_estimate_prints_each_service_fastest_first() -> None:
    code, out, _ = _run("estimate", NORDLICHT, "--to", "DE-BY", "--at", "2026-12-23T15:00+01:00")
    assert code == 0
    assert out.splitlines()[0] == "Nordlicht Mode to DE-BY, ordered Wed 2026-12-23 15:00 CET"
    assert out.index("Express (express)") < out.index("Standardversand (standard)")
    assert "  delivery   Tue 2027-01-05 to Fri 2027-01-08" in out
    assert "2027-01-06 Epiphany (DE-BY)" in out and "warehouse closed 2026-12-24..2027-01-01" in out


def test_estimate_json_is_the_list_of_result_models() -> None:
    code, out, _ = _run(
        "estimate",
        NORDLICHT,
        "--to",
        "DE",
        "--service",
        "standard",
        "--at",
        "2026-03-11T13:59:59+01:00",
        "--format",
        "json",
    )
    assert code == 0
    [estimate] = json.loads(out)
    assert estimate["service"] == "standard" and estimate["cutoff_met"] is True
    assert (estimate["earliest_delivery"], estimate["latest_delivery"]) == (
        "2026-03-12",
        "2026-03-16",
    )  # 0-1 + 1-2 days


def test_estimate_with_postal_code() -> None:
    code, out, _ = _run("estimate", NORDLICHT, "--to", "DE-BY", "--postal-code", "80331", "--format", "json")
    assert code == 0 and json.loads(out)[0]["destination"]["postal_code"] == "80331"


def test_estimate_naive_time_is_a_usage_error_naming_the_option() -> None:
    code, _, err = _run("estimate", NORDLICHT, "--to", "DE", "--at", "2026-12-23T15:00")
    assert code == 2
    assert "Invalid value for '--at'" in err and "no time zone" in err and "Traceback" not in err


def test_estimate_unknown_service_lists_the_ids() -> None:
    code, _, err = _run("estimate", NORDLICHT, "--to", "DE", "--service", "overnight")
    assert code == 2 and "'--service'" in err and "standard, express, international" in err


def test_estimate_unknown_subdivision_lists_the_allowed_ones() -> None:
    code, _, err = _run("estimate", NORDLICHT, "--to", "DE-XY")
    assert code == 2 and "'--to'" in err and "DE-BY" in err


def test_estimate_destination_not_served_says_where_it_ships() -> None:
    code, _, err = _run("estimate", NORDLICHT, "--to", "US")
    assert code == 2 and "no service ships to US" in err and "AT, CH, DE" in err


def test_deadline_prints_both_deadlines_and_the_later_one() -> None:
    code, out, _ = _run("deadline", NORDLICHT, "--country", "DE", "--delivered", "2026-12-11")
    assert code == 0
    assert "  statutory   Mon 2026-12-28:" in out
    assert "  last day    Sun 2027-01-10 (shop)" in out


def test_deadline_json_with_region_and_order_date() -> None:
    code, out, _ = _run(
        "deadline",
        NORDLICHT,
        "--country",
        "DE",
        "--region",
        "DE-BY",
        "--delivered",
        "2026-12-23",
        "--ordered",
        "2026-12-20",
        "--format",
        "json",
    )
    assert code == 0
    answer = json.loads(out)
    assert answer["statutory"]["last_day"] == "2027-01-07" and answer["shop"]["seasonal"] == "Christmas"


def test_deadline_bad_date_is_a_usage_error() -> None:
    code, _, err = _run("deadline", NORDLICHT, "--country", "DE", "--delivered", "11.12.2026")
    assert code == 2 and "Invalid value for '--delivered'" in err and "ISO date" in err


def test_deadline_unknown_country_suggests_a_code() -> None:
    code, _, err = _run("deadline", NORDLICHT, "--country", "Deutschland", "--delivered", "2026-12-11")
    assert code == 2 and "'--country'" in err


def test_policy_with_errors_prints_diagnostics_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("shop: {name: X}\n", encoding="utf-8")
    for command in (
        ["estimate", str(broken), "--to", "DE"],
        ["deadline", str(broken), "--country", "DE", "--delivered", "2026-12-11"],
    ):
        code, out, err = _run(*command)
        assert code == 1 and out == ""
        assert str(broken) in err and "error[" in err and "Traceback" not in err


def test_missing_policy_file_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = _run("estimate", str(tmp_path / "absent.yaml"), "--to", "DE")
    assert code == 2 and "does not exist" in err


def test_deadline_notes_name_the_command_line_options() -> None:
    code, stdout, _ = _run("deadline", NORDLICHT, "--country", "DE", "--delivered", "2026-12-22")
    assert code == 0
    assert "note        --ordered was not given, so seasonal overrides were not considered" in stdout
    assert "ordered_on" not in stdout


def test_deadline_without_return_terms_or_statutory_period_says_so(tmp_path: Path) -> None:
    text = (EXAMPLES_DIR / "kleinkram.yaml").read_text(encoding="utf-8")
    text = text[: text.index("returns:")] + text[text.index("legal:") :]
    policy = tmp_path / "shop.yaml"
    policy.write_text(
        text.replace("  currency: EUR", "  currency: EUR\n  sells_to: [DE, CH]"), encoding="utf-8"
    )
    code, stdout, _ = _run("deadline", str(policy), "--country", "CH", "--delivered", "2026-12-11")
    assert code == 0
    assert "none (none)" not in stdout
    assert (
        "last day    none: the shop states no return window and no statutory period applies in CH" in stdout
    )
