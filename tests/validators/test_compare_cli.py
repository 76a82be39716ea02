"""`shopterms compare`: rankings of the three examples and two saved third-party pages, in every format,
against golden outputs; errors for every kind of bad input, with exit 2 and no traceback.

Rewrite the golden files with `pytest tests/validators --update-goldens` (or SHOPTERMS_UPDATE_GOLDENS=1)
and review the diff.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from shopterms.validators.cli import main
from tests.conftest import REPO_ROOT

GOLDENS = Path(__file__).parent / "compare_goldens"
SOURCES = [
    "examples/nordlicht-mode.yaml",
    "examples/voltwerk-electronics.yaml",
    "examples/kleinkram.yaml",
    "tests/validators/compare_pages/bergwerk-outdoor.html",
    "tests/validators/compare_pages/pixelpost-prints.html",
]
AT = "2026-03-09T10:00+01:00"
PROFILES = {"speed": "fast,cheap", "returns": "free-returns,long-returns", "invoice": "invoice,fast"}
SUFFIX_BY_FORMAT = {"table": "txt", "markdown": "md", "html": "html", "json": "json"}

# The ranking each profile must give, as (rank, shop); the goldens hold the full outputs.
EXPECTED = {
    ("DE-BY", "speed"): [
        (1, "Voltwerk"),
        (2, "Nordlicht Mode"),
        (3, "Bergwerk Outdoor"),
        (4, "Kleinkram"),
        (5, "Pixelpost"),
    ],
    # Equal terms share a rank: two free 30-day policies, two 14-day policies at the buyer's cost.
    ("DE-BY", "returns"): [
        (1, "Bergwerk Outdoor"),
        (2, "Nordlicht Mode"),
        (2, "Voltwerk"),
        (4, "Kleinkram"),
        (4, "Pixelpost"),
    ],
    ("DE-BY", "invoice"): [
        (1, "Voltwerk"),
        (2, "Nordlicht Mode"),
        (3, "Bergwerk Outdoor"),
        (4, "Kleinkram"),
        (5, "Pixelpost"),
    ],
    # A page gives day ranges only, so every shop is compared by business days: 2-5, 2-6, 3-6.
    ("AT", "speed"): [
        (1, "Nordlicht Mode"),
        (2, "Voltwerk"),
        (3, "Bergwerk Outdoor"),
        (4, "Kleinkram"),
        (4, "Pixelpost"),
    ],
    ("AT", "returns"): [
        (1, "Voltwerk"),
        (2, "Bergwerk Outdoor"),
        (3, "Nordlicht Mode"),
        (4, "Kleinkram"),
        (4, "Pixelpost"),
    ],
    ("AT", "invoice"): [
        (1, "Voltwerk"),
        (2, "Nordlicht Mode"),
        (3, "Bergwerk Outdoor"),
        (4, "Kleinkram"),
        (4, "Pixelpost"),
    ],
}


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["compare", *arguments])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sources are given relative to the repository, as the outputs name them."""
    monkeypatch.chdir(REPO_ROOT)


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize("output", sorted(SUFFIX_BY_FORMAT))
@pytest.mark.parametrize("profile", sorted(PROFILES))
@pytest.mark.parametrize("destination", ["DE-BY", "AT"])
def test_output_matches_its_golden_file(
    destination: str, profile: str, output: str, update_goldens: bool
) -> None:
    code, out, err = run(
        *SOURCES, "--to", destination, "--prefer", PROFILES[profile], "--at", AT, "--format", output
    )
    assert (code, err) == (0, "")
    golden = GOLDENS / f"{destination}-{profile}.{SUFFIX_BY_FORMAT[output]}"
    if update_goldens:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8"), f"{golden.name} differs; rerun with --update-goldens"


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize(("destination", "profile"), sorted(EXPECTED))
def test_each_profile_ranks_and_explains_every_shop(destination: str, profile: str) -> None:
    code, out, _ = run(
        *SOURCES, "--to", destination, "--prefer", PROFILES[profile], "--at", AT, "--format", "json"
    )
    assert code == 0
    comparison = json.loads(out)
    assert [(entry["rank"], entry["shop"]) for entry in comparison["ranking"]] == EXPECTED[
        destination, profile
    ]
    for entry in comparison["ranking"]:
        for name in PROFILES[profile].split(","):
            assert f"{name}: " in entry["reason"]
        if any(not standing["known"] for standing in entry["standings"]):
            assert "unknown (" in entry["reason"]


