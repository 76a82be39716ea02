"""`shopterms validate` as a real process: exit 0 on the example, and none of the heavy packages loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
HEAVY = (
    "fastapi",
    "mcp",
    "rdflib",
    "extruct",
    "pyshacl",
    "httpx",
    "uvicorn",
    "sqlalchemy",
    "alembic",
    "psycopg",
    "joserfc",
    "cryptography",
)
# Runs the CLI in a fresh interpreter, then reports its exit status and every module it imported.
PROBE = """
import json, sys
from shopterms.validators.cli import main
try:
    main(sys.argv[1:], prog_name="shopterms")
except SystemExit as stop:
    status = stop.code
print(json.dumps({"status": status, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def test_console_script_validates_the_example_with_exit_0() -> None:
    script = Path(sys.executable).with_name("shopterms")
    done = subprocess.run(
        [str(script), "validate", "examples/nordlicht-mode.yaml"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "1 file valid\n", "")


def test_validate_imports_no_server_or_graph_packages() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "validate", "examples/nordlicht-mode.yaml"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    report = json.loads(done.stderr.splitlines()[-1])
    assert report["status"] == 0
    loaded = {name.split(".")[0] for name in report["modules"]}
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))
