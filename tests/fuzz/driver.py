"""Running the fuzz stages: the test run and bench/fuzz.py share this, and differ only in counts.

Inputs are drawn from hypothesis strategies with generation alone (no shrinking): a fault is recorded
with the input that caused it and the run goes on, so one run reports every fault it meets. A test
run is derandomised (the same inputs each time, so an unrelated change never meets a new input by
chance); the bench draws fresh ones each run.
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.fuzz.downstream import run_downstream
from tests.fuzz.file_checks import FuzzTally, check_file
from tests.fuzz.inputs import FuzzInput


def check_files(
    strategy: st.SearchStrategy[FuzzInput], count: int, fixed: bool, tally: FuzzTally
) -> list[FuzzInput]:
    """Check `count` drawn inputs (the loader stage); returns the ones that validate clean."""
    clean: list[FuzzInput] = []

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        derandomize=fixed,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def one(item: FuzzInput) -> None:
        outcome = check_file(item)
        tally.add(outcome)
        if outcome.clean:
            tally.clean += 1
            clean.append(item)

    one()
    return clean


def downstream(clean: list[FuzzInput], tally: FuzzTally, everything: bool, all_values: bool = False) -> float:
    """Every clean input through the commands, endpoints and tools; returns the seconds it took."""
    start = time.perf_counter()
    calls, faults = run_downstream(clean, everything, tally.broken, all_values)
    tally.calls += calls
    tally.faults += faults
    return time.perf_counter() - start