@pytest.mark.usefixtures("in_repo")
def test_reasons_name_the_measure_and_unknowns() -> None:
    _, out, _ = run(*SOURCES, "--to", "DE-BY", "--prefer", "free-returns,long-returns", "--at", AT)
    lines = {line.split(" (", 1)[0]: line for line in out.splitlines() if line[:2] in {"1.", "2.", "4."}}
    assert lines["1. Bergwerk Outdoor"].endswith(
        "free-returns: free return shipping; long-returns: 60 days after delivery"
    )
    assert "free-returns: the buyer pays the return postage" in lines["4. Kleinkram"]
    assert "long-returns: 14 days after delivery" in lines["4. Pixelpost"]


@pytest.mark.usefixtures("in_repo")
def test_the_order_of_sources_does_not_change_the_output() -> None:
    forward = run(*SOURCES, "--to", "AT", "--prefer", "cheap", "--at", AT)
    backward = run(*reversed(SOURCES), "--to", "AT", "--prefer", "cheap", "--at", AT)
    assert forward == backward


@pytest.mark.usefixtures("in_repo")
def test_json_output_records_meet_the_published_schema() -> None:
    import jsonschema

    schema = json.loads((REPO_ROOT / "schemas" / "comparison-record.schema.json").read_text(encoding="utf-8"))
    _, out, _ = run(*SOURCES, "--to", "DE-BY", "--at", AT, "--format", "json")
    for record in json.loads(out)["records"]:
        jsonschema.Draft202012Validator(schema).validate(record)


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["missing.yaml", "--to", "DE"], "error: missing.yaml: no such file"),
        (["examples", "--to", "DE"], "error: examples: is a directory"),
        (["examples/kleinkram.yaml", "--to", "XX"], "Invalid value for '--to': 'XX' is not"),
        (["examples/kleinkram.yaml", "--to", "DE-ZZ"], "Invalid value for '--to'"),
        (
            ["examples/kleinkram.yaml", "--to", "DE", "--prefer", "quick"],
            "'quick' is not a preference; use fast",
        ),
        (["examples/kleinkram.yaml", "--to", "DE", "--at", "2026-03-09T10:00"], "has no time zone"),
        (["examples/kleinkram.yaml", "--to", "DE", "--format", "pdf"], "Invalid value for '--format'"),
        (["--to", "DE"], "Missing argument 'SOURCE...'"),
        (["examples/kleinkram.yaml"], "Missing option '--to'"),
        (["ftp://shop.example/", "--to", "DE"], "error: ftp://shop.example/: only http and https addresses"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(arguments: list[str], expected: str) -> None:
    code, out, err = run(*arguments)
    assert code == 2
    assert out == ""
    assert expected in err
    assert "Traceback" not in err


@pytest.mark.usefixtures("in_repo")
def test_an_invalid_policy_file_is_located_and_every_bad_source_named(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("shop:\n  name: Broken\n  url: not-a-url\n", encoding="utf-8")
    code, out, err = run(str(broken), "examples/kleinkram.yaml", "nowhere.html", "--to", "DE", "--at", AT)
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert re.match(
        rf"error: {re.escape(str(broken))}:\d+:\d+: .+ \(\d more problems; run shopterms validate\)$",
        lines[0],
    )
    assert lines[1] == "error: nowhere.html: no such file"
    assert lines[2] == "2 of 3 sources could not be read; nothing was compared."


@pytest.mark.parametrize(
    "arguments",
    [["--help"], ["examples/nordlicht-mode.yaml", "examples/kleinkram.yaml", "--to", "DE", "--at", AT]],
    ids=["help", "policy-files"],
)
def test_comparing_policy_files_loads_no_page_or_server_packages(arguments: list[str]) -> None:
    # Pages and addresses need rdflib, extruct and httpx; policy files alone must not pay for them.
    probe = (
        "import json, sys\nfrom shopterms.validators.cli import main\n"
        f"try:\n    main(['compare', *{arguments!r}], prog_name='shopterms')\nexcept SystemExit as stop:\n"
        "    print(json.dumps([stop.code, sorted(sys.modules)]), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    status, modules = json.loads(done.stderr.splitlines()[-1])
    assert status in (0, None)
    loaded = {name.split(".")[0] for name in modules}
    assert loaded.isdisjoint({"fastapi", "mcp", "rdflib", "extruct", "httpx", "uvicorn"})
    assert ("--prefer PREFERENCE" if arguments == ["--help"] else "Ranking:") in done.stdout
