"""The estimate benchmark runs and reports the engine against its baselines (figures are not asserted)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_benchmark_prints_rates_and_ratios() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "bench" / "estimate.py"), "--count", "40"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO_ROOT,
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "nordlicht-mode.yaml: service standard to DE-BY, 40 order moments"
    assert lines[1].startswith("engine (cached)") and "x faster" in lines[2] and "of it" in lines[3]
    assert lines[4].startswith("target 20,000 estimates/s on one core:")
