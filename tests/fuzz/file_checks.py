"""The loader stage: what must hold for any file whatever, as `shopterms validate` checks it.

No exception; an exit status of 0, 1 or 2; every finding a catalogued code with a place in the file
(file:line:col); no internal-fault code (SCHEMA010 is a fault in shopterms, YAML015 an unreadable file
on disk, which bytes in hand cannot be) and no fall-back message of the YAML reader for its own faults.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from shopterms.policy.codes import CODES_BY_ID
from shopterms.policy.loader import load_policy_bytes
from shopterms.validators.commands.validate import exit_status
from shopterms.validators.file_report import FileReport, check_loaded
from tests.fuzz.inputs import FuzzInput

INTERNAL_FAULT_CODES = {"SCHEMA010", "YAML015"}
# The YAML reader's words when the parser itself failed (policy.document): a fault, not a finding.
READER_FAULT = "the file could not be read as YAML"
# Findings about the file as a whole, which have no line to point at.
FILE_LEVEL_CODES = {"YAML013"}


@dataclass(frozen=True)
class FileOutcome:
    """What checking one input gave: its report (None when checking raised), faults, and the time taken."""

    item: FuzzInput
    report: FileReport | None
    faults: tuple[str, ...]
    seconds: float

    @property
    def clean(self) -> bool:
        """Validates clean: `shopterms validate` exits 0 (warnings allowed)."""
        return self.report is not None and not self.faults and exit_status([self.report]) == 0


def check_file(item: FuzzInput, name: str = "fuzz.yaml") -> FileOutcome:
    start = time.perf_counter()
    try:
        report = check_loaded(load_policy_bytes(item.data, name))
    except Exception as error:
        seconds = time.perf_counter() - start
        return FileOutcome(item, None, (f"raised {type(error).__name__}: {error}",), seconds)
    seconds = time.perf_counter() - start
    return FileOutcome(item, report, tuple(_faults(report)), seconds)


def _faults(report: FileReport) -> list[str]:
    found: list[str] = []
    status = exit_status([report])
    if status not in (0, 1, 2):
        found.append(f"exit status {status}")
    for item in report.diagnostics:
        where = f"{item.code} {item.message[:100]!r}"
        if item.code not in CODES_BY_ID:
            found.append(f"uncatalogued code: {where}")
        if item.code in INTERNAL_FAULT_CODES:
            found.append(f"internal fault: {where} ({item.detail})")
        if READER_FAULT in item.message:
            found.append(f"the YAML reader failed: {where} ({item.detail})")
        if item.location is None and item.code not in FILE_LEVEL_CODES:
            found.append(f"not located: {where}")
    return found


@dataclass
class FuzzTally:
    """Counts for a run: inputs, clean ones, downstream calls, faults (and the inputs behind them), the
    time per input, the slowest inputs, and the slowest per 100 KB among inputs of 10 KB or more."""

    inputs: int = 0
    clean: int = 0
    calls: int = 0
    faults: list[str] = field(default_factory=list)
    broken: list[FuzzInput] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    slowest: list[tuple[float, str, int]] = field(default_factory=list)
    worst_per_100_kb: float = 0.0

    def add(self, outcome: FileOutcome) -> None:
        self.inputs += 1
        self.seconds.append(outcome.seconds)
        size = len(outcome.item.data)
        self.slowest = sorted([*self.slowest, (outcome.seconds, outcome.item.origin, size)])[-5:]
        if size >= 10 * 1024:
            self.worst_per_100_kb = max(self.worst_per_100_kb, outcome.seconds / size * 100 * 1024)
        if outcome.faults:
            self.faults += [f"{outcome.item.origin}: {fault}" for fault in outcome.faults]
            self.broken.append(outcome.item)
