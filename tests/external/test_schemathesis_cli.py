"""schemathesis' command line with every check against a running server: no failure, in both layouts.

The same run an integrator would make: `st run http://127.0.0.1:PORT/openapi.json --checks all`, with
schemathesis' default expectations (a request of the documented form is never refused, one outside
it always is) and all its phases (examples, coverage, fuzzing, stateful). The suite caps the examples
per operation to keep its time; the default (100) finds nothing more (docs/external-checks.md).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ST = str(Path(sys.executable).with_name("st"))


def test_schemathesis_checks_all_find_no_failure(served: tuple[str, str], tmp_path: Path) -> None:
    layout, base = served
    command = [
        ST,
        "run",
        f"{base}/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        "15",
        "--seed",
        "20261205",
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=900, cwd=tmp_path, check=False)
    summary = run.stdout[-3000:]
    assert run.returncode == 0, summary
    # Warnings (an operation that found no test data) are not failures; any failure is listed here.
    assert "Failures:" not in summary and " failed" not in summary, summary
    cases = re.search(r"(\d+) generated, (\d+) passed", summary)
    assert cases is not None and cases.group(1) == cases.group(2), summary
    operations = re.search(r"Tested: (\d+)", summary)
    assert operations is not None and int(operations.group(1)) >= 18, summary
    print(f"{layout}: {cases.group(1)} cases, {operations.group(1)} operations")
