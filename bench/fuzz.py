"""The long fuzz run: 50,000 generated files through the loader, 10,000 clean ones through everything.

    .venv/bin/python bench/fuzz.py [--inputs 50000] [--clean 10000] [--save DIR]

The same generators and checks as tests/fuzz (docs/reliability.md), with fresh random inputs on every
run, and the downstream stage for every clean file: every CLI command, every HTTP endpoint (in
directory mode, and served alone), every MCP tool and resource, with the destinations, moments and
days in turn (`--all-values`: all of them, every value of every parameter). More clean files are
generated (valid alternatives only) until `--clean` is reached.

It prints the inputs checked, the clean ones, the downstream calls made and every fault, the time per
input (mean, 99th percentile, worst, and the worst per 100 KB against the 1 s target), and the
slowest inputs. With `--save DIR`, every input that caused a fault is written there, to be committed
to tests/fuzz/regressions/ with its expectation.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)  # run as a script, bench/ would come first and its mcp.py shadow the mcp package
sys.path.insert(0, str(REPO_ROOT))  # the generators live in the test package

from tests.fuzz.driver import check_files, downstream  # noqa: E402
from tests.fuzz.file_checks import FuzzTally, check_file  # noqa: E402
from tests.fuzz.inputs import HOSTILE, ODD_BUT_VALID, FuzzInput, clean_inputs, fuzz_inputs  # noqa: E402

# Judged on inputs of 10 KB or more; below that a fixed cost (the rule packs) dominates.
TARGET_SECONDS_PER_100_KB = 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=50_000)
    parser.add_argument("--clean", type=int, default=10_000, help="clean files for the downstream stage")
    parser.add_argument("--save", type=Path, help="folder to write the inputs that caused a fault to")
    parser.add_argument(
        "--all-values",
        action="store_true",
        help="ask every destination, moment and day, every value of every parameter (slower)",
    )
    options = parser.parse_args()

    tally = FuzzTally()
    started = time.perf_counter()
    for name, data in [*HOSTILE, *ODD_BUT_VALID]:
        outcome = check_file(FuzzInput(data, f"hostile: {name}"))
        tally.add(outcome)
    clean = check_files(fuzz_inputs(), options.inputs, fixed=False, tally=tally)
    loader_seconds = time.perf_counter() - started
    while len(clean) < options.clean:
        more = FuzzTally()
        clean += check_files(clean_inputs(), min(2000, 2 * (options.clean - len(clean))), False, more)
        tally.faults += more.faults
    clean = clean[: options.clean]
    downstream_seconds = downstream(clean, tally, everything=True, all_values=options.all_values)
    _report(tally, len(clean), loader_seconds, downstream_seconds)
    if options.save and tally.faults:
        _save(options.save, tally)
    if tally.faults:
        raise SystemExit(1)


def _report(tally: FuzzTally, clean: int, loader_seconds: float, downstream_seconds: float) -> None:
    times = sorted(tally.seconds)
    p99 = times[int(len(times) * 0.99)] if times else 0.0
    print(f"fuzz: {tally.inputs} inputs checked in {loader_seconds:.0f} s, {tally.clean} validate clean")
    print(
        f"  time per input: mean {statistics.fmean(times) * 1e3:.1f} ms, 99th percentile {p99 * 1e3:.1f} ms, "
        f"worst {times[-1] * 1e3:.0f} ms"
    )
    worst = tally.worst_per_100_kb
    verdict = "met" if worst <= TARGET_SECONDS_PER_100_KB else "missed"
    print(
        f"  slowest large input: {worst:.3f} s per 100 KB; target <= {TARGET_SECONDS_PER_100_KB} s {verdict}"
    )
    for seconds, origin, size in reversed(tally.slowest):
        print(f"    {seconds * 1e3:8.0f} ms  {size / 1024:7.0f} KB  {origin[:80]}")
    print(f"  downstream: {clean} clean files, {tally.calls} calls in {downstream_seconds:.0f} s")
    print(f"  faults: {len(tally.faults)}")
    for fault in tally.faults[:50]:
        print(f"    {fault[:400]}")


def _save(folder: Path, tally: FuzzTally) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number, item in enumerate(dict.fromkeys(tally.broken)):
        path = folder / f"broken-{number:03d}.yaml"
        path.write_bytes(item.data)
        print(f"  saved {path}: {item.origin[:100]}")


if __name__ == "__main__":
    main()
