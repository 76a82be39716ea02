"""Every file that ever broke shopterms stays a test: the finding it must give, or, when it is valid,
every command, endpoint and tool answering it.

Add a file to tests/fuzz/regressions/ (bench/fuzz.py --save writes the ones it breaks on) and its
expected first error code here; None means the file is valid.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shopterms.policy.loader import load_policy
from shopterms.validators.commands.validate import exit_status
from tests.fuzz.downstream import run_downstream
from tests.fuzz.file_checks import check_file
from tests.fuzz.inputs import FuzzInput

FOLDER = Path(__file__).parent / "regressions"
# file → the code of its first error (None: the file is valid and must work everywhere)
EXPECTED: dict[str, str | None] = {
    "cutoff-fraction-in-handling.yaml": "SCHEMA008",  # read as 1.5 s after midnight UTC; estimate crashed
    "cutoff-fraction-in-service.yaml": "SCHEMA008",
    "time-zone-name-too-long.yaml": "SCHEMA008",  # the zone lookup raised "file name too long"
    "time-zone-name-long-non-ascii.yaml": "SCHEMA008",
    "closure-without-end.yaml": "SHIP015",  # validated clean; estimate then blamed --service
    "closure-past-the-supported-range.yaml": "SCHEMA006",
    "seasonal-days-beyond-ten-years.yaml": "SCHEMA006",  # the deadline overflowed the calendar
    "seasonal-until-timestamp.yaml": "SCHEMA003",  # 0 was read as 1970-01-01
    "tracking-yes.yaml": "SCHEMA003",  # "yes" was read as true
    "withdrawal-days-as-text.yaml": "SCHEMA003",  # "14" was read as 14
    "amount-with-exponent.yaml": "SCHEMA008",  # "1e5" passed the loader, not the editor schema
    "country-code-sharp-s.yaml": "SCHEMA005",  # "ß".upper() is "SS", a country code
    "version-true.yaml": "SCHEMA009",  # true == 1 in Python
    "return-cost-unknown-country-key.yaml": "SCHEMA005",  # the finding had no place in the file
    "folded-shop-name.yaml": None,  # the name carried ruamel.yaml's fold marks (BEL characters)
    # SUP006 asked the hours parser for holidays of IN, which it has no calendar of: SCHEMA010
    "shop-in-a-country-without-holiday-calendar.yaml": None,
}


def test_every_regression_file_has_its_expectation() -> None:
    assert sorted(path.name for path in FOLDER.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_file_that_once_broke_shopterms_gives_its_finding_in_words(name: str) -> None:
    outcome = check_file(FuzzInput((FOLDER / name).read_bytes(), name), name)
    assert outcome.faults == ()
    assert outcome.report is not None
    errors = [item for item in outcome.report.diagnostics if item.severity == "error"]
    expected = EXPECTED[name]
    if expected is None:
        assert errors == [] and exit_status([outcome.report]) == 0
    else:
        assert errors and errors[0].code == expected and errors[0].location is not None
        assert exit_status([outcome.report]) == 1


def test_the_valid_ones_work_through_every_command_endpoint_and_tool() -> None:
    valid = [FuzzInput((FOLDER / name).read_bytes(), name) for name, code in EXPECTED.items() if code is None]
    calls, faults = run_downstream(valid, everything=True, all_values=True)
    assert calls > 0 and faults == []


def test_a_folded_name_reads_without_fold_marks() -> None:
    policy = load_policy(FOLDER / "folded-shop-name.yaml").policy
    assert policy is not None and policy.shop.name == "Nordlicht\nMode\n"
